import type { WebClient } from '@slack/web-api';
import type { AppDeps } from '../../app-deps.ts';
import { parsePauseText } from '../../domain/pause-request.ts';
import { AppError } from '../../errors.ts';
import { type MemberRef, setMatchingPause } from '../../store/members.ts';
import type { SlackMessage } from '../blocks/help-message.ts';
import { slackDate } from '../blocks/slack-date.ts';
import { ensureSyncedMember } from '../synced-member.ts';

function message(text: string): SlackMessage {
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
}

/** `/mock pause [until YYYY-MM-DD]`: nobody is matched with a paused or snoozed member. */
export async function pauseMatching(
  deps: AppDeps,
  client: WebClient,
  ref: MemberRef,
  text: string,
): Promise<SlackMessage> {
  const member = await ensureSyncedMember(deps, client, ref);
  const now = deps.now();
  const parsed = parsePauseText(text, { now: now.getTime(), timeZone: member.timezone ?? 'UTC' });
  if (!parsed.ok) throw new AppError('invalid-pause', 'pause text did not parse', parsed.message);
  if (parsed.value.kind === 'pause') {
    await setMatchingPause(deps.db, member.id, { pausedAt: now, snoozedUntil: null });
    return message(
      'Paused: you will not be matched until you run `/mock resume`. Your open request, if any, waits.',
    );
  }
  await setMatchingPause(deps.db, member.id, { pausedAt: null, snoozedUntil: parsed.value.until });
  return message(
    `Snoozed until ${slackDate(parsed.value.until, '{date_long}')}. You will be matched again from then; \`/mock resume\` ends it sooner.`,
  );
}

/** `/mock resume`: back in the pool at once. */
export async function resumeMatching(
  deps: AppDeps,
  client: WebClient,
  ref: MemberRef,
): Promise<SlackMessage> {
  const member = await ensureSyncedMember(deps, client, ref);
  await setMatchingPause(deps.db, member.id, { pausedAt: null, snoozedUntil: null });
  return message('Welcome back: you can be matched again. `/mock <type>` asks for a partner.');
}
