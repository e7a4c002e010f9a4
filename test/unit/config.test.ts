import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { jobNames } from '../../src/queue/catalogue.ts';

const http = { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'secret-123456' };

function problems(env: Record<string, string>, argv: string[] = []): string[] {
  try {
    loadConfig(env, argv);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

describe('loadConfig', () => {
  it('multi-workspace mode needs the OAuth credentials and a token key, not a bot token', () => {
    const oauth = { SLACK_SIGNING_SECRET: 'secret-123456', SLACK_CLIENT_ID: '123.456' };
    const missing = problems(oauth).map((problem) => problem.split(' ')[0]);
    expect(missing.sort()).toEqual(['SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET', 'TOKEN_ENCRYPTION_KEYS']);
    const key = Buffer.alloc(32, 7).toString('base64');
    const config = loadConfig({
      ...oauth,
      SLACK_CLIENT_SECRET: 'client-secret-1',
      SLACK_STATE_SECRET: 'a-long-state-secret',
      TOKEN_ENCRYPTION_KEYS: `k1:${key}`,
    });
    expect(config.slack.botToken).toBeUndefined();
    expect(config.slack.oauth).toMatchObject({ clientId: '123.456', tokenKeys: [{ id: 'k1' }] });
    expect(
      problems({
        ...oauth,
        SLACK_CLIENT_SECRET: 'client-secret-1',
        SLACK_STATE_SECRET: 'a-long-state-secret',
        TOKEN_ENCRYPTION_KEYS: 'k1:short',
      }),
    ).toEqual([expect.stringContaining('TOKEN_ENCRYPTION_KEYS')]);
  });

  it('applies defaults for a minimal HTTP-mode environment', () => {
    const config = loadConfig(http);
    expect(config).toMatchObject({
      port: 3000,
      roles: ['web', 'worker'],
      databaseUrl: 'postgresql://postgres@127.0.0.1:5432/mockingbird',
      redisUrl: 'redis://127.0.0.1:6379',
      slack: { apiUrl: 'https://slack.com/api/', socketMode: false },
    });
  });

  it('adds the trailing slash the Web API client needs to a custom Slack URL', () => {
    expect(loadConfig({ ...http, SLACK_API_URL: 'http://127.0.0.1:4100/api' }).slack.apiUrl).toBe(
      'http://127.0.0.1:4100/api/',
    );
  });

  it('lists every problem at once, each with how to fix it', () => {
    const found = problems({ PORT: '99999', LOG_LEVEL: 'chatty' });
    expect(found).toHaveLength(4);
    expect(found.join('\n')).toMatch(/SLACK_BOT_TOKEN is missing/);
    expect(found.join('\n')).toMatch(/SLACK_SIGNING_SECRET is missing/);
    expect(found.join('\n')).toMatch(/PORT/);
    expect(found.join('\n')).toMatch(/LOG_LEVEL/);
  });

  it('Socket Mode needs the app-level token, not the signing secret', () => {
    expect(problems({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SOCKET_MODE: 'true' })).toEqual([
      expect.stringMatching(/^SLACK_APP_TOKEN is missing \(SLACK_SOCKET_MODE=true\)\. .*connections:write/),
    ]);
    expect(
      problems({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SOCKET_MODE: 'true', SLACK_APP_TOKEN: 'xapp-1' }),
    ).toEqual([]);
  });

  it('an app-level token alone means Socket Mode: no signing secret is asked for, none is ignored', () => {
    expect(problems({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' })).toEqual([]);
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' }).slack.socketMode).toBe(true);
    // Said explicitly, HTTP mode stays HTTP mode (and needs its signing secret).
    expect(
      problems({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1', SLACK_SOCKET_MODE: 'false' }),
    ).toEqual([expect.stringMatching(/^SLACK_SIGNING_SECRET is missing/)]);
  });

  it('rejects a user token where a bot token belongs', () => {
    expect(problems({ ...http, SLACK_BOT_TOKEN: 'xoxp-123' })).toEqual([
      expect.stringMatching(/^SLACK_BOT_TOKEN must be a bot token starting with xoxb-/),
    ]);
  });

  it('a worker-only process needs no signing secret, and --role wins over MOCKINGBIRD_ROLES', () => {
    const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', MOCKINGBIRD_ROLES: 'web' }, ['--role=worker']);
    expect(config.roles).toEqual(['worker']);
  });

  it('rejects an unknown role and treats empty values as unset', () => {
    expect(problems({ ...http, MOCKINGBIRD_ROLES: 'web,cron' })[0]).toMatch(/MOCKINGBIRD_ROLES/);
    expect(loadConfig({ ...http, PORT: '' }).port).toBe(3000);
  });
  it('WORKER_QUEUES names the queues a worker takes, or those it leaves; all by default', () => {
    expect(loadConfig(http).workerQueues).toEqual([...jobNames]);
    expect(loadConfig({ ...http, WORKER_QUEUES: 'match-pool' }).workerQueues).toEqual(['match-pool']);
    const rest = loadConfig({ ...http, WORKER_QUEUES: '-match-pool, -sweep-pools' }).workerQueues;
    expect(rest).not.toContain('match-pool');
    expect(rest).not.toContain('sweep-pools');
    expect(rest).toContain('session-reminder');
    expect(rest).toHaveLength(jobNames.length - 2);

    expect(problems({ ...http, WORKER_QUEUES: 'match-pool,-sweep-pools' })).toEqual([
      expect.stringMatching(/^WORKER_QUEUES.*not both/),
    ]);
    expect(problems({ ...http, WORKER_QUEUES: 'matching' })).toEqual([
      expect.stringMatching(/^WORKER_QUEUES.*"matching"/),
    ]);
  });
});
