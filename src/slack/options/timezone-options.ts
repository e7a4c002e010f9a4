import type { AllMiddlewareArgs, SlackOptionsMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { searchTimeZones } from '../../domain/availability/time-zone-search.ts';
import { FOLLOW_SLACK_TIMEZONE } from '../../domain/profile-form.ts';
import { followSlackOption } from '../blocks/profile-modal.ts';

type OptionsArgs = SlackOptionsMiddlewareArgs<'block_suggestion'> & AllMiddlewareArgs;

const suggestionSchema = z.object({ value: z.string().max(100).default('') });

/** Slack shows at most 100 options in a menu. */
const MENU_LIMIT = 100;

/**
 * The profile modal's timezone menu: every IANA zone is too many for a static menu (Slack allows
 * 100), so the member types and we answer with the zones that match. No I/O: it must be quick.
 */
export function timezoneOptions(deps: AppDeps) {
  return async ({ ack, body }: OptionsArgs): Promise<void> => {
    const query = suggestionSchema.safeParse(body).data?.value ?? '';
    const followSlack = query === '' || FOLLOW_SLACK_TIMEZONE.startsWith(query.trim().toLowerCase());
    const zones = searchTimeZones(query, deps.now().getTime(), followSlack ? MENU_LIMIT - 1 : MENU_LIMIT);
    await ack({
      options: [
        ...(followSlack ? [followSlackOption(null)] : []),
        ...zones.map((choice) => ({
          text: { type: 'plain_text' as const, text: choice.label },
          value: choice.zone,
        })),
      ],
    });
  };
}
