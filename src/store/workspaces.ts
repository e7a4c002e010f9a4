import type { Database } from './prisma.ts';

/**
 * The workspace's id, creating the row on first contact. Prisma's upsert is a read then a write, so
 * two first contacts at once (two members' first commands in a new workspace) can both try the
 * insert; the loser hits the unique index (P2002) and, run again, finds the winner's row.
 */
export async function ensureWorkspaceId(db: Database, slackTeamId: string): Promise<string> {
  const workspace = await retryOnConflict(() =>
    db.workspace.upsert({
      where: { slackTeamId },
      create: { slackTeamId },
      update: {},
      select: { id: true },
    }),
  );
  return workspace.id;
}

/** Runs an upsert again once if a concurrent one won the race to insert (P2002). */
export async function retryOnConflict<T>(upsert: () => Promise<T>): Promise<T> {
  try {
    return await upsert();
  } catch (error) {
    if ((error as { code?: string }).code !== 'P2002') throw error;
    return upsert();
  }
}
