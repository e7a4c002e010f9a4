import { afterAll, beforeAll } from 'vitest';
import { createTestWorld, startTestApp, type TestApp, type TestWorld } from './test-world.ts';

/**
 * The common shape of an end-to-end file: one world and one running app for the whole file,
 * torn down after it. Read `ctx.world` / `ctx.app` inside tests (they exist once beforeAll ran).
 */
export function useTestApp(
  options: { env?: Record<string, string> | (() => Promise<Record<string, string>>) } = {},
): { readonly world: TestWorld; readonly app: TestApp } {
  let world: TestWorld | undefined;
  let app: TestApp | undefined;
  beforeAll(async () => {
    world = await createTestWorld();
    const env = typeof options.env === 'function' ? await options.env() : options.env;
    app = await startTestApp(world, { env });
  });
  afterAll(async () => {
    await app?.stop();
    await world?.close();
  });
  return {
    get world() {
      if (!world) throw new Error('the test world exists only inside tests');
      return world;
    },
    get app() {
      if (!app) throw new Error('the test app exists only inside tests');
      return app;
    },
  };
}
