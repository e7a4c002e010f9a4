import { describe, expect, it } from 'vitest';
import {
  decideSessionChange,
  type LifecycleTiming,
  type SessionEffect,
  type SessionEvent,
  type SessionState,
} from '../../../src/domain/sessions/session-lifecycle.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const NOW = Date.UTC(2026, 11, 7, 12, 0);

const timing: LifecycleTiming = {
  remindersMs: [24 * HOUR, 15 * MINUTE],
  confirmNudgeMs: 8 * HOUR,
  releaseMs: 24 * HOUR,
  checkInAfterEndMs: 0,
  feedbackNudgeMs: 24 * HOUR,
  lateCancelMs: 2 * HOUR,
};

const ANA = 'member-ana';
const BO = 'member-bo';
const STRANGER = 'member-stranger';

function session(overrides: Partial<SessionState> = {}, people: Partial<Record<'ana' | 'bo', object>> = {}) {
  const state: SessionState = {
    id: 'session-1',
    status: 'PROPOSED',
    version: 3,
    startsAt: NOW + 48 * HOUR,
    durationMinutes: 45,
    proposedAt: NOW - HOUR,
    proposedSlots: [NOW + 48 * HOUR, NOW + 72 * HOUR, NOW - HOUR],
    confirmedAt: null,
    endedAt: null,
    cancelledById: null,
    feedbackGiven: false,
    participants: [
      {
        memberId: ANA,
        requestId: 'request-ana',
        interviewsFirst: true,
        confirmedAt: null,
        noShow: false,
        lateCancel: false,
        ...people.ana,
      },
      {
        memberId: BO,
        requestId: 'request-bo',
        interviewsFirst: false,
        confirmedAt: null,
        noShow: false,
        lateCancel: false,
        ...people.bo,
      },
    ],
    ...overrides,
  };
  return state;
}

const confirmed = (overrides: Partial<SessionState> = {}) =>
  session(
    { status: 'CONFIRMED', confirmedAt: NOW - HOUR, ...overrides },
    { ana: { confirmedAt: NOW - HOUR }, bo: { confirmedAt: NOW - HOUR } },
  );

/** The effects as short words: what a product person would read off the table. */
function summary(effects: SessionEffect[]): string[] {
  return effects
    .map((effect) => {
      switch (effect.kind) {
        case 'announce':
          return `announce ${effect.event}${effect.actorMemberId ? ` by ${effect.actorMemberId}` : ''}`;
        case 'follow-up':
          return `queue ${effect.job.name} v${effect.job.payload.version}`;
        case 'drop-follow-up':
          return `drop v${effect.job.payload.version}`;
        case 'reopen-request':
          return `reopen ${effect.memberId}`;
        case 'lapse-check':
          return `lapse-check ${effect.memberId}`;
        case 'publish-home':
          return `home ${effect.memberId}`;
        case 'feedback-nudge':
          return 'feedback nudge';
        default:
          return effect.kind;
      }
    })
    .filter((word, index, all) => all.indexOf(word) === index);
}

interface Row {
  case: string;
  state: SessionState;
  event: SessionEvent;
  status?: SessionState['status'];
  version?: number;
  effects?: string[];
  refused?: string;
}

