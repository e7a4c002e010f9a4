import { describe, expect, it } from 'vitest';
import { ANNOUNCED_EVENTS } from '../../../../src/domain/sessions/session-lifecycle.ts';
import type { WeeklyRequest } from '../../../../src/domain/weekly-opt-in.ts';
import { FEEDBACK_ACTIONS } from '../../../../src/slack/blocks/feedback-labels.ts';
import { INTERVIEWER_RATING_MODAL } from '../../../../src/slack/blocks/interviewer-rating-modal.ts';
import type { RequestSummary } from '../../../../src/slack/blocks/request-summary.ts';
import { SESSION_ACTIONS, slotValueSchema } from '../../../../src/slack/blocks/session-actions.ts';
import { SESSION_BRIEF } from '../../../../src/slack/blocks/session-brief.ts';
import { sessionCheckInMessage } from '../../../../src/slack/blocks/session-check-in.ts';
import { sessionEventMessage } from '../../../../src/slack/blocks/session-event.ts';
import {
  sessionConfirmedMessage,
  sessionEndedMessage,
  sessionIntroMessage,
  sessionProposalMessage,
} from '../../../../src/slack/blocks/session-intro.ts';
import { sessionReminderMessage } from '../../../../src/slack/blocks/session-reminder.ts';
import { statusMessage } from '../../../../src/slack/blocks/status-message.ts';
import {
  WEEKLY_ACTIONS,
  weeklyEnteredMessage,
  weeklyPlainMessage,
  weeklySetMessage,
  weeklyStatusMessage,
} from '../../../../src/slack/blocks/weekly-opt-in.ts';
import type { SessionParticipantRecord, SessionRecord } from '../../../../src/store/sessions.ts';
import {
  actionIds,
  ampersands,
  blocksOf,
  expectWithinLimits,
  hostile,
  memberTokens,
  textOf,
} from './block-checks.ts';

const NOW = Date.UTC(2026, 11, 7, 12);
const HOUR = 3600_000;
const REASON =
  'both want Execution practice (and share Strategy, Product sense), 6 h of shared free time in the next 7 days, both prepare for Senior, clocks 5 h 30 min apart, never paired before';

function participant(overrides: Partial<SessionParticipantRecord> = {}): SessionParticipantRecord {
  return {
    memberId: 'm1',
    slackUserId: 'U0ANA',
    requestId: 'r1',
    interviewsFirst: true,
    confirmedAt: null,
    noShow: false,
    meetingLink: null,
    role: 'BOTH',
    level: 'SENIOR',
    note: null,
    ...overrides,
  };
}

function session(overrides: Partial<SessionRecord> = {}): SessionRecord {
  return {
    id: '0b9d6d9e-5e0a-4f55-9d0c-2f1c1b6f8a11',
    workspaceId: 'ws',
    status: 'PROPOSED',
    version: 3,
    startsAt: NOW + 3 * HOUR,
    durationMinutes: 45,
    proposedAt: NOW,
    proposedSlots: [NOW + 3 * HOUR, NOW + 27 * HOUR],
    interviewType: 'execution',
    reason: REASON,
    channelId: 'G0PAIR',
    introTs: '1.2',
    cancelledById: null,
    participants: [
      participant(),
      participant({ memberId: 'm2', slackUserId: 'U0BO', requestId: 'r2', interviewsFirst: false }),
    ],
    ...overrides,
  };
}

/** The most a pair's intro can hold: both notes at the form's 500 characters, both rooms at 300. */
function busiest(note: (n: number) => string, overrides: Partial<SessionRecord> = {}): SessionRecord {
  return session({
    proposedSlots: Array.from({ length: 8 }, (_, index) => NOW + (index + 1) * 6 * HOUR),
    participants: [
      participant({
        note: note(500),
        meetingLink: `https://meet.example.com/${hostile(276)}`,
        confirmedAt: new Date(NOW),
      }),
      participant({
        memberId: 'm2',
        slackUserId: 'U0BO',
        requestId: 'r2',
        interviewsFirst: false,
        note: note(500),
        meetingLink: `https://zoom.example.com/${hostile(276)}`,
      }),
    ],
    ...overrides,
  });
}

