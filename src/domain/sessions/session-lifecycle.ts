import type { SessionTiming } from '../../config.ts';
import { followUpsOfVersion, type SessionJob, sessionJobs } from '../scheduling/session-jobs.ts';

/**
 * A session's whole life as one pure function: given the session, what happened, and the clock,
 * `decideSessionChange` returns the next state or a refusal in the member's words, plus every
 * follow-up as plain data. The store writes the state and, in the same transaction, the effects
 * to the outbox (src/workflows/change-session.ts), so a change and its follow-ups are one fact.
 *
 * Every change of time or status bumps `version`; the follow-ups of the old version are taken out
 * and those of the new one queued. A follow-up that slips through finds the version moved on and
 * does nothing.
 */

export type SessionStatus = 'PROPOSED' | 'CONFIRMED' | 'COMPLETED' | 'CANCELLED' | 'RELEASED';

export interface ParticipantState {
  memberId: string;
  requestId: string;
  interviewsFirst: boolean;
  confirmedAt: number | null;
  noShow: boolean;
  lateCancel: boolean;
}

export interface SessionState {
  id: string;
  status: SessionStatus;
  version: number;
  startsAt: number;
  durationMinutes: number;
  proposedAt: number;
  proposedSlots: number[];
  confirmedAt: number | null;
  endedAt: number | null;
  cancelledById: string | null;
  /** Whether either member has written feedback on it (then it happened, whatever else is said). */
  feedbackGiven: boolean;
  participants: ParticipantState[];
}

/** What the pair's DM is told (the session-announce job): the intro redrawn and a short note. */
export const ANNOUNCED_EVENTS = [
  'half-confirmed',
  'moved',
  'confirmed',
  'cancelled',
  'released',
  'reopened',
  'rebook',
  'checked-in',
  'no-show',
  'partner-left',
] as const;
export type AnnouncedEvent = (typeof ANNOUNCED_EVENTS)[number];

/** `by` is the acting participant's member id; null when the person pressing is not one of them. */
export type SessionEvent =
  | { kind: 'created' }
  | { kind: 'pick-slot'; by: string | null; version: number; slot: number }
  | { kind: 'reschedule'; by: string | null }
  | { kind: 'cancel'; by: string | null }
  | { kind: 'release'; version: number }
  | { kind: 'check-in'; version: number }
  | { kind: 'no-show'; by: string | null }
  | { kind: 'member-erased'; memberId: string };

export type SessionEffect =
  | { kind: 'post-intro' }
  | { kind: 'announce'; event: AnnouncedEvent; actorMemberId: string | null }
  | { kind: 'follow-up'; job: SessionJob }
  | { kind: 'drop-follow-up'; job: Pick<SessionJob, 'name' | 'payload'> }
  | { kind: 'send-prompts' }
  | { kind: 'feedback-nudge'; runAt: number }
  | { kind: 'reopen-request'; memberId: string; requestId: string }
  | { kind: 'lapse-check'; memberId: string }
  | { kind: 'publish-home'; memberId: string };

export type Refusal =
  | 'not-a-participant'
  | 'not-proposed'
  | 'changed'
  | 'slot-passed'
  | 'already-over'
  | 'not-started'
  | 'no-time-left'
  | 'already-reported'
  | 'feedback-given';

/** Why a press did nothing, in the member's words. */
export const REFUSAL_MESSAGES: Record<Refusal, string> = {
  'not-a-participant': 'This session belongs to someone else, so the button is not yours to press.',
  'not-proposed': 'The time for this session is already settled; see the latest message in this DM.',
  changed: 'This session changed since that message; use the buttons on the latest version above.',
  'slot-passed': 'That time has passed or is no longer on offer; pick another.',
  'already-over': 'This session is already over or cancelled.',
  'not-started': 'The session has not started yet; this button works from the start time on.',
  'no-time-left':
    'None of the offered times is still ahead. Cancel this session and ask again with `/mock`, and you both keep priority.',
  'already-reported':
    'A no-show was already reported for this session; organizers can look into it if you both reported.',
  'feedback-given':
    'Feedback was already written for this session, so it counts as done. Ask for your next one with `/mock`.',
};

