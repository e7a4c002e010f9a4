import { z } from 'zod';
import { REFUSAL_MESSAGES } from '../../domain/sessions/session-lifecycle.ts';
import { uuidOrNull } from '../../domain/uuid.ts';

/** The fields of a button press in a pair's DM that the session listeners read. */
export const sessionActionSchema = z.object({
  user: z.object({ id: z.string().min(1), team_id: z.string().optional() }),
  team: z.object({ id: z.string().min(1) }).nullable(),
  actions: z.array(z.object({ action_id: z.string(), value: z.string().max(200) })).min(1),
});

export type SessionActionPayload = z.infer<typeof sessionActionSchema>;

/** Why a press did nothing, in the member's words (the lifecycle's refusals). */
export const STALE_MESSAGES = REFUSAL_MESSAGES;

/** The session id a cancel, reschedule or no-show button carries, or null for a forged value. */
export function sessionIdOf(payload: SessionActionPayload): string | null {
  return uuidOrNull(payload.actions[0]?.value);
}
