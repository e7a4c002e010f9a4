import { existsSync } from 'node:fs';
import { ConfigError, loadConfig, loadDotEnv } from './config.ts';
import { BankValidationError } from './domain/question-bank/load-bank.ts';
import { routeConsoleToLogger } from './observability/library-console.ts';
import { createLogger } from './observability/logger.ts';
import { prepareDatabase } from './prepare-database.ts';
import { type Runtime, startRuntime } from './runtime.ts';
import { chooseStartMode } from './sandbox/start-mode.ts';
import { CredentialsRejectedError } from './slack/check-credentials.ts';
import { errorSummary } from './slack/respond-safely.ts';

// Start-up reads top to bottom: config → database schema → runtime (queues, Slack, workers);
// shutdown runs the same line in reverse inside runtime.stop().
loadDotEnv(process.env.MOCKINGBIRD_ENV_FILE);

// Without Slack credentials (or with `npm run sandbox`) the app runs in its sandbox: against a local
// stand-in for Slack, with a page to use it as members would. The sandbox takes the process over.
const startMode = chooseStartMode(process.env, process.argv.slice(2));
if (startMode.kind !== 'app') {
  const { runSandbox } = await import('./sandbox/start-sandbox.ts');
  await runSandbox(startMode);
}

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig(process.env, process.argv.slice(2));
} catch (error) {
  if (error instanceof ConfigError) {
    const firstRun = !existsSync(process.env.MOCKINGBIRD_ENV_FILE ?? '.env');
    process.stderr.write(`${error.message}\n`);
    if (firstRun)
      process.stderr.write('No .env file yet: start with `cp .env.example .env` and fill it in.\n');
    process.exit(1);
  }
  throw error;
}

const logger = createLogger(config.logLevel);
// What libraries print on the console (BullMQ's Redis warnings) becomes JSON log lines like ours.
routeConsoleToLogger(logger);

process.on('unhandledRejection', (reason) => {
  logger.error({ err: errorSummary(reason) }, 'unhandled promise rejection');
});

// Heard from here on, so a signal during a slow start (a database still coming up) is answered too.
let runtime: Runtime | undefined;
let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting without waiting');
      process.exit(1);
    }
    stopping = true;
    if (!runtime) {
      // No request has been accepted yet, so none is owed an answer (a job a worker may already
      // hold goes back to the queue when its lock lapses): stop as the signal asks.
      logger.info({ signal }, 'stopping before start-up finished');
      process.exit(signal === 'SIGINT' ? 130 : 143);
    }
    logger.info({ signal }, 'shutting down: no new requests or jobs; finishing those in flight');
    runtime.stop().then(
      () => {
        logger.info('stopped cleanly');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: errorSummary(error) }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}

try {
  await prepareDatabase(config.databaseUrl, logger, { syncQuestionBank: config.roles.includes('worker') });
} catch (error) {
  if (error instanceof BankValidationError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  process.stderr.write(
    `Mockingbird cannot prepare its database at ${withoutPassword(config.databaseUrl)}: ${errorSummary(error).message}\n` +
      'Is PostgreSQL running? Start it (for example `docker compose up -d postgres`) or set DATABASE_URL.\n',
  );
  process.exit(1);
}

runtime = await startRuntime(config, logger).catch((error: unknown) => {
  // A setting Slack refused (checked at start): say which, without a stack trace.
  if (!(error instanceof CredentialsRejectedError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});

function withoutPassword(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}
