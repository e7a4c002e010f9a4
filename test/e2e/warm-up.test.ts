import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorld, startTestApp, type TestApp, type TestWorld } from '../harness/test-world.ts';

// A web role that has just (re)started meets its first burst of requests with its pool already
// open and its hot queries already compiled: warm-up runs before the server accepts anything.
let world: TestWorld;
let app: TestApp | undefined;
let observer: pg.Client;

beforeAll(async () => {
  world = await createTestWorld();
  observer = new pg.Client({ connectionString: world.env().DATABASE_URL });
  await observer.connect();
});

afterAll(async () => {
  await app?.stop();
  await observer?.end();
  await world?.close();
});

async function connectionsToTheDatabase(): Promise<number> {
  const { rows } = await observer.query<{ count: string }>(
    'SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
  );
  return Number(rows[0]!.count);
}

describe('the web role warms up before it accepts requests', () => {
  it('has every pooled connection open before its first request', async () => {
    const before = await connectionsToTheDatabase();
    app = await startTestApp(world, { env: { MOCKINGBIRD_ROLES: 'web' } });

    // No request has been sent yet: the connections are the warm-up's.
    expect((await connectionsToTheDatabase()) - before).toBeGreaterThanOrEqual(10);
    const health = await fetch(`${app.baseUrl}/health`);
    expect(health.status).toBe(200);
  });
});
