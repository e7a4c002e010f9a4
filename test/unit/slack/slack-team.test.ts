import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/errors.ts';
import { slackTeamIdOf } from '../../../src/slack/slack-team.ts';

describe('the Slack team a payload came from', () => {
  it('is the payload’s team, else the user’s', () => {
    expect(slackTeamIdOf({ team: { id: 'T0A' }, user: { team_id: 'T0B' } })).toBe('T0A');
    expect(slackTeamIdOf({ team: null, user: { team_id: 'T0B' } })).toBe('T0B');
  });

  it('is an error, never an empty id that would create a nameless workspace', () => {
    expect(() => slackTeamIdOf({ team: null, user: {} })).toThrow(AppError);
  });
});
