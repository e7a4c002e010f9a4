import { beforeAll, describe, expect, it } from 'vitest';
import { loadBank, type QuestionBank } from '../../../src/domain/question-bank/load-bank.ts';
import { roundPlan } from '../../../src/domain/question-bank/round-timing.ts';
import type { RubricFile } from '../../../src/domain/question-bank/rubric-schema.ts';
import { practiceQuestionMessage } from '../../../src/slack/blocks/practice-question.ts';
import { type SessionPromptInput, sessionPromptMessage } from '../../../src/slack/blocks/session-prompt.ts';
import { blockKitProblems } from '../../e2e/block-kit-limits.ts';

let bank: QuestionBank;
beforeAll(async () => {
  bank = await loadBank();
});

const rubric = (type: string): RubricFile => bank.rubrics.find((each) => each.type === type)!;
const question = (id: string) => {
  const found = bank.questions.find((each) => each.id === id)!;
  return { ...found, rolePlayNotes: found.rolePlayNotes ?? [] };
};

function brief(overrides: Partial<SessionPromptInput> & { question: ReturnType<typeof question> }): string {
  const message = sessionPromptMessage({
    typeLabel: 'Strategy',
    rubric: rubric(overrides.question.type),
    intervieweeSlackId: 'U0BO',
    round: 1,
    startsAt: new Date('2026-12-07T15:00:00Z'),
    interviewerKnows: false,
    plan: roundPlan(45, 2),
    targetLevel: 'SENIOR',
    ...overrides,
  });
  expect(blockKitProblems(message as never, 50)).toEqual([]);
  return JSON.stringify(message.blocks);
}

describe('the interviewer’s brief', () => {
  it('gives this round’s minutes from the session’s length: about 20 in a 45-minute swap', () => {
    const text = brief({ question: question('st-estimation-coffee-order-ahead') });
    expect(text).toContain('About 20 minutes for your round of the 45-minute session (two rounds of 20');
  });

  it('gives a one-way session’s single round the whole time but the debrief', () => {
    const text = brief({ question: question('st-estimation-coffee-order-ahead'), plan: roundPlan(45, 1) });
    expect(text).toContain('About 40 minutes for your round of the 45-minute session (one round');
  });

  it('asks for one behavioural story in a 45-minute swap', () => {
    const text = brief({
      question: question('bh-conflict-eng-lead-deadline'),
      typeLabel: 'Behavioural',
    });
    expect(text).toContain('One story: two do not fit in 20 minutes.');
  });

  it('times a prompt by its topic where the rubric says so: a role-play, an estimate', () => {
    const rolePlay = brief({ question: question('bh-role-play-sceptical-cfo'), typeLabel: 'Behavioural' });
    expect(rolePlay).toContain('13 for the conversation, with you in role');
    expect(rolePlay).not.toContain('One story');
    expect(rolePlay).toContain('Your part');
    const estimate = brief({ question: question('st-estimation-coffee-order-ahead') });
    expect(estimate).toContain('to build the estimate step by step');
  });

  it('lists only the dimensions the prompt tests, and says which to mark not covered', () => {
    const text = brief({ question: question('st-estimation-coffee-order-ahead') });
    expect(text).toContain('• Sizing and customer:');
    expect(text).not.toContain('• Competition and advantage:');
    expect(text).toContain(
      'Not tested by this prompt: Competition and advantage; Options and trade-offs; Brings stakeholders along. Mark them not covered',
    );
    const partnership = brief({ question: question('st-partnership-airline-hotels') });
    expect(partnership).not.toContain('• Sizing and customer:');
    expect(partnership).toContain('Not tested by this prompt: Sizing and customer. Mark it not covered');
  });

  it('shows the bar for the interviewee’s target level, built up from PM', () => {
    const text = brief({ question: question('st-estimation-coffee-order-ahead'), targetLevel: 'STAFF' });
    expect(text).toContain('The bar for');
    expect(text).toContain(rubric('strategy').levels.PM);
    expect(text).toContain(rubric('strategy').levels.STAFF);
    expect(text).not.toContain(rubric('strategy').levels.DIRECTOR);
  });

  it('gives a reverse interview’s role-play directions to the interviewer, under their own heading', () => {
    const scenario = question('ri-strategy-ai-relabel');
    const text = brief({ question: scenario, typeLabel: 'Reverse interview' });
    expect(text).toContain('Your part');
    expect(text).toContain('admit nothing has been cut yet');
    expect(text).toContain('Afterwards, debrief with');
    expect(text).not.toContain('Follow-ups to probe with');
  });
});

describe('/mock question', () => {
  it('never shows a role-play direction to the member practising alone', () => {
    for (const scenario of bank.questions.filter((each) => (each.rolePlayNotes ?? []).length > 0)) {
      const shown = JSON.stringify(
        practiceQuestionMessage({
          question: scenario,
          typeLabel: 'Reverse interview',
          framework: null,
          repeat: false,
        }).blocks,
      );
      for (const note of scenario.rolePlayNotes ?? [])
        expect(shown, scenario.id).not.toContain(note.slice(0, 40));
    }
  });
});
