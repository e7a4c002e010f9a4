import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { requeueReopenedRequests } from '../../queue/requeue-reopened-requests.ts';
import { cancelSession } from '../../store/sessions.ts';
import { respondSafely } from '../respond-safely.ts';
import type { SlackDeps } from '../slack-deps.ts';
import { applySessionChange } from './apply-session-change.ts';
import { STALE_MESSAGES, sessionActionSchema, sessionIdOf } from './session-action-payload.ts';

type ActionArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

/** "Cancel session" (after Slack's confirm dialog). Shared with `/mock cancel` via cancelSessionFor. */
export function cancelSessionButton(deps: SlackDeps) {
  return async ({ ack, body, respond }: ActionArgs): Promise<void> => {
    await ack();
    await respondSafely(respond, deps.logger, async () => {
      const payload = sessionActionSchema.parse(body);
      const sessionId = sessionIdOf(payload);
      if (!sessionId) return { text: STALE_MESSAGES.changed!, blocks: [] };
      return cancelSessionFor(deps, sessionId, payload.user.id);
    });
  };
}

export async function cancelSessionFor(deps: SlackDeps, sessionId: string, slackUserId: string) {
  const change = await cancelSession(deps.db, {
    sessionId,
    slackUserId,
    now: deps.now(),
    lateCancelMs: deps.config.sessions.lateCancelMs,
    requestTtlMs: deps.config.matching.requestTtlMs,
  });
  if (change.kind === 'stale') return { text: STALE_MESSAGES[change.reason]!, blocks: [] };
  const actor = change.session.participants.find((p) => p.slackUserId === slackUserId)?.memberId;
  await applySessionChange(deps, change, 'cancelled', actor);
  await requeueReopenedRequests(deps.queues, change.session.workspaceId, change.reopened, deps.now());
  return {
    text: 'Cancelled. Your partner is told and keeps their place at the front of the queue.',
    blocks: [],
  };
}
