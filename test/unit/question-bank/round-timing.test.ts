import { describe, expect, it } from 'vitest';
import { LEVELS } from '../../../src/domain/matching/types.ts';
import { levelSteps } from '../../../src/domain/question-bank/level-bars.ts';
import { loadBank } from '../../../src/domain/question-bank/load-bank.ts';
import {
  roundPlan,
  roundTiming,
  roundTimingText,
  splitMinutes,
  timingFor,
} from '../../../src/domain/question-bank/round-timing.ts';
import { dimensionsFor, renamedDimensions } from '../../../src/domain/question-bank/rubric-dimensions.ts';
import type { RubricTiming } from '../../../src/domain/question-bank/rubric-schema.ts';

const solving: RubricTiming = {
  parts: [
    { share: 15, part: 'to clarify the goal' },
    { share: 50, part: 'to work the problem' },
    { share: 20, part: 'to make a call' },
    { share: 15, part: 'for your follow-ups' },
  ],
};

const stories: RubricTiming = {
  answer: { one: 'story', many: 'stories', minutes: 12 },
  parts: [
    { share: 25, part: 'to hear it told' },
    { share: 60, part: 'on follow-ups' },
    { share: 15, part: 'on what they would change' },
  ],
};

describe('roundPlan', () => {
  it.each([
    [45, 2, 20],
    [60, 2, 27],
    [30, 2, 12],
    [45, 1, 40],
    [30, 1, 25],
  ])(
    'a %i-minute session of %i round(s) gives each round %i minutes, after a 5-minute debrief',
    (length, rounds, minutes) => {
      expect(roundPlan(length, rounds)).toEqual({
        sessionMinutes: length,
        rounds,
        roundMinutes: minutes,
        debriefMinutes: 5,
      });
    },
  );

  it('treats no rounds as one, and keeps no debrief when there is no time for one', () => {
    expect(roundPlan(45, 0).rounds).toBe(1);
    expect(roundPlan(20, 2)).toMatchObject({ roundMinutes: 10, debriefMinutes: 0 });
  });
});

describe('splitMinutes', () => {
  it('adds up to the whole, in proportion, the largest remainders first', () => {
    expect(splitMinutes(20, [15, 50, 20, 15])).toEqual([3, 10, 4, 3]);
    expect(splitMinutes(27, [15, 50, 20, 15])).toEqual([4, 14, 5, 4]);
    expect(splitMinutes(12, [25, 60, 15])).toEqual([3, 7, 2]);
  });

  it('gives every part at least a minute when there are minutes enough', () => {
    expect(splitMinutes(10, [5, 90, 5])).toEqual([1, 8, 1]);
    expect(splitMinutes(2, [5, 90, 5])).toEqual([0, 2, 0]);
    expect(splitMinutes(0, [50, 50])).toEqual([0, 0]);
  });
});

describe('roundTiming', () => {
  it('spends a whole round on one answer for types answered in one go', () => {
    expect(roundTiming(solving, 20)).toMatchObject({ answers: 1, answerMinutes: 20 });
  });

  it('fits one story in a 45-minute swap, two in a 60-minute swap, never more than three', () => {
    expect(roundTiming(stories, 20)).toMatchObject({ answers: 1, answerMinutes: 20 });
    expect(roundTiming(stories, 27)).toMatchObject({ answers: 2, answerMinutes: 13 });
    expect(roundTiming(stories, 55)).toMatchObject({ answers: 3, answerMinutes: 18 });
    expect(roundTiming(stories, 8)).toMatchObject({ answers: 1, answerMinutes: 8 });
  });
});

