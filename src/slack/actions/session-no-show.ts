import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { AppDeps } from '../../app-deps.ts';
import { DEFAULT_HORIZON_DAYS } from '../../domain/availability/expand-availability.ts';
import { parseAvailabilityText } from '../../domain/availability/parse-availability-text.ts';
import { completeQuickRequest } from '../../domain/quick-request.ts';
import { ensureMember } from '../../store/members.ts';
import { findLatestRequest } from '../../store/partner-requests.ts';
import { findSession } from '../../store/sessions.ts';
import { changeSession } from '../../workflows/change-session.ts';
import { placeRequest } from '../../workflows/place-request.ts';
import { respondSafely } from '../respond-safely.ts';
import { slackTeamIdOf } from '../slack-team.ts';
import { STALE_MESSAGES, sessionActionSchema, sessionIdOf } from './session-action-payload.ts';

type ActionArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

/**
 * "My partner has not shown up": records the no-show against the partner (matching reads it as
 * reliability) and puts the reporter straight back in the pool for the same type, free now, with
 * priority, so anyone free now for it is matched at once.
 */
export function reportNoShowButton(deps: AppDeps) {
  return async ({ ack, body, respond }: ActionArgs): Promise<void> => {
    await ack();
    respondSafely(respond, deps.logger, async () => {
      const payload = sessionActionSchema.parse(body);
      const sessionId = sessionIdOf(payload);
      if (!sessionId) return { text: STALE_MESSAGES.changed, blocks: [] };
      const change = await changeSession(deps, sessionId, { kind: 'no-show', slackUserId: payload.user.id });
      if (change.kind === 'refused') return { text: change.message, blocks: [] };
      const session = await findSession(deps.db, sessionId);
      if (session) await rebookNow(deps, payload, session.interviewType);
      return {
        text: 'Sorry about that. It is recorded, and you are back in the pool for someone free now for the same type; if anyone is, you will meet them in a new DM in a moment.',
        blocks: [],
      };
    });
  };
}

/** The quick path's defaults, with the session's type and "free now": the same rules either way. */
async function rebookNow(
  deps: AppDeps,
  payload: { user: { id: string; team_id?: string }; team: { id: string } | null },
  interviewType: string,
): Promise<void> {
  const now = deps.now();
  const member = await ensureMember(deps.db, {
    slackTeamId: slackTeamIdOf(payload),
    slackUserId: payload.user.id,
  });
  const last = await findLatestRequest(deps.db, member.id);
  const context = {
    now: now.getTime(),
    timeZone: member.timezone ?? 'UTC',
    horizonDays: DEFAULT_HORIZON_DAYS,
  };
  const nowAvailability = parseAvailabilityText('now', context);
  const request = completeQuickRequest(
    {
      interviewTypes: [interviewType],
      level: undefined,
      role: undefined,
      durationMinutes: undefined,
      availability: nowAvailability.ok ? nowAvailability.value : undefined,
    },
    last,
    member.level,
    context,
  );
  await placeRequest(deps, member, { ...request, note: null });
}
