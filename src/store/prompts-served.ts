import type { PastPrompt } from '../domain/question-bank/select-prompt.ts';
import type { Database } from './prisma.ts';

/**
 * Every prompt a member was given, with why: prompt selection reads it so nobody is asked the same
 * question again until the pool for that type and level is used up.
 */

export type PromptPurpose = 'SOLO' | 'SESSION';

export async function recordPromptServed(
  db: Database,
  served: { memberId: string; questionId: string; purpose: PromptPurpose; at: Date },
): Promise<void> {
  await db.promptServed.create({
    data: {
      memberId: served.memberId,
      questionId: served.questionId,
      purpose: served.purpose,
      servedAt: served.at,
    },
  });
}

/** What the member has been given, any purpose, as selectPrompt reads it. */
export async function promptsServedTo(db: Database, memberId: string): Promise<PastPrompt[]> {
  const rows = await db.promptServed.findMany({
    where: { memberId },
    select: { questionId: true, servedAt: true },
  });
  return rows.map((row) => ({ questionId: row.questionId, askedAt: row.servedAt.getTime() }));
}

/** How many prompts of each type the member has been given. */
export async function servedCountsByType(db: Database, memberId: string): Promise<Map<string, number>> {
  const rows = await db.promptServed.findMany({
    where: { memberId },
    select: { question: { select: { type: true } } },
  });
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(row.question.type, (counts.get(row.question.type) ?? 0) + 1);
  return counts;
}

/**
 * The prompt a session's interviewee is asked: the first pick is kept (a retried job finds it),
 * and a concurrent pick for the same round loses to the unique (sessionId, memberId).
 */
export async function recordSessionPrompt(
  db: Database,
  pick: { sessionId: string; intervieweeId: string; questionId: string; at: Date },
): Promise<string> {
  await db.promptServed.createMany({
    data: [
      {
        sessionId: pick.sessionId,
        memberId: pick.intervieweeId,
        questionId: pick.questionId,
        purpose: 'SESSION',
        servedAt: pick.at,
      },
    ],
    skipDuplicates: true,
  });
  const kept = await db.promptServed.findUniqueOrThrow({
    where: { sessionId_memberId: { sessionId: pick.sessionId, memberId: pick.intervieweeId } },
    select: { questionId: true },
  });
  return kept.questionId;
}

/** The prompt already picked for this session's interviewee, if any. */
export async function findSessionPrompt(
  db: Database,
  sessionId: string,
  intervieweeId: string,
): Promise<string | null> {
  const row = await db.promptServed.findUnique({
    where: { sessionId_memberId: { sessionId, memberId: intervieweeId } },
    select: { questionId: true },
  });
  return row?.questionId ?? null;
}

/** The topic of the prompt the interviewee was asked in the session, when one was served. */
export async function sessionPromptTopic(
  db: Database,
  sessionId: string,
  intervieweeId: string,
): Promise<string | null> {
  const served = await db.promptServed.findUnique({
    where: { sessionId_memberId: { sessionId, memberId: intervieweeId } },
    select: { question: { select: { topic: true } } },
  });
  return served?.question.topic ?? null;
}
