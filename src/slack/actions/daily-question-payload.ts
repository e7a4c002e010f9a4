import { z } from 'zod';
import { uuidOrNull } from '../../domain/uuid.ts';
import { slackTeamIdOf } from '../slack-team.ts';

/** The fields of a press on a daily post's button that its listeners read. */
export const dailyQuestionActionSchema = z.object({
  user: z.object({ id: z.string().min(1), team_id: z.string().optional() }),
  team: z.object({ id: z.string().min(1) }).nullable(),
  trigger_id: z.string().min(1),
  actions: z.array(z.object({ action_id: z.string(), value: z.string().max(200) })).min(1),
});

export type DailyQuestionAction = z.infer<typeof dailyQuestionActionSchema>;

/** The question a button points at: its row id, or null for a value we did not write. */
export function questionIdOf(payload: DailyQuestionAction): string | null {
  return uuidOrNull(payload.actions[0]!.value);
}

/** The workspace the press came from (Enterprise Grid payloads may carry it on the user only). */
export function teamIdOf(payload: DailyQuestionAction): string {
  return slackTeamIdOf(payload);
}

export const QUESTION_GONE = 'That question is no longer in the bank. Tomorrow’s will be.';
