import { describe, expect, it } from 'vitest';
import { TEXT_LIMITS } from '../../../../src/domain/question-bank/question-schema.ts';
import { autoPausedMessage, RESUME_MATCHING_ACTION } from '../../../../src/slack/blocks/auto-paused.ts';
import {
  DAILY_QUESTION_ACTIONS,
  type DailyQuestionView,
  dailyHintMessage,
  dailyPostFailedMessage,
  dailyQuestionMessage,
} from '../../../../src/slack/blocks/daily-question.ts';
import { expiredRequestMessage } from '../../../../src/slack/blocks/expired-request.ts';
import {
  FORGET_ME_ACTION,
  forgetMeConfirmation,
  forgottenMessage,
} from '../../../../src/slack/blocks/forget-me.ts';
import {
  didYouMeanMessage,
  helpMessage,
  unknownSubcommandMessage,
} from '../../../../src/slack/blocks/help-message.ts';
import { leftOutMessage } from '../../../../src/slack/blocks/left-out.ts';
import { practiceStatsMessage } from '../../../../src/slack/blocks/practice-stats.ts';
import { profileMessage } from '../../../../src/slack/blocks/profile-message.ts';
import type { MemberProfile } from '../../../../src/store/members.ts';
import { actionIds, ampersands, expectWithinLimits, hostile, memberTokens, textOf } from './block-checks.ts';

const ALL_TYPE_LABELS = [
  'Product sense',
  'Execution',
  'Strategy',
  'Technical',
  'Behavioural',
  'Reverse interview',
];

describe('/mock help and the answers to a mistyped command', () => {
  it('lists every command within Slack’s limits', () => {
    const message = helpMessage();
    expectWithinLimits(message);
    for (const command of ['/mock status', '/mock weekly', '/mock forget-me', '/mock admin questions'])
      expect(textOf(message.blocks)).toContain(command);
  });

  it('is built once and shared, so no caller can change what the next member sees', () => {
    expect(helpMessage()).toBe(helpMessage());
    expect(Object.isFrozen(helpMessage())).toBe(true);
  });

  it.each([
    ['an ordinary typo', 'stauts'],
    ['the longest word the parser passes, all hostile', hostile(40)],
    ['forty ampersands', ampersands(40)],
  ])('didYouMean and unknown, with %s', (_name, word) => {
    for (const message of [
      didYouMeanMessage(word, 'status', null),
      didYouMeanMessage(word, 'stats', 'strategy'),
      unknownSubcommandMessage(word),
    ]) {
      expectWithinLimits(message);
      expect(memberTokens(message)).toEqual([]);
    }
  });

  it('spells out both readings of a word that is also a type', () => {
    const message = didYouMeanMessage('strategi', 'stats', 'strategy');
    expect(message.text).toContain('Did you mean `/mock stats`?');
    expect(message.text).toContain('`/mock strategy now`');
  });
});

describe('one-line notices', () => {
  it('the auto-pause message carries the resume button its listener reads', () => {
    for (const lapses of [2, 3, 1000]) {
      const message = autoPausedMessage(lapses);
      expectWithinLimits(message);
      expect(actionIds(message)).toEqual([RESUME_MATCHING_ACTION]);
    }
    expect(autoPausedMessage(3).text).toContain('your last 3 sessions');
  });

  it('the expired and left-out messages name every type asked for', () => {
    const next = new Date('2026-12-07T15:00:00Z');
    for (const labels of [['Execution'], ALL_TYPE_LABELS]) {
      const expired = expiredRequestMessage(labels);
      const leftOut = leftOutMessage(labels, next);
      expectWithinLimits(expired);
      expectWithinLimits(leftOut);
      expect(expired.text).toContain(labels.join(', '));
      expect(leftOut.text).toContain(labels.join(', '));
    }
    expect(leftOutMessage(['Execution'], next).text).toContain(`<!date^${next.getTime() / 1000}^`);
  });

  it('forget-me asks before erasing, with the button its listener reads, and says what was cancelled', () => {
    const confirmation = forgetMeConfirmation();
    expectWithinLimits(confirmation);
    expect(actionIds(confirmation)).toEqual([FORGET_ME_ACTION]);
    expect(textOf(confirmation)).toContain('"confirm":{"type":"plain_text","text":"Erase"}');
    for (const cancelled of [0, 1, 999]) expectWithinLimits(forgottenMessage(cancelled));
    expect(forgottenMessage(0).text).not.toContain('cancelled');
    expect(forgottenMessage(1).text).toContain('One session was cancelled');
    expect(forgottenMessage(3).text).toContain('3 sessions were cancelled');
  });
});

