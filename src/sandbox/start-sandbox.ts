import { z } from 'zod';
import { BankValidationError } from '../domain/question-bank/load-bank.ts';
import { routeConsoleToLogger } from '../observability/library-console.ts';
import { createLogger } from '../observability/logger.ts';
import { errorSummary } from '../slack/respond-safely.ts';
import { startPageServer } from './page/page-server.ts';
import { Sandbox } from './sandbox.ts';
import { sandboxDatabaseUrl } from './sandbox-database.ts';
import { checkServices, describeMissingServices } from './services.ts';
import type { StartMode } from './start-mode.ts';

/**
 * `npm start` without Slack credentials, or `npm run sandbox`: checks PostgreSQL and Redis, starts
 * a fresh sandbox community and its page on 127.0.0.1, says where in one line, and runs until
 * Ctrl+C. It takes the process over: the returned promise never settles; the process exits.
 */

const settingsSchema = z.object({
  DATABASE_URL: z.string().default('postgresql://postgres@127.0.0.1:5432/mockingbird'),
  REDIS_URL: z.string().default('redis://127.0.0.1:6379'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  SANDBOX_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('error'),
  /** Another database than mockingbird_sandbox on DATABASE_URL's server (tests run their own). */
  SANDBOX_DATABASE_URL: z.string().optional(),
  SANDBOX_QUEUE_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_{}-]+$/)
    .optional(),
});

export async function runSandbox(
  mode: Exclude<StartMode, { kind: 'app' }>,
  env: NodeJS.ProcessEnv = process.env,
): Promise<never> {
  if (mode.kind === 'refuse') return exit(1, mode.message);
  const parsed = settingsSchema.safeParse(
    Object.fromEntries(Object.entries(env).filter(([, value]) => value !== '')),
  );
  if (!parsed.success) {
    return exit(
      1,
      `The sandbox cannot start: ${parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`).join('; ')}`,
    );
  }
  const settings = parsed.data;
  // What libraries print on the console (BullMQ's warning about a Redis that evicts keys, once per
  // connection) is held to SANDBOX_LOG_LEVEL like the sandbox's other logs: it still says one line.
  routeConsoleToLogger(createLogger(settings.SANDBOX_LOG_LEVEL));
  const databaseUrl = settings.SANDBOX_DATABASE_URL ?? sandboxDatabaseUrl(settings.DATABASE_URL);
  const problems = await checkServices({ databaseUrl, redisUrl: settings.REDIS_URL });
  if (problems.length > 0) return exit(1, describeMissingServices(problems));

  // The page's port first: a second sandbox on this machine stops here, before it could wipe the
  // first one's database and queues.
  const sandbox = Sandbox.create({
    databaseUrl,
    redisUrl: settings.REDIS_URL,
    queuePrefix: settings.SANDBOX_QUEUE_PREFIX,
    logLevel: settings.SANDBOX_LOG_LEVEL,
  });
  let url: string;
  try {
    ({ url } = await startPageServer(sandbox, settings.PORT));
  } catch (error) {
    const inUse = (error as NodeJS.ErrnoException).code === 'EADDRINUSE';
    return exit(
      1,
      inUse
        ? `Port ${settings.PORT} is taken (another Mockingbird sandbox?). Stop it, or run with PORT=3001 npm start.`
        : `The sandbox page could not start: ${errorSummary(error).message}`,
    );
  }
  try {
    await sandbox.reset();
  } catch (error) {
    await sandbox.stop().catch(() => {});
    if (error instanceof BankValidationError) return exit(1, error.message);
    return exit(1, `The sandbox could not start: ${errorSummary(error).message}`);
  }
  const why =
    mode.reason === 'asked'
      ? 'Mockingbird sandbox'
      : 'No Slack credentials, so Mockingbird runs in its sandbox (the real app against a local stand-in for Slack)';
  process.stdout.write(`${why}: open ${url} (Ctrl+C stops it)\n`);

  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) process.exit(1);
      stopping = true;
      sandbox.stop().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
  return new Promise<never>(() => {});
}

function exit(code: number, message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}
