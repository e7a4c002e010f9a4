import type { WebClient } from '@slack/web-api';
import type { AppDeps } from '../../app-deps.ts';
import { findMemberStatus } from '../../store/member-status.ts';
import type { MemberRef } from '../../store/members.ts';
import { cancelOpenRequest } from '../../store/partner-requests.ts';
import { findNextSession } from '../../store/sessions.ts';
import { cancelSessionFor } from '../../workflows/cancel-session.ts';
import type { SlackMessage } from '../blocks/help-message.ts';
import { statusMessage } from '../blocks/status-message.ts';
import { ensureSyncedMember, syncMember } from '../synced-member.ts';

const NO_REQUEST =
  'You have no open request. Ask for a partner with `/mock <type>`, e.g. `/mock execution now`.';

/**
 * `/mock status`: the member's open request and sessions ahead, with what to do next. One round
 * trip for a member already known with no sessions ahead (the lookup and the status are one
 * statement), one more to load sessions they have ahead, and two on first contact (that read, then
 * the statement that creates them).
 */
export async function showStatus(deps: AppDeps, client: WebClient, ref: MemberRef): Promise<SlackMessage> {
  const now = deps.now();
  const status = await findMemberStatus(deps.db, ref, now);
  await syncMember(deps, client, ref, status?.member ?? null);
  // A member seen for the first time just now has neither a request nor a session.
  return statusMessage(ref.slackUserId, status?.request ?? null, status?.sessions ?? [], now.getTime());
}

/** `/mock cancel`: withdraws the open request. */
export async function cancelRequest(deps: AppDeps, client: WebClient, ref: MemberRef): Promise<SlackMessage> {
  const member = await ensureSyncedMember(deps, client, ref);
  const cancelled = await cancelOpenRequest(deps.db, member.id, deps.now());
  if (cancelled) {
    const text = 'Your request is withdrawn. Nobody will be matched with you for it.';
    return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
  }
  // No open request: the member means their next session, which has its own cancel rules.
  const session = await findNextSession(deps.db, member.id, deps.now());
  if (session) return { ...(await cancelSessionFor(deps, session.id, ref.slackUserId)), blocks: [] };
  return { text: NO_REQUEST, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: NO_REQUEST } }] };
}
