import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppProcess } from '../harness/app-process.ts';
import { productionNodeArgs } from '../harness/production-command.ts';
import { createTestWorld, type TestWorld } from '../harness/test-world.ts';

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
  it('starts both roles from compiled JavaScript, migrates, syncs the bank and answers /health', async () => {
    const app = startAppProcess(world.env({ PORT: '0', LOG_LEVEL: 'info' }), [], {
      nodeArgs: productionNodeArgs(),
    });
    try {
      await app.waitForLog(/Mockingbird is running/, 60_000);
      const port = Number(/"port":(\d+)/.exec(app.stdout())?.[1]);
      const health = await fetch(`http://127.0.0.1:${port}/health`);

      expect(health.status).toBe(200);
      expect(app.stdout()).toContain('question bank in step with content/');
    } finally {
      app.child.kill('SIGTERM');
      await app.exited();
    }
  });
});
