import { describe, expect, it } from 'vitest';
import { SandboxClock } from '../../src/sandbox/sandbox-clock.ts';
import { describeMissingServices } from '../../src/sandbox/services.ts';
import { chooseStartMode } from '../../src/sandbox/start-mode.ts';

describe('what npm start runs', () => {
  it('no Slack credentials at all: the sandbox', () => {
    expect(chooseStartMode({}, [])).toEqual({ kind: 'sandbox', reason: 'no-credentials' });
    // A copied .env.example: empty credentials, both roles named, other settings filled in.
    expect(
      chooseStartMode(
        {
          SLACK_BOT_TOKEN: '',
          SLACK_SIGNING_SECRET: '',
          MOCKINGBIRD_ROLES: 'web,worker',
          SLACK_SOCKET_MODE: 'false',
        },
        [],
      ),
    ).toEqual({ kind: 'sandbox', reason: 'no-credentials' });
  });

  it.each([
    ['SLACK_BOT_TOKEN', 'xoxb-1'],
    ['SLACK_SIGNING_SECRET', 'secret-secret'],
    ['SLACK_APP_TOKEN', 'xapp-1'],
    ['SLACK_CLIENT_ID', '123.456'],
    ['SLACK_CLIENT_SECRET', 'client-secret'],
    ['SLACK_STATE_SECRET', 'state-secret-state-secret'],
  ])('any credential (%s): the real app, with its list of what else is missing', (name, value) => {
    expect(chooseStartMode({ [name]: value }, [])).toEqual({ kind: 'app' });
  });

  it('a role flag, a single role or production: the real app', () => {
    expect(chooseStartMode({}, ['--role=worker'])).toEqual({ kind: 'app' });
    expect(chooseStartMode({ MOCKINGBIRD_ROLES: 'web' }, [])).toEqual({ kind: 'app' });
    expect(chooseStartMode({ NODE_ENV: 'production' }, [])).toEqual({ kind: 'app' });
  });

  it('npm run sandbox: the sandbox even with credentials, never in production', () => {
    expect(chooseStartMode({ SLACK_BOT_TOKEN: 'xoxb-1' }, ['--sandbox'])).toEqual({
      kind: 'sandbox',
      reason: 'asked',
    });
    const refused = chooseStartMode({ NODE_ENV: 'production' }, ['--sandbox']);
    expect(refused.kind).toBe('refuse');
  });
});

describe('the sandbox clock', () => {
  it('runs with real time and only ever moves forward', () => {
    let real = 1_000_000;
    const clock = new SandboxClock(() => real);
    expect(clock.nowMs()).toBe(1_000_000);
    expect(clock.advanceTo(1_060_000)).toBe(60_000);
    real += 5;
    expect(clock.nowMs()).toBe(1_060_005);
    expect(clock.advanceTo(0)).toBe(0);
    expect(clock.offsetMs).toBe(60_000);
  });
});

describe('missing services', () => {
  it('names each one and the command that starts both', () => {
    const message = describeMissingServices([
      { service: 'PostgreSQL', address: '127.0.0.1:5432', error: 'ECONNREFUSED' },
      { service: 'Redis', address: '127.0.0.1:6379', error: 'ECONNREFUSED' },
    ]);
    expect(message).toContain('PostgreSQL does not answer at 127.0.0.1:5432 (ECONNREFUSED)');
    expect(message).toContain('Redis does not answer at 127.0.0.1:6379');
    expect(message).toContain('docker compose up -d postgres redis');
  });
});
