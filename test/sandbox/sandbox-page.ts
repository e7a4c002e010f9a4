import { randomUUID } from 'node:crypto';
import { deleteKeysUnderPrefix } from '../../src/queue/redis.ts';
import { startPageServer } from '../../src/sandbox/page/page-server.ts';
import { Sandbox } from '../../src/sandbox/sandbox.ts';
import { databaseUrl, dropDatabase, uniqueDatabaseName } from '../harness/database.ts';
import { REDIS_URL } from '../harness/test-world.ts';

/** A running sandbox and its page server, on a database and a queue prefix of their own. */
export interface SandboxPage {
  sandbox: Sandbox;
  /** The page's address, as a member opens it. */
  base: string;
  stop(): Promise<void>;
}

/** Starts what `npm run sandbox` starts, on a free port; stop() removes its database and Redis keys too. */
export async function startSandboxPage(): Promise<SandboxPage> {
  const database = uniqueDatabaseName();
  const queuePrefix = `mbtest-sandbox-${randomUUID().slice(0, 8)}`;
  const sandbox = await Sandbox.start({
    databaseUrl: databaseUrl(database),
    redisUrl: REDIS_URL,
    queuePrefix,
    logLevel: 'silent',
  });
  const { server, url } = await startPageServer(sandbox, 0);
  return {
    sandbox,
    base: url,
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await sandbox.stop();
      await Promise.all([dropDatabase(database), deleteKeysUnderPrefix(REDIS_URL, queuePrefix)]);
    },
  };
}
