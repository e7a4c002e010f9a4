import { expectedFeedbackCount, feedbackDuties } from '../domain/feedback/feedback-duties.ts';
import type { FeedbackValue } from '../domain/feedback/feedback-form.ts';
import {
  type FeedbackAccess,
  type FeedbackSessionFacts,
  feedbackAccess,
  feedbackDeadline,
  type HireSignal,
  type Ratings,
  ratingsSchema,
  revealIsDue,
} from '../domain/feedback/feedback-rules.ts';
import { LEVELS, type Level } from '../domain/matching/types.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import type { Database, Transaction } from './prisma.ts';

/**
 * Feedback between the two members of a session. Privacy is kept here, in the queries: a member
 * reads what they wrote, and what was written about them only once it is revealed; organizers get
 * counts and anonymous text, never who wrote what about whom.
 */

export interface FeedbackParticipant {
  memberId: string;
  slackUserId: string;
  noShow: boolean;
  /** From the member's request and the match: who asked whom (src/domain/feedback/feedback-duties.ts). */
  role: 'INTERVIEWER' | 'INTERVIEWEE' | 'BOTH';
  interviewsFirst: boolean;
}

export interface FeedbackSession extends FeedbackSessionFacts {
  id: string;
  workspaceId: string;
  slackTeamId: string;
  interviewType: string;
  version: number;
  participants: FeedbackParticipant[];
}

export interface FeedbackRecord {
  id: string;
  sessionId: string;
  authorId: string;
  recipientId: string;
  ratings: Ratings;
  selfRatings: Ratings;
  hireSignal: HireSignal;
  strengths: string;
  improvement: string;
  communication: string | null;
  organizerNote: string | null;
  submittedAt: number;
  revealedAt: number | null;
  /** When it was corrected after the reveal; null if never. */
  editedAt: number | null;
}

const sessionSelect = {
  id: true,
  workspaceId: true,
  workspace: { select: { slackTeamId: true } },
  interviewType: true,
  status: true,
  version: true,
  startsAt: true,
  durationMinutes: true,
  endedAt: true,
  participants: {
    select: {
      memberId: true,
      noShow: true,
      interviewsFirst: true,
      member: { select: { slackUserId: true } },
      request: { select: { role: true } },
    },
    orderBy: { interviewsFirst: 'desc' },
  },
} satisfies Prisma.SessionSelect;

type SessionRow = Prisma.SessionGetPayload<{ select: typeof sessionSelect }>;

function toSession(row: SessionRow): FeedbackSession {
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    slackTeamId: row.workspace.slackTeamId,
    interviewType: row.interviewType,
    status: row.status,
    version: row.version,
    startsAt: row.startsAt.getTime(),
    durationMinutes: row.durationMinutes,
    endedAt: row.endedAt?.getTime() ?? null,
    noShow: row.participants.some((participant) => participant.noShow),
    participants: row.participants.map((participant) => ({
      memberId: participant.memberId,
      slackUserId: participant.member.slackUserId,
      noShow: participant.noShow,
      role: participant.request.role,
      interviewsFirst: participant.interviewsFirst,
    })),
  };
}

/** Stored JSON is read through its schema: a malformed value reads as no ratings, not a crash. */
export function readRatings(value: Prisma.JsonValue): Ratings {
  const parsed = ratingsSchema.safeParse(value);
  return parsed.success ? parsed.data : {};
}

type FeedbackRow = Prisma.FeedbackGetPayload<object>;

function toRecord(row: FeedbackRow): FeedbackRecord {
  return {
    id: row.id,
    sessionId: row.sessionId,
    authorId: row.authorId,
    recipientId: row.recipientId,
    ratings: readRatings(row.ratings),
    selfRatings: readRatings(row.selfRatings),
    hireSignal: row.hireSignal,
    strengths: row.strengths,
    improvement: row.improvement,
    communication: row.communication,
    organizerNote: row.organizerNote,
    submittedAt: row.submittedAt.getTime(),
    revealedAt: row.revealedAt?.getTime() ?? null,
    editedAt: row.editedAt?.getTime() ?? null,
  };
}

export async function findFeedbackSession(
  db: Database | Transaction,
  sessionId: string,
): Promise<FeedbackSession | null> {
  const row = await db.session.findUnique({ where: { id: sessionId }, select: sessionSelect });
  return row ? toSession(row) : null;
}