describe('/mock stats', () => {
  it('a new member is told how to start', () => {
    const message = practiceStatsMessage({
      streak: { weeks: 0, longest: 0, practisedThisWeek: false, sessions: 0 },
      byType: new Map(),
      missed: 0,
      feedbackCharts: 'after-first-feedback',
    });
    expectWithinLimits(message);
    expect(message.text).toContain('No sessions yet');
  });

  it('a long-standing member with every type, and an unknown slug, stays within limits', () => {
    const byType = new Map<string, number>([
      ['execution', 400],
      ['strategy', 3],
      ['product-sense', 12],
      ['technical', 90],
      ['behavioural', 1],
      ['reverse-interview', 7],
      ['a-retired-custom-type', 2],
    ]);
    const message = practiceStatsMessage({
      streak: { weeks: 1, longest: 260, practisedThisWeek: true, sessions: 515 },
      byType,
      missed: 40,
      feedbackCharts: 'on-the-way',
    });
    expectWithinLimits(message);
    const text = textOf(message.blocks);
    expect(text).toContain('*Weekly streak:* 1 week, this week included · longest 260 weeks');
    expect(text).toContain('(plus 40 you were reported absent from)');
    expect(text.indexOf('Execution 400')).toBeLessThan(text.indexOf('Behavioural 1'));
  });
});

describe('/mock profile (the message)', () => {
  const profile = (overrides: Partial<MemberProfile> = {}): MemberProfile => ({
    id: 'm1',
    workspaceId: 'ws',
    slackTeamId: 'T0',
    slackUserId: 'U0ANA',
    timezone: 'Europe/Berlin',
    timezoneFromSlack: 'Europe/Berlin',
    timezoneOverride: null,
    level: 'SENIOR',
    meetingLink: 'https://meet.example.com/abc',
    usualTimes: 'weekdays 18-21',
    usualAvailability: null,
    profileSyncedAt: null,
    ...overrides,
  });

  it('names where the timezone comes from, and what is not set', () => {
    const set = profileMessage(profile());
    expectWithinLimits(set);
    expect(textOf(set.blocks)).toContain('Europe/Berlin (from your Slack profile)');
    const empty = profileMessage(profile({ timezone: null, level: null, meetingLink: null }));
    expectWithinLimits(empty);
    expect(textOf(empty.blocks)).toContain('*Level:* not set');
    expect(textOf(empty.blocks)).toContain('not set (sessions will suggest a Slack huddle)');
  });

  it('a meeting link at the 300 characters the form allows, full of Slack’s characters, stays text', () => {
    for (const meetingLink of [`https://x.example/${hostile(282)}`, `https://x.example/${ampersands(282)}`]) {
      const message = profileMessage(profile({ meetingLink, timezone: 'America/Argentina/ComodRivadavia' }));
      expectWithinLimits(message);
      expect(memberTokens(message)).toEqual([]);
    }
  });
});

describe('the question of the day', () => {
  const question = (overrides: Partial<DailyQuestionView> = {}): DailyQuestionView => ({
    id: '00000000-0000-4000-8000-000000000001',
    text: 'Weekly active teams fell 8% last week. How would you find out why?',
    levels: ['SENIOR', 'STAFF'],
    hint: 'Segment before you solve: platform, cohort, region, then a change you shipped.',
    ...overrides,
  });
  const longest = question({
    text: hostile(TEXT_LIMITS.text.max),
    hint: hostile(TEXT_LIMITS.hint.max),
    levels: ['PM', 'SENIOR', 'STAFF', 'DIRECTOR'],
  });
  const longestAmpersands = question({
    text: ampersands(TEXT_LIMITS.text.max),
    hint: ampersands(TEXT_LIMITS.hint.max),
  });

  it('carries the question’s id on both buttons the listeners read', () => {
    const message = dailyQuestionMessage(question(), 'Execution');
    expectWithinLimits(message);
    expect(actionIds(message)).toEqual([DAILY_QUESTION_ACTIONS.practise, DAILY_QUESTION_ACTIONS.hint]);
    expect(textOf(message.blocks).match(/00000000-0000-4000-8000-000000000001/g)).toHaveLength(2);
    expect(textOf(message.blocks)).toContain('Senior – Staff');
  });

  it('an organizer’s question and hint at their longest, full of Slack’s characters, stay text in the blocks', () => {
    for (const each of [longest, longestAmpersands]) {
      const post = dailyQuestionMessage(each, 'Reverse interview');
      const hint = dailyHintMessage(each, 'CIRCLES <or> & |');
      expectWithinLimits(post);
      expectWithinLimits(hint);
      expect(memberTokens(post.blocks)).toEqual([]);
      expect(memberTokens(hint)).toEqual([]);
    }
    expect(textOf(dailyQuestionMessage(longest, 'Strategy').blocks)).toContain('PM – Director');
  });

  it('the hint names the framework when there is one', () => {
    expect(dailyHintMessage(question(), 'CIRCLES').text).toMatch(
      /^\*Hint\* · a framework that fits: \*CIRCLES\*\n/,
    );
    expect(dailyHintMessage(question(), null).text).toMatch(/^\*Hint\*\n/);
  });

  it('tells the organizer why the post failed and how to fix it', () => {
    const archived = dailyPostFailedMessage('C0DAILY', 'is_archived');
    expectWithinLimits(archived);
    expect(archived.text).toContain('<#C0DAILY>');
    expect(archived.text).toContain('The channel is archived');
    const other = dailyPostFailedMessage('C0DAILY', hostile(200));
    expectWithinLimits(other);
    expect(memberTokens(other)).toEqual([]);
    expect(other.text).toContain('/invite @mockingbird');
  });
});