const rows: Row[] = [
  {
    case: 'a pair free now is created confirmed: intro, reminders, check-in, prompts, Home',
    state: confirmed({ version: 0, startsAt: NOW + 20 * MINUTE }),
    event: { kind: 'created' },
    status: 'CONFIRMED',
    version: 0,
    effects: [
      'post-intro',
      'queue session-reminder v0',
      'queue session-check-in v0',
      'send-prompts',
      `home ${ANA}`,
      `home ${BO}`,
    ],
  },
  {
    case: 'a proposal is created: intro, nudge, release, Home',
    state: session({ version: 0, proposedAt: NOW }),
    event: { kind: 'created' },
    status: 'PROPOSED',
    version: 0,
    effects: [
      'post-intro',
      'queue session-confirm-nudge v0',
      'queue session-release v0',
      `home ${ANA}`,
      `home ${BO}`,
    ],
  },
  {
    case: 'the first to confirm waits for the partner, same version',
    state: session(),
    event: { kind: 'pick-slot', by: ANA, version: 3, slot: NOW + 48 * HOUR },
    status: 'PROPOSED',
    version: 3,
    effects: [`announce half-confirmed by ${ANA}`],
  },
  {
    case: 'the second to confirm puts it on: reminders, check-in, prompts',
    state: session({}, { ana: { confirmedAt: NOW - MINUTE } }),
    event: { kind: 'pick-slot', by: BO, version: 3, slot: NOW + 48 * HOUR },
    status: 'CONFIRMED',
    version: 4,
    effects: [
      'drop v3',
      'queue session-reminder v4',
      'queue session-check-in v4',
      `announce confirmed by ${BO}`,
      'send-prompts',
      `home ${ANA}`,
      `home ${BO}`,
    ],
  },
  {
    case: 'another time moves the proposal and asks the partner',
    state: session(),
    event: { kind: 'pick-slot', by: BO, version: 3, slot: NOW + 72 * HOUR },
    status: 'PROPOSED',
    version: 4,
    effects: [
      'drop v3',
      'queue session-confirm-nudge v4',
      'queue session-release v4',
      `announce moved by ${BO}`,
      `home ${ANA}`,
      `home ${BO}`,
    ],
  },
  {
    case: 'a time that has passed',
    state: session(),
    event: { kind: 'pick-slot', by: ANA, version: 3, slot: NOW - HOUR },
    refused: 'slot-passed',
  },
  {
    case: 'an old message',
    state: session(),
    event: { kind: 'pick-slot', by: ANA, version: 2, slot: NOW + 48 * HOUR },
    refused: 'changed',
  },
  {
    case: 'someone else’s button',
    state: session(),
    event: { kind: 'pick-slot', by: STRANGER, version: 3, slot: NOW + 48 * HOUR },
    refused: 'not-a-participant',
  },
  {
    case: 'confirming a confirmed session',
    state: confirmed(),
    event: { kind: 'pick-slot', by: ANA, version: 3, slot: NOW + 48 * HOUR },
    refused: 'not-proposed',
  },
  {
    case: 'a cancel well ahead: the partner goes back to the pool, nothing counts',
    state: confirmed(),
    event: { kind: 'cancel', by: ANA },
    status: 'CANCELLED',
    version: 4,
    effects: ['drop v3', `announce cancelled by ${ANA}`, `reopen ${BO}`, `home ${ANA}`, `home ${BO}`],
  },
  {
    case: 'cancelling a cancelled session',
    state: confirmed({ status: 'CANCELLED' }),
    event: { kind: 'cancel', by: ANA },
    refused: 'already-over',
  },
  {
    case: '“pick another time” goes back to choosing among the times still ahead',
    state: confirmed(),
    event: { kind: 'reschedule', by: BO },
    status: 'PROPOSED',
    version: 4,
    effects: [
      'drop v3',
      'queue session-confirm-nudge v4',
      'queue session-release v4',
      `announce reopened by ${BO}`,
      `home ${ANA}`,
      `home ${BO}`,
    ],
  },
  {
    case: 'no offered time left to go back to',
    state: confirmed({ proposedSlots: [NOW + 48 * HOUR] }),
    event: { kind: 'reschedule', by: BO },
    refused: 'no-time-left',
  },
  {
    case: '“we rescheduled” after the end, with an offered time ahead: not done, choosing again',
    state: confirmed({
      status: 'COMPLETED',
      startsAt: NOW - HOUR,
      endedAt: NOW - 10 * MINUTE,
      proposedSlots: [NOW - HOUR, NOW + 30 * HOUR],
    }),
    event: { kind: 'reschedule', by: ANA },
    status: 'PROPOSED',
    version: 4,
    effects: [
      'drop v3',
      'queue session-confirm-nudge v4',
      'queue session-release v4',
      `announce reopened by ${ANA}`,
      `home ${ANA}`,
      `home ${BO}`,
    ],
  },
  {
    case: '“we rescheduled” after the end, no time left: off without blame, both back in the pool',
    state: confirmed({
      status: 'COMPLETED',
      startsAt: NOW - HOUR,
      endedAt: NOW - 10 * MINUTE,
      proposedSlots: [NOW - HOUR],
    }),
    event: { kind: 'reschedule', by: BO },
    status: 'CANCELLED',
    version: 4,
    effects: [
      'drop v3',
      `announce rebook by ${BO}`,
      `reopen ${ANA}`,
      `reopen ${BO}`,
      `home ${ANA}`,
      `home ${BO}`,
    ],
  },
  {
    case: '“we rescheduled” once feedback is written: it happened',
    state: confirmed({ status: 'COMPLETED', startsAt: NOW - HOUR, feedbackGiven: true }),
    event: { kind: 'reschedule', by: BO },
    refused: 'feedback-given',
  },
  {
    case: '“we rescheduled” after a no-show report: it stands',
    state: session({ status: 'COMPLETED', startsAt: NOW - HOUR }, { bo: { noShow: true } }),
    event: { kind: 'reschedule', by: ANA },
    refused: 'already-reported',
  },
  {
    case: 'nobody confirmed in time: both back in the pool; the silent one lapsed',
    state: session({}, { ana: { confirmedAt: NOW - MINUTE } }),
    event: { kind: 'release', version: 3 },
    status: 'RELEASED',
    version: 4,
    effects: [
      'drop v3',
      'announce released',
      `reopen ${ANA}`,
      `reopen ${BO}`,
      `lapse-check ${BO}`,
      `home ${ANA}`,
      `home ${BO}`,
    ],
  },
  {
    case: 'a release for an older version does nothing',
    state: session(),
    event: { kind: 'release', version: 2 },
    refused: 'changed',
  },
  {
    case: 'the end came: done, the pair is asked how it went, nudged for feedback later',
    state: confirmed({ startsAt: NOW - HOUR }),
    event: { kind: 'check-in', version: 3 },
    status: 'COMPLETED',
    version: 4,
    effects: ['announce checked-in', 'feedback nudge', `home ${ANA}`, `home ${BO}`],
  },
  {
    case: 'a check-in for a moved session does nothing',
    state: session(),
    event: { kind: 'check-in', version: 3 },
    refused: 'changed',
  },
  {
    case: 'a no-show after the start counts against the absent one only',
    state: confirmed({ startsAt: NOW - 10 * MINUTE }),
    event: { kind: 'no-show', by: ANA },
    status: 'COMPLETED',
    version: 4,
    effects: ['drop v3', `announce no-show by ${ANA}`, `lapse-check ${BO}`, `home ${ANA}`, `home ${BO}`],
  },
  {
    case: 'a no-show before the start',
    state: confirmed(),
    event: { kind: 'no-show', by: ANA },
    refused: 'not-started',
  },
  {
    case: 'a member who erases their data calls off their sessions without blame',
    state: confirmed(),
    event: { kind: 'member-erased', memberId: ANA },
    status: 'CANCELLED',
    version: 4,
    effects: ['drop v3', 'announce partner-left', `reopen ${BO}`, `home ${BO}`],
  },
];