export type Outcome =
  | 'created'
  | 'waiting'
  | 'confirmed'
  | 'moved'
  | 'reopened'
  | 'rebooked'
  | 'cancelled'
  | 'released'
  | 'completed'
  | 'no-show'
  | 'partner-left';

export type SessionDecision =
  | { kind: 'refused'; reason: Refusal; message: string }
  | { kind: 'changed'; outcome: Outcome; session: SessionState; effects: SessionEffect[] };

export type LifecycleTiming = Pick<
  SessionTiming,
  'remindersMs' | 'confirmNudgeMs' | 'releaseMs' | 'checkInAfterEndMs' | 'feedbackNudgeMs' | 'lateCancelMs'
>;

const LIVE: readonly SessionStatus[] = ['PROPOSED', 'CONFIRMED'];

export function decideSessionChange(
  session: SessionState,
  event: SessionEvent,
  now: number,
  timing: LifecycleTiming,
): SessionDecision {
  switch (event.kind) {
    case 'created':
      return created(session, now, timing);
    case 'pick-slot':
      return pickSlot(session, event, now, timing);
    case 'reschedule':
      return reschedule(session, event.by, now, timing);
    case 'cancel':
      return cancel(session, event.by, now, timing);
    case 'release':
      return release(session, event.version, now, timing);
    case 'check-in':
      return checkIn(session, event.version, now, timing);
    case 'no-show':
      return noShow(session, event.by, now, timing);
    case 'member-erased':
      return memberErased(session, event.memberId, now, timing);
  }
}

function refuse(reason: Refusal): SessionDecision {
  return { kind: 'refused', reason, message: REFUSAL_MESSAGES[reason] };
}

function participant(session: SessionState, memberId: string | null): ParticipantState | undefined {
  return memberId === null ? undefined : session.participants.find((p) => p.memberId === memberId);
}

function partnerOf(session: SessionState, memberId: string): ParticipantState | undefined {
  return session.participants.find((p) => p.memberId !== memberId);
}

const homes = (session: SessionState): SessionEffect[] =>
  session.participants.map(({ memberId }) => ({ kind: 'publish-home', memberId }));

/** The matcher saved a new session: the intro, the first version's follow-ups, both Home tabs. */
function created(session: SessionState, now: number, timing: LifecycleTiming): SessionDecision {
  return {
    kind: 'changed',
    outcome: 'created',
    session,
    effects: [
      { kind: 'post-intro' },
      ...sessionJobs(session, timing, now).map((job) => ({ kind: 'follow-up' as const, job })),
      // A pair free now starts confirmed: asking for "now" was the agreement.
      ...(session.status === 'CONFIRMED' ? [{ kind: 'send-prompts' as const }] : []),
      ...homes(session),
    ],
  };
}

/**
 * A new version: the old version's follow-ups go, the new one's come (none once the session is
 * over), the DM is told, and both Home tabs are redrawn.
 */
function moveOn(
  before: SessionState,
  after: Omit<SessionState, 'version'>,
  outcome: Outcome,
  announce: { event: AnnouncedEvent; actorMemberId: string | null },
  now: number,
  timing: LifecycleTiming,
  extra: SessionEffect[] = [],
): SessionDecision {
  const session: SessionState = { ...after, version: before.version + 1 };
  return {
    kind: 'changed',
    outcome,
    session,
    effects: [
      ...followUpsOfVersion(before.id, before.version, timing).map((job) => ({
        kind: 'drop-follow-up' as const,
        job,
      })),
      ...sessionJobs(session, timing, now).map((job) => ({ kind: 'follow-up' as const, job })),
      { kind: 'announce', ...announce },
      ...extra,
      ...homes(session),
    ],
  };
}

function withParticipants(
  session: SessionState,
  change: (participant: ParticipantState) => Partial<ParticipantState>,
): ParticipantState[] {
  return session.participants.map((p) => ({ ...p, ...change(p) }));
}

/**
 * A member presses one of the offered times. The proposed time confirms it for them (both
 * confirmed: the session is on); another time moves the proposal there, confirmed for the picker,
 * and the partner is asked.
 */