/** Every transition of a session's feedback takes the session's row lock, as the session store does. */
async function lockFeedbackSession(tx: Transaction, sessionId: string): Promise<FeedbackSession | null> {
  await tx.$queryRaw`SELECT id FROM "Session" WHERE id = ${sessionId}::uuid FOR UPDATE`;
  return findFeedbackSession(tx, sessionId);
}

export interface FeedbackFormContext {
  session: FeedbackSession;
  author: FeedbackParticipant;
  partner: FeedbackParticipant;
  /** What the member wrote before, if anything (to prefill an edit). */
  existing: FeedbackRecord | null;
  access: FeedbackAccess;
}

/** What the member needs to open the form for `sessionId`; null when they are not in the session. */
export async function findFeedbackFormContext(
  db: Database,
  sessionId: string,
  slackUserId: string,
  now: number,
): Promise<FeedbackFormContext | null> {
  const session = await findFeedbackSession(db, sessionId);
  const author = session?.participants.find((participant) => participant.slackUserId === slackUserId);
  const partner = session?.participants.find((participant) => participant.slackUserId !== slackUserId);
  if (!session || !author || !partner) return null;
  const row = await db.feedback.findUnique({
    where: { sessionId_authorId: { sessionId, authorId: author.memberId } },
  });
  const existing = row ? toRecord(row) : null;
  return { session, author, partner, existing, access: feedbackAccess(session, existing, now) };
}

export type SavedFeedback =
  | {
      kind: 'saved';
      session: FeedbackSession;
      partner: FeedbackParticipant;
      feedback: FeedbackRecord;
      /** False when this edited an earlier submission (or repeated it: a double click, a retry). */
      created: boolean;
      /** A correction of feedback the partner had already been shown (so their copy says "edited"). */
      corrected: boolean;
      /** How many of the session's participants have now given feedback. */
      submitted: number;
      /** How many feedbacks the session expects: one per round (two in a swap, one one-way). */
      expected: number;
      deadline: number;
      editableUntil: number;
    }
  | { kind: 'not-a-participant' }
  /** The author interviewed nobody in this session (a one-way interviewee): no rubric to write. */
  | { kind: 'not-your-round'; session: FeedbackSession }
  | {
      kind: 'closed';
      reason: Extract<FeedbackAccess, { kind: 'closed' }>['reason'];
      session: FeedbackSession;
    };

/**
 * Stores the member's feedback for the session: one row per (session, author), created on the
 * first submit and updated by any later one while it may still be changed. Under the session's
 * row lock, so a double submit cannot make two rows or race the reveal.
 */
export async function saveFeedback(
  db: Database,
  input: { sessionId: string; slackUserId: string; value: FeedbackValue; now: Date },
  /** Runs inside the save's transaction once it is saved: where the caller writes its follow-ups. */
  afterSave: (
    tx: Transaction,
    saved: Extract<SavedFeedback, { kind: 'saved' }>,
  ) => Promise<void> = async () => {},
): Promise<SavedFeedback> {
  return db.$transaction(async (tx) => {
    const session = await lockFeedbackSession(tx, input.sessionId);
    const author = session?.participants.find((participant) => participant.slackUserId === input.slackUserId);
    const partner = session?.participants.find(
      (participant) => participant.slackUserId !== input.slackUserId,
    );
    if (!session || !author || !partner) return { kind: 'not-a-participant' };
    if (!feedbackDuties(session.participants, author.memberId).writesRubric)
      return { kind: 'not-your-round', session };
    const where = { sessionId_authorId: { sessionId: session.id, authorId: author.memberId } };
    const before = await tx.feedback.findUnique({ where });
    const access = feedbackAccess(session, before ? toRecord(before) : null, input.now.getTime());
    if (access.kind === 'closed') return { kind: 'closed', reason: access.reason, session };

    const fields = {
      ratings: input.value.ratings,
      selfRatings: input.value.selfRatings,
      hireSignal: input.value.hireSignal,
      strengths: input.value.strengths,
      improvement: input.value.improvement,
      communication: input.value.communication,
      organizerNote: input.value.organizerNote,
    };
    const row = await tx.feedback.upsert({
      where,
      create: {
        ...fields,
        sessionId: session.id,
        authorId: author.memberId,
        recipientId: partner.memberId,
        submittedAt: input.now,
      },
      update: { ...fields, ...(access.kind === 'edit' && access.afterReveal ? { editedAt: input.now } : {}) },
    });
    const submitted = await tx.feedback.count({ where: { sessionId: session.id } });
    const feedback = toRecord(row);
    const after = feedbackAccess(session, feedback, input.now.getTime());
    const saved = {
      kind: 'saved' as const,
      session,
      partner,
      feedback,
      created: before === null,
      corrected: access.kind === 'edit' && access.afterReveal,
      submitted,
      expected: expectedFeedbackCount(session.participants),
      deadline: feedbackDeadline(session),
      editableUntil: after.kind === 'edit' ? after.editableUntil : input.now.getTime(),
    };
    await afterSave(tx, saved);
    return saved;
  });
}

