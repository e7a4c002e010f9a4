import { z } from 'zod';

/** Action ids of the buttons in a pair's group DM, shared by the blocks and the listeners. */
export const SESSION_ACTIONS = {
  pickSlot: 'session-pick-slot',
  reschedule: 'session-reschedule',
  cancel: 'session-cancel',
  noShow: 'session-no-show',
  rematchNow: 'session-rematch-now',
} as const;

/**
 * A time button carries the session, the version it was drawn for and the slot, so a press on
 * a message that has since changed is recognised as stale instead of acting on the new state.
 */
export function slotValue(session: { id: string; version: number }, slot: number): string {
  return `${session.id}|${session.version}|${slot}`;
}

const digits = z
  .string()
  .regex(/^\d{1,15}$/)
  .transform(Number);

export const slotValueSchema = z
  .string()
  .transform((value) => value.split('|'))
  .pipe(z.tuple([z.uuid(), digits, digits]))
  .transform(([sessionId, version, slot]) => ({ sessionId, version, slot }));

/**
 * Slack's confirm dialog on "my partner has not shown up": the report counts against the partner,
 * so a mis-click must not file it.
 */
export const NO_SHOW_CONFIRM = {
  title: { type: 'plain_text' as const, text: 'Report a no-show?' },
  text: {
    type: 'mrkdwn' as const,
    text: 'Your partner did not join. This is recorded against their reliability, and you go back into the pool for someone free now.',
  },
  confirm: { type: 'plain_text' as const, text: 'Report it' },
  deny: { type: 'plain_text' as const, text: 'Not yet' },
};
