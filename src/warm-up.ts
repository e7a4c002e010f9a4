import type { Logger } from './observability/logger.ts';
import { findMemberStatus } from './store/member-status.ts';
import { findMember } from './store/members.ts';
import { type Database, DEFAULT_POOL_SIZE } from './store/prisma.ts';
import { findQuestionForTeam } from './store/question-bank.ts';
import { findWorkspaceSettings } from './store/workspace-settings.ts';

/** Ids that match no row: the reads run in full and find nothing. */
const NOBODY = { slackTeamId: 'T0WARMUP', slackUserId: 'U0WARMUP' };
const NO_ID = '00000000-0000-0000-0000-000000000000';
/** Warm-up is a courtesy: a database that does not answer in this long must not hold the start. */
const WARM_UP_LIMIT_MS = 5_000;

/**
 * Readies the web role before it accepts its first request. Right after a (re)start every
 * connection of the pool had still to be opened, and Prisma had still to compile each query and
 * V8 to compile the code that runs it, all on the first requests: a burst of new members then
 * waited seconds for their acknowledgements. Here every pooled connection opens at once, and the
 * reads behind the commonest requests (a member's lookup, `/mock status`, the daily question's
 * buttons, a workspace's settings) run once on ids that match nothing, changing nothing.
 *
 * Returns how long it took; a failure is logged and the start goes on (the first requests then
 * pay for what was not done).
 */
export async function warmUpWebRole(db: Database, logger: Logger, now: Date): Promise<number> {
  const started = performance.now();
  const work = async () => {
    await Promise.all(Array.from({ length: DEFAULT_POOL_SIZE }, () => db.$queryRaw`SELECT 1`));
    await Promise.all([
      findMember(db, NOBODY),
      findMemberStatus(db, NOBODY, now),
      findQuestionForTeam(db, NO_ID, NOBODY.slackTeamId),
      findWorkspaceSettings(db, NO_ID),
    ]);
  };
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${WARM_UP_LIMIT_MS} ms`)), WARM_UP_LIMIT_MS);
  });
  try {
    await Promise.race([work(), limit]);
  } catch (error) {
    logger.warn({ err: (error as Error).message }, 'warm-up did not finish; starting anyway');
  } finally {
    clearTimeout(timer);
  }
  return performance.now() - started;
}