describe('the session lifecycle, state × event → next state and effects', () => {
  for (const row of rows) {
    it(row.case, () => {
      const decision = decideSessionChange(row.state, row.event, NOW, timing);
      if (row.refused) {
        expect(decision).toMatchObject({ kind: 'refused', reason: row.refused });
        if (decision.kind === 'refused') expect(decision.message.length).toBeGreaterThan(20);
        return;
      }
      expect(decision.kind).toBe('changed');
      if (decision.kind !== 'changed') return;
      expect(decision.session.status).toBe(row.status);
      expect(decision.session.version).toBe(row.version);
      expect(summary(decision.effects)).toEqual(row.effects);
    });
  }
});

describe('the details that matter to members', () => {
  it('a cancel close to the start counts against the canceller, not the partner', () => {
    const decision = decideSessionChange(
      confirmed({ startsAt: NOW + HOUR }),
      { kind: 'cancel', by: BO },
      NOW,
      timing,
    );
    if (decision.kind !== 'changed') throw new Error('expected a change');
    expect(decision.session.participants.map((p) => [p.memberId, p.lateCancel])).toEqual([
      [ANA, false],
      [BO, true],
    ]);
    expect(decision.session.cancelledById).toBe(BO);
  });

  it('a member who left is named nowhere: no canceller, no late cancel, no Home tab of theirs', () => {
    const decision = decideSessionChange(
      confirmed({ startsAt: NOW + HOUR }),
      { kind: 'member-erased', memberId: ANA },
      NOW,
      timing,
    );
    if (decision.kind !== 'changed') throw new Error('expected a change');
    expect(decision.session.cancelledById).toBeNull();
    expect(decision.session.participants.every((p) => !p.lateCancel)).toBe(true);
    expect(decision.effects).not.toContainEqual({ kind: 'publish-home', memberId: ANA });
  });

  it('moving the time confirms it for the one who moved it and clears the partner’s confirmation', () => {
    const state = session({}, { bo: { confirmedAt: NOW - MINUTE } });
    const decision = decideSessionChange(
      state,
      { kind: 'pick-slot', by: ANA, version: 3, slot: NOW + 72 * HOUR },
      NOW,
      timing,
    );
    if (decision.kind !== 'changed') throw new Error('expected a change');
    expect(decision.session.startsAt).toBe(NOW + 72 * HOUR);
    expect(decision.session.proposedAt).toBe(NOW);
    expect(decision.session.participants.map((p) => p.confirmedAt)).toEqual([NOW, null]);
  });

  it('the first no-show report stands; a second is refused', () => {
    const reported = confirmed({ startsAt: NOW - HOUR });
    reported.participants[1] = { ...reported.participants[1]!, noShow: true };
    const decision = decideSessionChange(reported, { kind: 'no-show', by: BO }, NOW, timing);
    expect(decision).toMatchObject({ kind: 'refused', reason: 'already-reported' });
  });

  it('every version bump drops each follow-up the old version could have had, reminders included', () => {
    const decision = decideSessionChange(confirmed(), { kind: 'cancel', by: ANA }, NOW, timing);
    if (decision.kind !== 'changed') throw new Error('expected a change');
    const dropped = decision.effects
      .filter((effect) => effect.kind === 'drop-follow-up')
      .map((effect) => effect.job.name);
    expect(dropped.sort()).toEqual([
      'session-check-in',
      'session-confirm-nudge',
      'session-release',
      'session-reminder',
      'session-reminder',
    ]);
  });
});
