import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { dailySchedulerId } from '../../queue/daily-question-schedule.ts';
import { eraseWorkspace, findMemberId } from '../../store/erasure.ts';
import { forgetMember } from '../../workflows/forget-member.ts';
import { errorSummary } from '../respond-safely.ts';

type UninstalledArgs = SlackEventMiddlewareArgs<'app_uninstalled'> & AllMiddlewareArgs;
type RevokedArgs = SlackEventMiddlewareArgs<'tokens_revoked'> & AllMiddlewareArgs;

const teamSchema = z.object({ team_id: z.string().min(1) });
const revokedSchema = teamSchema.extend({
  event: z.object({
    tokens: z.object({ oauth: z.array(z.string()).default([]), bot: z.array(z.string()).default([]) }),
  }),
});

async function eraseInstall(deps: AppDeps, slackTeamId: string, why: string): Promise<void> {
  const erased = await eraseWorkspace(deps.db, slackTeamId);
  if (!erased) return;
  // Its session jobs find nothing and stop; the daily scheduler would keep firing, so it goes.
  await deps.queues.queue('post-daily-question').removeJobScheduler(dailySchedulerId(erased.workspaceId));
  deps.logger.info({ workspaceId: erased.workspaceId, why }, 'workspace data erased');
}

/** The app was removed from the workspace: everything about it is deleted. Retries are harmless. */
export function appUninstalled(deps: AppDeps) {
  return async ({ body }: UninstalledArgs): Promise<void> => {
    const parsed = teamSchema.safeParse(body);
    if (!parsed.success) return;
    await eraseInstall(deps, parsed.data.team_id, 'app_uninstalled').catch((error: unknown) =>
      deps.logger.error({ err: errorSummary(error) }, 'could not erase an uninstalled workspace'),
    );
  };
}

/**
 * Tokens were revoked. The bot's token: the install is gone, as with app_uninstalled (which may
 * arrive before or after). User tokens: Mockingbird holds none, so a revoking user is treated as
 * withdrawing, and their data is erased.
 */
export function tokensRevoked(deps: AppDeps) {
  return async ({ body }: RevokedArgs): Promise<void> => {
    const parsed = revokedSchema.safeParse(body);
    if (!parsed.success) return;
    const { team_id: slackTeamId, event } = parsed.data;
    try {
      if (event.tokens.bot.length > 0) {
        await eraseInstall(deps, slackTeamId, 'tokens_revoked');
        return;
      }
      for (const slackUserId of event.tokens.oauth) {
        const memberId = await findMemberId(deps.db, slackTeamId, slackUserId);
        if (memberId) await forgetMember(deps, { memberId, slackUserId });
      }
    } catch (error) {
      deps.logger.error({ err: errorSummary(error) }, 'could not erase after revoked tokens');
    }
  };
}
