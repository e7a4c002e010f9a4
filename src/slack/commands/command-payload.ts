import { z } from 'zod';
import { withoutControlCharacters } from '../../domain/plain-text.ts';

/** The fields of a slash command we rely on; Slack sends more, which we ignore. */
export const commandPayloadSchema = z.object({
  team_id: z.string().min(1),
  user_id: z.string().min(1),
  channel_id: z.string().min(1),
  // Cleaned like every form's text (src/domain/plain-text.ts says why).
  text: z.string().default('').transform(withoutControlCharacters),
  response_url: z.url(),
  trigger_id: z.string().min(1),
});

export type CommandPayload = z.infer<typeof commandPayloadSchema>;