describe('the pair’s intro', () => {
  it('a proposal offers at most four future times, each button carrying a value the listener parses', () => {
    const message = sessionProposalMessage(busiest(hostile), 'Execution', NOW);
    expectWithinLimits(message);
    expect(memberTokens(message)).toEqual([]);
    // Notes made only of `&` (five characters each once escaped) used to overflow the section.
    expectWithinLimits(sessionProposalMessage(busiest(ampersands), 'Execution', NOW));
    const picks = blocksOf(message)
      .map((block) => block.accessory as { action_id: string; value: string } | undefined)
      .filter((accessory) => accessory?.action_id === SESSION_ACTIONS.pickSlot);
    expect(picks).toHaveLength(4);
    for (const pick of picks) expect(slotValueSchema.safeParse(pick!.value).success).toBe(true);
    expect(actionIds(message)).toContain(SESSION_ACTIONS.cancel);
    expect(textOf(message)).toContain('<@U0ANA> confirmed');
  });

  it('a proposal whose times have all passed still lets the pair cancel', () => {
    const message = sessionProposalMessage(session(), 'Execution', NOW + 100 * HOUR);
    expectWithinLimits(message);
    expect(actionIds(message)).toEqual([SESSION_ACTIONS.cancel]);
  });

  it('a confirmed session has every button its listeners read, and the rooms as links, not tokens of ours', () => {
    const message = sessionConfirmedMessage(busiest(hostile, { status: 'CONFIRMED' }), 'Reverse interview');
    expectWithinLimits(message);
    expect(memberTokens(message)).toEqual([]);
    expect(actionIds(message)).toEqual([
      SESSION_BRIEF.openActionId,
      SESSION_ACTIONS.reschedule,
      SESSION_ACTIONS.cancel,
      SESSION_ACTIONS.noShow,
    ]);
    expect(textOf(message)).toContain("<@U0ANA>'s room: <https://meet.example.com/");
  });

  it('a one-way pair is told who interviews whom, in the field title the member reads', () => {
    const oneWay = session({
      status: 'CONFIRMED',
      participants: [
        participant({ role: 'INTERVIEWER' }),
        participant({ memberId: 'm2', slackUserId: 'U0BO', role: 'INTERVIEWEE', interviewsFirst: false }),
      ],
    });
    const message = sessionConfirmedMessage(oneWay, 'Strategy');
    expectWithinLimits(message);
    expect(textOf(message)).toContain('*One round*\\n<@U0ANA> interviews <@U0BO>');
    expect(textOf(message)).toContain('Start a huddle right here');
  });

  it('an ended session keeps no buttons, and never an empty mention for a member who left', () => {
    for (const status of ['CANCELLED', 'RELEASED', 'COMPLETED'] as const) {
      const message = sessionIntroMessage(busiest(hostile, { status }), 'Execution', NOW);
      expectWithinLimits(message);
      expect(actionIds(message)).toEqual([]);
      expect(memberTokens(message)).toEqual([]);
    }
    const left = sessionEndedMessage(
      session({ status: 'CANCELLED', participants: [participant()] }),
      'Execution',
      'your partner left Mockingbird.',
    );
    expectWithinLimits(left);
    expect(memberTokens(left)).toEqual([]);
    expect(left.text).toBe('This Execution session is off: your partner left Mockingbird.');
  });

  it('sessionIntroMessage draws each status with its own builder', () => {
    const proposed = session();
    expect(sessionIntroMessage(proposed, 'Execution', NOW)).toEqual(
      sessionProposalMessage(proposed, 'Execution', NOW),
    );
    const confirmed = session({ status: 'CONFIRMED' });
    expect(sessionIntroMessage(confirmed, 'Execution', NOW)).toEqual(
      sessionConfirmedMessage(confirmed, 'Execution'),
    );
  });
});

describe('the messages around a session', () => {
  it('the check-in carries the four buttons its listeners read', () => {
    const message = sessionCheckInMessage(busiest(hostile, { status: 'COMPLETED' }), 'Execution');
    expectWithinLimits(message);
    expect(memberTokens(message)).toEqual([]);
    expect(actionIds(message)).toEqual([
      FEEDBACK_ACTIONS.open,
      INTERVIEWER_RATING_MODAL.openActionId,
      SESSION_ACTIONS.reschedule,
      SESSION_ACTIONS.noShow,
    ]);
  });

  it.each(ANNOUNCED_EVENTS.filter((event) => event !== 'checked-in'))('the %s note', (event) => {
    for (const actor of ['U0ANA', null]) {
      const message = sessionEventMessage(
        event as Exclude<(typeof ANNOUNCED_EVENTS)[number], 'checked-in'>,
        busiest(hostile),
        'Execution',
        actor,
      );
      expectWithinLimits(message);
      expect(memberTokens(message)).toEqual([]);
      expect(message.text.length).toBeGreaterThan(0);
    }
  });

  it('reminders at every offset stay within limits', () => {
    for (const before of [0, 15 * 60_000, HOUR, 24 * HOUR, 7 * 24 * HOUR]) {
      const message = sessionReminderMessage(busiest(hostile, { status: 'CONFIRMED' }), 'Execution', before);
      expectWithinLimits(message);
      expect(memberTokens(message)).toEqual([]);
    }
    expect(sessionReminderMessage(session(), 'Execution', 0).text).toBe(
      'Reminder: your Execution session starts in a moment.',
    );
  });
});

