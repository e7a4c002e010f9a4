import { AppError } from '../errors.ts';

/**
 * The Slack team a submission or a press came from: the payload's team, else the user's. Slack
 * always sends one of them; a payload with neither is not one we can act on.
 */
export function slackTeamIdOf(payload: { team?: { id: string } | null; user: { team_id?: string } }): string {
  const id = payload.team?.id ?? payload.user.team_id;
  if (!id)
    throw new AppError(
      'no-team',
      'a Slack payload without a team id',
      'Slack sent Mockingbird something it could not read. Please try again.',
    );
  return id;
}