function pickSlot(
  session: SessionState,
  event: Extract<SessionEvent, { kind: 'pick-slot' }>,
  now: number,
  timing: LifecycleTiming,
): SessionDecision {
  const picker = participant(session, event.by);
  if (!picker) return refuse('not-a-participant');
  if (session.status !== 'PROPOSED') return refuse('not-proposed');
  if (session.version !== event.version) return refuse('changed');
  if (event.slot <= now || !session.proposedSlots.includes(event.slot)) return refuse('slot-passed');
  const actor = { actorMemberId: picker.memberId };
  if (event.slot !== session.startsAt) {
    const participants = withParticipants(session, (p) => ({
      confirmedAt: p.memberId === picker.memberId ? now : null,
    }));
    return moveOn(
      session,
      { ...session, startsAt: event.slot, proposedAt: now, participants },
      'moved',
      { event: 'moved', ...actor },
      now,
      timing,
    );
  }
  const participants = withParticipants(session, (p) =>
    p.memberId === picker.memberId ? { confirmedAt: now } : {},
  );
  if (participants.some((p) => p.confirmedAt === null)) {
    // Nothing to reschedule yet: the same version, its intro redrawn to show who has confirmed.
    return {
      kind: 'changed',
      outcome: 'waiting',
      session: { ...session, participants },
      effects: [{ kind: 'announce', event: 'half-confirmed', ...actor }],
    };
  }
  return moveOn(
    session,
    { ...session, status: 'CONFIRMED', confirmedAt: now, participants },
    'confirmed',
    { event: 'confirmed', ...actor },
    now,
    timing,
    [{ kind: 'send-prompts' }],
  );
}

/**
 * A confirmed session goes back to choosing a time: the offered times still ahead are proposed
 * again, with nobody confirmed. Its reminders belong to the old version and fall away.
 *
 * After its end ("We rescheduled" on the check-in), the pair did not meet after all: it is not
 * done. With an offered time still ahead they choose again; without one it is called off without
 * blame and both go back to the pool at the front of the queue. Not once a no-show was reported or
 * feedback written: then it happened.
 */
function reschedule(
  session: SessionState,
  by: string | null,
  now: number,
  timing: LifecycleTiming,
): SessionDecision {
  const member = participant(session, by);
  if (!member) return refuse('not-a-participant');
  const afterTheEnd = session.status === 'COMPLETED';
  if (session.status !== 'CONFIRMED' && !afterTheEnd) return refuse('already-over');
  if (afterTheEnd && session.participants.some((p) => p.noShow)) return refuse('already-reported');
  if (afterTheEnd && session.feedbackGiven) return refuse('feedback-given');
  const ahead = session.proposedSlots.filter((slot) => slot > now && slot !== session.startsAt);
  if (ahead.length === 0 && afterTheEnd) return rebook(session, member.memberId, now, timing);
  if (ahead.length === 0) return refuse('no-time-left');
  return moveOn(
    session,
    {
      ...session,
      status: 'PROPOSED',
      startsAt: ahead[0]!,
      proposedAt: now,
      confirmedAt: null,
      endedAt: null,
      participants: withParticipants(session, () => ({ confirmedAt: null })),
    },
    'reopened',
    { event: 'reopened', actorMemberId: member.memberId },
    now,
    timing,
  );
}

/** The pair did not meet and no offered time is left: off without blame, both back in the pool. */
function rebook(session: SessionState, by: string, now: number, timing: LifecycleTiming): SessionDecision {
  return moveOn(
    session,
    { ...session, status: 'CANCELLED', endedAt: now, cancelledById: null },
    'rebooked',
    { event: 'rebook', actorMemberId: by },
    now,
    timing,
    session.participants.map((p) => ({
      kind: 'reopen-request' as const,
      memberId: p.memberId,
      requestId: p.requestId,
    })),
  );
}

/**
 * A participant cancels. Close to the start it counts against their reliability; the partner's
 * request goes back into the pool with priority, since they did nothing wrong.
 */
function cancel(
  session: SessionState,
  by: string | null,
  now: number,
  timing: LifecycleTiming,
): SessionDecision {
  const canceller = participant(session, by);
  if (!canceller) return refuse('not-a-participant');
  if (!LIVE.includes(session.status)) return refuse('already-over');
  const late = session.status === 'CONFIRMED' && session.startsAt - now < timing.lateCancelMs;
  const partner = partnerOf(session, canceller.memberId);
  return moveOn(
    session,
    {
      ...session,
      status: 'CANCELLED',
      endedAt: now,
      cancelledById: canceller.memberId,
      participants: withParticipants(session, (p) =>
        p.memberId === canceller.memberId && late ? { lateCancel: true } : {},
      ),
    },
    'cancelled',
    { event: 'cancelled', actorMemberId: canceller.memberId },
    now,
    timing,
    partner ? [{ kind: 'reopen-request', memberId: partner.memberId, requestId: partner.requestId }] : [],
  );
}

