import { expect, it } from 'vitest';
import { startAppProcess } from '../harness/app-process.ts';

it('without Slack credentials the app says what to set and where to find it, and exits 1', async () => {
  // An explicit role asks for the real app: without any flag, no credentials start the sandbox.
  const app = startAppProcess({ PORT: 'seventy', REDIS_URL: 'http://not-redis' }, ['--role=web,worker']);
  const { code } = await app.exited();

  expect(code).toBe(1);
  const message = app.stderr();
  expect(message).toContain('Mockingbird cannot start');
  expect(message).toMatch(/SLACK_BOT_TOKEN is missing\. .*OAuth & Permissions/);
  expect(message).toMatch(/SLACK_SIGNING_SECRET is missing.*Basic Information/);
  expect(message).toMatch(/PORT .*number/);
  expect(message).toMatch(/REDIS_URL must be a redis:\/\/ URL/);
  expect(message).not.toMatch(/\n\s+at /); // no stack trace
});
