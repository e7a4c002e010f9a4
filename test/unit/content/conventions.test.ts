import { beforeAll, describe, expect, it } from 'vitest';
import { LEVELS } from '../../../src/domain/matching/types.ts';
import { loadBank, type QuestionBank } from '../../../src/domain/question-bank/load-bank.ts';
import { dimensionsFor } from '../../../src/domain/question-bank/rubric-dimensions.ts';

/**
 * House rules for content/ that the schema cannot express: what a hint is for, where role-play
 * directions go, one currency convention, and the topics and level themes the bank must cover.
 * Each failure names the question, so a writer can fix it directly.
 */

let bank: QuestionBank;
beforeAll(async () => {
  bank = await loadBank();
});

const ofType = (type: string) => bank.questions.filter((question) => question.type === type);
const count = (type: string, topic: string, level?: string) =>
  ofType(type).filter(
    (question) =>
      question.topic === topic && (level === undefined || question.levels.includes(level as never)),
  ).length;

describe('hints', () => {
  it('spend their space on a tip or a trap, not on the framework the app already shows above them', () => {
    const offenders: string[] = [];
    for (const question of bank.questions) {
      const framework = bank.rubrics.find((rubric) => rubric.type === question.type)?.framework ?? '';
      // "North Star / HEART / AARRR" is three frameworks; each counts.
      const names = framework.split('/').map((name) => name.trim());
      if (names.some((name) => question.hint.startsWith(name)))
        offenders.push(`${question.id}: opens with it`);
      if (['STAR', 'CIRCLES', 'Research, probe, listen'].some((name) => question.hint.includes(name)))
        offenders.push(`${question.id}: names ${framework}`);
    }
    expect(offenders).toEqual([]);
  });
});

describe('role-play directions', () => {
  it('live in rolePlayNotes, shown to the interviewer only, never among the follow-ups', () => {
    const leaks = bank.questions.flatMap((question) =>
      question.followUps
        .filter((followUp) => /^(in role|afterwards, ask)\b/i.test(followUp))
        .map((followUp) => `${question.id}: ${followUp}`),
    );
    expect(leaks).toEqual([]);
  });

  it('come with every reverse-interview scenario, written as directions', () => {
    const missing = ofType('reverse-interview')
      .filter((question) => (question.rolePlayNotes ?? []).length === 0)
      .map((question) => question.id);
    expect(missing).toEqual([]);
    const prefixed = bank.questions
      .flatMap((question) => question.rolePlayNotes ?? [])
      .filter((note) => /^in role\b/i.test(note));
    expect(prefixed).toEqual([]);
  });
});

describe('money', () => {
  it('is written one way: $ with k, M or B for thousands, millions and billions', () => {
    const offenders: string[] = [];
    for (const question of bank.questions) {
      const texts = [question.text, question.hint, ...question.followUps, ...question.rubricHints];
      for (const text of texts) {
        const wrong =
          /[£€¥]|\b(pounds?|euros?|dollars?|cents?|GBP|USD|EUR)\b/i.exec(text) ??
          /\$\d[\d.,]*\s*(thousand|million|billion|[kmb]n)\b/i.exec(text) ??
          /\$\d+[MB]\b(?<=\$\d+[mb])/.exec(text) ??
          /\$\d{1,3}(,\d{3})+\b/.exec(text);
        if (wrong) offenders.push(`${question.id}: “${wrong[0]}” in “${text}”`);
      }
    }
    expect(offenders).toEqual([]);
  });
});

