import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { DEFAULT_HORIZON_DAYS } from '../../domain/availability/expand-availability.ts';
import { parseAvailabilityText } from '../../domain/availability/parse-availability-text.ts';
import { completeQuickRequest } from '../../domain/quick-request.ts';
import { ensureMember } from '../../store/members.ts';
import { findLatestRequest } from '../../store/partner-requests.ts';
import { reportNoShow } from '../../store/sessions.ts';
import { placeRequest } from '../place-request.ts';
import { respondSafely } from '../respond-safely.ts';
import type { SlackDeps } from '../slack-deps.ts';
import { applySessionChange } from './apply-session-change.ts';
import { STALE_MESSAGES, sessionActionSchema, sessionIdOf } from './session-action-payload.ts';

type ActionArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

/**
 * "My partner has not shown up": records the no-show against the partner (matching reads it as
 * reliability) and puts the reporter straight back in the pool for the same type, free now, with
 * priority, so anyone free now for it is matched at once.
 */
export function reportNoShowButton(deps: SlackDeps) {
  return async ({ ack, body, respond }: ActionArgs): Promise<void> => {
    await ack();
    await respondSafely(respond, deps.logger, async () => {
      const payload = sessionActionSchema.parse(body);
      const sessionId = sessionIdOf(payload);
      if (!sessionId) return { text: STALE_MESSAGES.changed!, blocks: [] };
      const now = deps.now();
      const change = await reportNoShow(deps.db, {
        sessionId,
        slackUserId: payload.user.id,
        now,
      });
      if (change.kind === 'stale') {
        const text =
          change.reason === 'changed'
            ? 'A no-show was already reported for this session; organizers can look into it if you both reported.'
            : STALE_MESSAGES[change.reason]!;
        return { text, blocks: [] };
      }
      const reporter = change.session.participants.find((p) => p.slackUserId === payload.user.id)!;
      await applySessionChange(deps, change, 'no-show', reporter.memberId);
      const absent = change.session.participants.find((p) => p.memberId !== reporter.memberId);
      if (absent) {
        await deps.queues.enqueue('member-lapse-check', {
          memberId: absent.memberId,
          sessionId: change.session.id,
        });
      }

      const member = await ensureMember(deps.db, {
        slackTeamId: payload.team?.id ?? '',
        slackUserId: payload.user.id,
      });
      const last = await findLatestRequest(deps.db, member.id);
      // The quick path's defaults, with the session's type and "free now": the same rules either way.
      const context = {
        now: now.getTime(),
        timeZone: member.timezone ?? 'UTC',
        horizonDays: DEFAULT_HORIZON_DAYS,
      };
      const nowAvailability = parseAvailabilityText('now', context);
      const request = completeQuickRequest(
        {
          interviewTypes: [change.session.interviewType],
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
      return {
        text: 'Sorry about that. It is recorded, and you are back in the pool for someone free now for the same type; if anyone is, you will meet them in a new DM in a moment.',
        blocks: [],
      };
    });
  };
}