/**
 * Nobody agreed a time before the deadline: both go back into the pool with priority, and
 * whoever never answered let it lapse (several lapses in a row pause a member).
 */
function release(
  session: SessionState,
  version: number,
  now: number,
  timing: LifecycleTiming,
): SessionDecision {
  if (session.status !== 'PROPOSED' || session.version !== version) return refuse('changed');
  return moveOn(
    session,
    { ...session, status: 'RELEASED', endedAt: now },
    'released',
    { event: 'released', actorMemberId: null },
    now,
    timing,
    [
      ...session.participants.map((p) => ({
        kind: 'reopen-request' as const,
        memberId: p.memberId,
        requestId: p.requestId,
      })),
      ...session.participants
        .filter((p) => p.confirmedAt === null)
        .map((p) => ({ kind: 'lapse-check' as const, memberId: p.memberId })),
    ],
  );
}

/** The planned end (plus the check-in delay) came: the session is done; the pair is asked how it went. */
function checkIn(
  session: SessionState,
  version: number,
  now: number,
  timing: LifecycleTiming,
): SessionDecision {
  if (session.status !== 'CONFIRMED' || session.version !== version) return refuse('changed');
  const next: SessionState = { ...session, status: 'COMPLETED', endedAt: now, version: session.version + 1 };
  return {
    kind: 'changed',
    outcome: 'completed',
    session: next,
    // The old version's follow-ups have all run (this is the last of them), so none to take out.
    effects: [
      { kind: 'announce', event: 'checked-in', actorMemberId: null },
      { kind: 'feedback-nudge', runAt: now + timing.feedbackNudgeMs },
      ...homes(next),
    ],
  };
}

/**
 * The reporter's partner did not come. Only from the start time on, and once per session: if both
 * report each other, the first report stands and the second is told so.
 */
function noShow(
  session: SessionState,
  by: string | null,
  now: number,
  timing: LifecycleTiming,
): SessionDecision {
  const reporter = participant(session, by);
  if (!reporter) return refuse('not-a-participant');
  if (session.status !== 'CONFIRMED' && session.status !== 'COMPLETED') return refuse('already-over');
  if (now < session.startsAt) return refuse('not-started');
  if (session.participants.some((p) => p.noShow)) return refuse('already-reported');
  const absent = partnerOf(session, reporter.memberId);
  return moveOn(
    session,
    {
      ...session,
      status: 'COMPLETED',
      endedAt: session.endedAt ?? now,
      participants: withParticipants(session, (p) =>
        p.memberId === absent?.memberId ? { noShow: true } : {},
      ),
    },
    'no-show',
    { event: 'no-show', actorMemberId: reporter.memberId },
    now,
    timing,
    absent ? [{ kind: 'lapse-check', memberId: absent.memberId }] : [],
  );
}

/**
 * A member erased their data (`/mock forget-me`): their sessions still ahead are off. Unlike a
 * cancel, nothing counts against anyone and nothing names them: the partner is told their partner
 * left, and goes back into the pool with priority.
 */
function memberErased(
  session: SessionState,
  memberId: string,
  now: number,
  timing: LifecycleTiming,
): SessionDecision {
  const leaving = participant(session, memberId);
  if (!leaving) return refuse('not-a-participant');
  if (!LIVE.includes(session.status)) return refuse('already-over');
  const partner = partnerOf(session, memberId);
  const decision = moveOn(
    session,
    { ...session, status: 'CANCELLED', endedAt: now, cancelledById: null },
    'partner-left',
    { event: 'partner-left', actorMemberId: null },
    now,
    timing,
    partner ? [{ kind: 'reopen-request', memberId: partner.memberId, requestId: partner.requestId }] : [],
  );
  if (decision.kind !== 'changed') return decision;
  // The leaving member has no Home tab any more.
  return {
    ...decision,
    effects: decision.effects.filter((e) => !(e.kind === 'publish-home' && e.memberId === memberId)),
  };
}