describe('coverage', () => {
  it('has estimation, AI products, PM-level metric drills and warm-up openers', () => {
    const gaps: string[] = [];
    const need = (what: string, have: number, least: number) => {
      if (have < least) gaps.push(`${what}: ${have}, need ${least}`);
    };
    need('strategy estimation', count('strategy', 'estimation'), 5);
    need('strategy AI pricing against inference cost', count('strategy', 'ai-pricing'), 3);
    need('product-sense AI feature design', count('product-sense', 'ai-feature'), 4);
    need('execution AI metrics and evaluation', count('execution', 'ai-evaluation'), 4);
    need('technical retrieval-augmented generation', count('technical', 'rag'), 3);
    need('technical ML system design', count('technical', 'ml-system-design'), 3);
    need('execution metric drops at PM level', count('execution', 'metric-drop', 'PM'), 5);
    need('behavioural warm-up openers', count('behavioural', 'warm-up'), 4);
    expect(gaps).toEqual([]);
  });

  it('has the level themes: deep dive, vision, first 90 days, mentoring below Staff, and the Staff themes', () => {
    const gaps: string[] = [];
    const need = (what: string, have: number, least: number) => {
      if (have < least) gaps.push(`${what}: ${have}, need ${least}`);
    };
    need('deep dive', count('behavioural', 'deep-dive'), 2);
    need('vision and opportunity', count('behavioural', 'vision'), 3);
    need('first 90 days', count('behavioural', 'first-90-days'), 2);
    need('mentoring at PM', count('behavioural', 'mentoring', 'PM'), 1);
    need('mentoring at Senior', count('behavioural', 'mentoring', 'SENIOR'), 1);
    need(
      'judgement (non-decisions, stopping work others need)',
      count('behavioural', 'judgement', 'STAFF'),
      2,
    );
    need('hostile-stakeholder role-play', count('behavioural', 'role-play'), 1);
    for (const topic of [
      'customer-access',
      'engineering-practice',
      'analytics-access',
      'outcomes',
      'incentives',
    ])
      need(`reverse interview: ${topic}`, count('reverse-interview', topic), 2);
    for (const id of [
      'bh-failure-misread-stakeholder',
      'bh-influence-goodwill-ran-out',
      'bh-influence-redesigned-incentives',
      'bh-influence-aligned-vps-no-precedent',
      'bh-judgement-killed-dependent-project',
    ])
      if (!bank.questions.some((question) => question.id === id)) gaps.push(`missing ${id}`);
    expect(gaps).toEqual([]);
  });

  it('gives every topic at least two prompts, and every type every level', () => {
    const thin: string[] = [];
    const topics = new Map<string, number>();
    for (const question of bank.questions) {
      const key = `${question.type}/${question.topic}`;
      topics.set(key, (topics.get(key) ?? 0) + 1);
    }
    for (const [key, total] of topics) if (total < 2) thin.push(`${key}: ${total}`);
    for (const rubric of bank.rubrics)
      for (const level of LEVELS)
        if (!ofType(rubric.type).some((question) => question.levels.includes(level)))
          thin.push(`${rubric.type}: nothing for ${level}`);
    expect(thin).toEqual([]);
  });
});

describe('rubrics', () => {
  it('leave at least three dimensions to score on every topic', () => {
    const thin: string[] = [];
    for (const rubric of bank.rubrics) {
      for (const topic of new Set(ofType(rubric.type).map((question) => question.topic))) {
        const { applies } = dimensionsFor(rubric.dimensions, topic);
        if (applies.length < 3) thin.push(`${rubric.type}/${topic}: ${applies.length}`);
      }
    }
    expect(thin).toEqual([]);
  });

  it('score clarity apart from accuracy, and stakeholders apart from communication', () => {
    const ids = (type: string) =>
      bank.rubrics.find((rubric) => rubric.type === type)?.dimensions.map((dimension) => dimension.id) ?? [];
    expect(ids('technical')).toEqual(expect.arrayContaining(['explains-clearly', 'technical-accuracy']));
    expect(ids('strategy')).toEqual(expect.arrayContaining(['stakeholders', 'structure-communication']));
    expect(ids('strategy')).not.toContain('stakeholders-and-communication');
  });

  it('do not ask for "I, not we": influence through others counts at Staff and above', () => {
    const ownership = bank.rubrics
      .find((rubric) => rubric.type === 'behavioural')
      ?.dimensions.find((dimension) => dimension.id === 'ownership');
    expect(ownership?.label).not.toMatch(/not we/i);
    expect(ownership?.anchors['4']).toMatch(/through others/);
  });
});
