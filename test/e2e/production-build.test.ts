import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppProcess } from '../harness/app-process.ts';
import { productionNodeArgs } from '../harness/production-command.ts';
import { textOf } from '../harness/slack-messages.ts';
import { SlackRequests } from '../harness/slack-requests.ts';
import { createTestWorld, TEST_SIGNING_SECRET, TEST_TEAM_ID, type TestWorld } from '../harness/test-world.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

// Production runs the JavaScript `npm run build` writes into dist/ (the Dockerfile does the same):
// Node 20 cannot load a .ts file, so an import left pointing at one, or a file the code reads at
// run time that the build did not copy (content/, the migrations), fails here rather than in a
// container.
let world: TestWorld;

beforeAll(async () => {
  world = await createTestWorld();
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'pipe' });
}, 120_000);

afterAll(async () => {
  await world?.close();
});

describe('the production build', () => {
  it('starts both roles from compiled JavaScript, migrates, syncs the bank, answers /health and matches', async () => {
    const app = startAppProcess(world.env({ PORT: '0', LOG_LEVEL: 'info' }), [], {
      nodeArgs: productionNodeArgs(),
    });
    try {
      await app.waitForLog(/Mockingbird is running/, 60_000);
      const port = Number(/"port":(\d+)/.exec(app.stdout())?.[1]);
      const health = await fetch(`http://127.0.0.1:${port}/health`);

      expect(health.status).toBe(200);
      expect(app.stdout()).toContain('question bank in step with content/');

      // Two members free now are matched: the solve runs on a matching thread started from the
      // compiled thread file, and the intro goes out through the worker.
      const slack = new SlackRequests({
        url: `http://127.0.0.1:${port}/slack/events`,
        signingSecret: TEST_SIGNING_SECRET,
        teamId: TEST_TEAM_ID,
        fake: world.fake,
      });
      for (const user of ['U0ANA', 'U0BO']) world.fake.setUser(user, { tz: 'Europe/London' });
      await slack.command('U0ANA', '/mock', 'behavioural 30min now');
      await slack.command('U0BO', '/mock', 'behavioural 30min now');
      await world.fake.waitForCall('chat.postMessage', (call) => textOf(call).includes('It is on'), 30_000);
    } finally {
      app.child.kill('SIGTERM');
      await app.exited();
    }
  });
});
