import { z } from 'zod';

/** The fields of a button press in a pair's DM that the session listeners read. */
export const sessionActionSchema = z.object({
  user: z.object({ id: z.string().min(1) }),
  team: z.object({ id: z.string().min(1) }).nullable(),
  actions: z.array(z.object({ action_id: z.string(), value: z.string().max(200) })).min(1),
});

export type SessionActionPayload = z.infer<typeof sessionActionSchema>;

/** Why a press did nothing, in the member's words. */
export const STALE_MESSAGES: Record<string, string> = {
  'not-a-participant': 'This session belongs to someone else, so the button is not yours to press.',
  'not-proposed': 'The time for this session is already settled; see the latest message in this DM.',
  changed: 'This session changed since that message; use the buttons on the latest version above.',
  'slot-passed': 'That time has passed or is no longer on offer; pick another.',
  'already-over': 'This session is already over or cancelled.',
  'not-started': 'The session has not started yet; this button works from the start time on.',
};

/** The session id a cancel, reschedule or no-show button carries, or null for a forged value. */
export function sessionIdOf(payload: SessionActionPayload): string | null {
  const parsed = z.uuid().safeParse(payload.actions[0]?.value);
  return parsed.success ? parsed.data : null;
}