const availability = {
  weekly: Array.from({ length: 10 }, (_, index) => ({
    days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const,
    start: `${String(index * 2).padStart(2, '0')}:00`,
    end: `${String(index * 2 + 1).padStart(2, '0')}:30`,
  })).map((window) => ({ ...window, days: [...window.days] })),
  slots: Array.from({ length: 20 }, (_, index) => ({
    date: `2026-12-${String(index + 8).padStart(2, '0')}`,
    start: '18:00',
    end: '21:30',
  })),
};

const fullRequest: RequestSummary = {
  interviewTypes: ['product-sense', 'execution', 'strategy', 'technical', 'behavioural', 'reverse-interview'],
  level: 'DIRECTOR',
  role: 'BOTH',
  durationMinutes: 60,
  availability,
  timezone: 'America/Argentina/ComodRivadavia',
  expiresAt: new Date(NOW + 7 * 24 * HOUR),
};

describe('/mock status', () => {
  it('with nothing ahead, says how to start', () => {
    const message = statusMessage('U0ANA', null, [], NOW);
    expectWithinLimits(message);
    expect(message.text).toContain('no open request and no session ahead');
  });

  it('the most a member can have: five sessions ahead (all the store returns), the widest request', () => {
    const sessions = Array.from({ length: 5 }, (_, index) =>
      busiest(hostile, {
        id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
        status: index % 2 === 0 ? 'CONFIRMED' : 'PROPOSED',
      }),
    );
    const message = statusMessage('U0BO', fullRequest, sessions, NOW);
    expectWithinLimits(message);
    expect(memberTokens(message)).toEqual([]);
    expect(message.text).toBe('You have 5 sessions ahead and an open request.');
  });

  it('offers Confirm only to the member the proposal waits for', () => {
    const waitingOnBo = session({
      participants: [participant({ confirmedAt: new Date(NOW) }), session().participants[1]!],
    });
    expect(actionIds(statusMessage('U0BO', null, [waitingOnBo], NOW))).toEqual([
      SESSION_ACTIONS.pickSlot,
      SESSION_ACTIONS.cancel,
    ]);
    expect(actionIds(statusMessage('U0ANA', null, [waitingOnBo], NOW))).toEqual([SESSION_ACTIONS.cancel]);
  });
});

describe('/mock weekly', () => {
  const weekly: WeeklyRequest = {
    interviewTypes: ['execution'],
    level: 'SENIOR',
    role: 'INTERVIEWEE',
    durationMinutes: 45,
    availability: { weekly: [{ days: ['mon', 'wed'], start: '18:00', end: '21:00' }], slots: [] },
  };
  const widest: WeeklyRequest = {
    interviewTypes: fullRequest.interviewTypes,
    level: 'DIRECTOR',
    role: 'BOTH',
    durationMinutes: 60,
    availability,
  };

  it('each answer stays within limits, at its widest', () => {
    for (const request of [weekly, widest]) {
      for (const message of [
        weeklySetMessage(request, 'America/Argentina/ComodRivadavia', true),
        weeklySetMessage(request, 'Europe/Berlin', false),
        weeklyStatusMessage(request, 'Europe/Berlin'),
        weeklyEnteredMessage(request, 'Europe/Berlin', '2026-W50'),
      ])
        expectWithinLimits(message);
    }
    expectWithinLimits(weeklyStatusMessage(null, 'UTC'));
    expectWithinLimits(weeklyPlainMessage('You are not paired every week, so there is nothing to skip.'));
  });

  it('the weekly DM’s skip button carries the week it skips', () => {
    const message = weeklyEnteredMessage(weekly, 'Europe/Berlin', '2026-W50');
    expect(actionIds(message)).toEqual([WEEKLY_ACTIONS.skip]);
    expect(textOf(message)).toContain('"value":"2026-W50"');
    expect(textOf(message)).toContain('*Execution* · Senior · as interviewee · 45 min');
  });

  it('says whether this week is already in', () => {
    expect(weeklySetMessage(weekly, 'UTC', true).text).toContain('You are in for this week already.');
    expect(weeklySetMessage(weekly, 'UTC', false).text).not.toContain('this week already');
    expect(weeklyStatusMessage(null, 'UTC').text).toContain('You are not paired every week.');
  });
});