export interface RevealedFeedback extends FeedbackRecord {
  authorSlackUserId: string;
  recipientSlackUserId: string;
}

/**
 * Reveals the session's feedback if it is due (both written, or the deadline passed) and returns
 * everything revealed so far, newly or before, so a retried delivery can finish what it started.
 */
export async function revealDueFeedback(
  db: Database,
  sessionId: string,
  now: Date,
): Promise<{ session: FeedbackSession; revealed: RevealedFeedback[] } | null> {
  return db.$transaction(async (tx) => {
    const session = await lockFeedbackSession(tx, sessionId);
    if (!session) return null;
    const submitted = await tx.feedback.count({ where: { sessionId } });
    // A session reported as a no-show has no feedback to show, whatever was written before the report.
    const due =
      !session.noShow &&
      revealIsDue(
        {
          participants: expectedFeedbackCount(session.participants),
          submitted,
          deadline: feedbackDeadline(session),
        },
        now.getTime(),
      );
    if (due) {
      await tx.feedback.updateMany({ where: { sessionId, revealedAt: null }, data: { revealedAt: now } });
    }
    const rows = await tx.feedback.findMany({ where: { sessionId, revealedAt: { not: null } } });
    const slackIdOf = (memberId: string) =>
      session.participants.find((participant) => participant.memberId === memberId)?.slackUserId ?? '';
    return {
      session,
      revealed: rows.map((row) => ({
        ...toRecord(row),
        authorSlackUserId: slackIdOf(row.authorId),
        recipientSlackUserId: slackIdOf(row.recipientId),
      })),
    };
  });
}

/** The level a participant prepared for in the session (from their request). */
export async function findRequestLevel(
  db: Database,
  sessionId: string,
  memberId: string,
): Promise<Level | null> {
  const participant = await db.sessionParticipant.findUnique({
    where: { sessionId_memberId: { sessionId, memberId } },
    select: { request: { select: { level: true } } },
  });
  const level = participant?.request.level;
  return LEVELS.find((each) => each === level) ?? null;
}

/** A revealed feedback with its session and both members, to redraw the recipient's copy. */
export async function findRevealedFeedback(
  db: Database,
  feedbackId: string,
): Promise<{ session: FeedbackSession; feedback: RevealedFeedback } | null> {
  const row = await db.feedback.findUnique({ where: { id: feedbackId } });
  if (!row?.revealedAt) return null;
  const session = await findFeedbackSession(db, row.sessionId);
  if (!session) return null;
  const slackIdOf = (memberId: string) =>
    session.participants.find((p) => p.memberId === memberId)?.slackUserId;
  const author = slackIdOf(row.authorId);
  const recipient = slackIdOf(row.recipientId);
  if (!author || !recipient) return null;
  return {
    session,
    feedback: { ...toRecord(row), authorSlackUserId: author, recipientSlackUserId: recipient },
  };
}

/** The session's participants who have not given feedback yet. */
export async function participantsWithoutFeedback(
  db: Database,
  session: FeedbackSession,
): Promise<FeedbackParticipant[]> {
  const authors = await db.feedback.findMany({
    where: { sessionId: session.id },
    select: { authorId: true },
  });
  const given = new Set(authors.map((row) => row.authorId));
  // Only those who interviewed owe rubric feedback: a one-way interviewee has none to give.
  return session.participants.filter(
    (participant) =>
      !given.has(participant.memberId) &&
      feedbackDuties(session.participants, participant.memberId).writesRubric,
  );
}
