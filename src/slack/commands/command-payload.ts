import { z } from 'zod';

/** The fields of a slash command we rely on; Slack sends more, which we ignore. */
export const commandPayloadSchema = z.object({
  team_id: z.string().min(1),
  user_id: z.string().min(1),
  channel_id: z.string().min(1),
  text: z.string().default(''),
  response_url: z.url(),
  trigger_id: z.string().min(1),
});

export type CommandPayload = z.infer<typeof commandPayloadSchema>;
