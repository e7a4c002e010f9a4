import { createHash } from 'node:crypto';

/**
 * Slack has no idempotency key for chat.postMessage, so each keyed send carries its own in the
 * message's metadata (https://docs.slack.dev/messaging/message-metadata): whoever sends the key
 * again, not knowing whether the first try reached Slack, can look for it in the conversation.
 *
 * The payload is a digest of the key, not the key: keys name sessions, requests and members by
 * their ids, and metadata is readable by any app that can read the conversation.
 */
export const SEND_STAMP_EVENT_TYPE = 'mockingbird_send';

export interface SendStamp {
  event_type: typeof SEND_STAMP_EVENT_TYPE;
  event_payload: { send: string };
}

export function sendStamp(key: string): SendStamp {
  return { event_type: SEND_STAMP_EVENT_TYPE, event_payload: { send: sendDigest(key) } };
}

/** True when a message as conversations.history returns it (include_all_metadata) carries `key`'s stamp. */
export function carriesStamp(message: { metadata?: unknown }, key: string): boolean {
  const metadata = message.metadata as
    | { event_type?: unknown; event_payload?: { send?: unknown } }
    | undefined;
  return metadata?.event_type === SEND_STAMP_EVENT_TYPE && metadata.event_payload?.send === sendDigest(key);
}

function sendDigest(key: string): string {
  return createHash('sha256').update(key).digest('base64url').slice(0, 32);
}