describe('roundTimingText', () => {
  it('gives the round’s minutes from the session, then the minutes of each part', () => {
    expect(roundTimingText(solving, roundPlan(45, 2))).toBe(
      'About 20 minutes for your round of the 45-minute session (two rounds of 20, then 5 to debrief together). 3 to clarify the goal; 10 to work the problem; 4 to make a call; 3 for your follow-ups.',
    );
    expect(roundTimingText(solving, roundPlan(45, 1))).toMatch(
      /^About 40 minutes for your round of the 45-minute session \(one round, then 5 to debrief together\)\. 6 to clarify/,
    );
  });

  it('says one story where two do not fit, and how many where they do', () => {
    expect(roundTimingText(stories, roundPlan(45, 2))).toContain(
      'One story: two do not fit in 20 minutes. 5 to hear it told; 12 on follow-ups; 3 on what they would change.',
    );
    expect(roundTimingText(stories, roundPlan(60, 2))).toContain(
      "Two stories of about 13 minutes each: the prompt's first, then one of your choosing",
    );
  });

  it('uses a topic’s own timing where the rubric has one', () => {
    const withRolePlay: RubricTiming = {
      ...stories,
      byTopic: [
        {
          topics: ['role-play'],
          parts: [
            { share: 75, part: 'in role' },
            { share: 25, part: 'to debrief' },
          ],
        },
      ],
    };
    expect(timingFor(withRolePlay, 'role-play')).toEqual({ parts: withRolePlay.byTopic![0]!.parts });
    expect(timingFor(withRolePlay, 'conflict')).toEqual({ parts: stories.parts, answer: stories.answer });
    expect(timingFor(withRolePlay, undefined)).toEqual({ parts: stories.parts, answer: stories.answer });
    expect(roundTimingText(withRolePlay, roundPlan(45, 2), 'role-play')).toMatch(
      /\)\. 15 in role; 5 to debrief\.$/,
    );
  });

  it('reads sensibly for every built-in rubric at every session length', async () => {
    const { rubrics } = await loadBank();
    for (const rubric of rubrics) {
      const topics = [undefined, ...(rubric.timing.byTopic ?? []).flatMap((entry) => entry.topics)];
      for (const topic of topics) {
        for (const length of [30, 45, 60]) {
          for (const rounds of [1, 2]) {
            const plan = roundPlan(length, rounds);
            const timing = roundTiming(timingFor(rubric.timing, topic), plan.roundMinutes);
            const where = `${rubric.type} ${topic ?? ''} ${length}/${rounds}`;
            // Every part gets time, and the parts fill the answer exactly.
            expect(
              timing.parts.every((part) => part.minutes >= 1),
              where,
            ).toBe(true);
            expect(timing.parts.reduce((sum, part) => sum + part.minutes, 0)).toBe(timing.answerMinutes);
            expect(roundTimingText(rubric.timing, plan, topic)).toContain(
              `About ${plan.roundMinutes} minutes`,
            );
          }
        }
      }
    }
  });
});

describe('levelSteps', () => {
  const bars = { PM: 'Base bar.', SENIOR: 'Adds depth.', STAFF: 'Adds reach.', DIRECTOR: 'Adds direction.' };

  it('builds a level’s bar from every level up to it', () => {
    expect(levelSteps(bars, 'STAFF')).toEqual([
      { level: 'PM', text: 'Base bar.', adds: false },
      { level: 'SENIOR', text: 'Adds depth.', adds: true },
      { level: 'STAFF', text: 'Adds reach.', adds: true },
    ]);
    expect(levelSteps(bars, 'PM')).toHaveLength(1);
    expect(levelSteps(bars).map((step) => step.level)).toEqual([...LEVELS]);
  });
});

describe('rubric dimensions by topic', () => {
  const dimensions = [
    { id: 'sizing', notFor: ['partnership'] },
    { id: 'options', notFor: ['estimation'] },
    { id: 'structure' },
  ];

  it('leaves out the dimensions a topic does not test, and judges unknown topics on all', () => {
    const partnership = dimensionsFor(dimensions, 'partnership');
    expect(partnership.applies.map((each) => each.id)).toEqual(['options', 'structure']);
    expect(partnership.notCovered.map((each) => each.id)).toEqual(['sizing']);
    expect(dimensionsFor(dimensions, 'workspace').notCovered).toEqual([]);
    expect(dimensionsFor(dimensions, undefined).notCovered).toEqual([]);
  });

  it('maps former ids to current ones, per type', () => {
    expect(
      renamedDimensions([
        { type: 'strategy', dimensions: [{ id: 'stakeholders', formerIds: ['old-one'] }] as never },
        { type: 'technical', dimensions: [{ id: 'clarity' }] as never },
      ]),
    ).toEqual({ strategy: { 'old-one': 'stakeholders' } });
  });
});
