import { existsSync } from 'node:fs';
import { z } from 'zod';

/** Which halves of the app this process runs; both by default, either alone to scale out. */
export const roleSchema = z.enum(['web', 'worker']);
export type Role = z.infer<typeof roleSchema>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const roles = z
  .string()
  .transform((value) =>
    value
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean),
  )
  .pipe(z.array(roleSchema).min(1, 'name at least one role: web, worker or web,worker'))
  .transform((list) => [...new Set(list)]);

/** Where to fix each setting, shown next to every problem so the message is a to-do list. */
const HOW_TO_FIX: Record<string, string> = {
  SLACK_BOT_TOKEN:
    'Install the app to your workspace (README, "Create the Slack app"), then copy "Bot User OAuth Token" (xoxb-…) from OAuth & Permissions.',
  SLACK_SIGNING_SECRET: 'Copy "Signing Secret" from Basic Information → App Credentials.',
  SLACK_APP_TOKEN:
    'Socket Mode needs an app-level token: Basic Information → App-Level Tokens → Generate, scope connections:write (xapp-…).',
  SLACK_API_URL:
    'Leave it unset for Slack itself; tests point it at a stand-in such as http://127.0.0.1:4100/api/.',
  DATABASE_URL: 'A PostgreSQL URL, e.g. postgresql://postgres@127.0.0.1:5432/mockingbird.',
  REDIS_URL: 'A Redis URL, e.g. redis://127.0.0.1:6379.',
  PORT: 'A TCP port number between 0 and 65535 (0 picks a free one).',
  MOCKINGBIRD_ROLES: 'Use web, worker or web,worker (or pass --role=web / --role=worker).',
};

const environmentSchema = z.object({
  SLACK_BOT_TOKEN: z
    .string()
    .regex(/^xoxb-/, 'must be a bot token starting with xoxb-')
    .optional(),
  SLACK_SIGNING_SECRET: z.string().min(8, 'looks too short to be a signing secret').optional(),
  SLACK_APP_TOKEN: z
    .string()
    .regex(/^xapp-/, 'must be an app-level token starting with xapp-')
    .optional(),
  SLACK_SOCKET_MODE: flag.default(false),
  SLACK_API_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
    .transform((url) => (url.endsWith('/') ? url : `${url}/`))
    .default('https://slack.com/api/'),
  DATABASE_URL: z
    .url({ protocol: /^postgres(ql)?$/, error: 'must be a postgresql:// URL' })
    .default('postgresql://postgres@127.0.0.1:5432/mockingbird'),
  REDIS_URL: z
    .url({ protocol: /^rediss?$/, error: 'must be a redis:// URL' })
    .default('redis://127.0.0.1:6379'),
  // 0 asks the OS for a free port (tests run many apps side by side).
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  MOCKINGBIRD_ROLES: roles.default(['web', 'worker']),
  QUEUE_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_{}-]+$/, 'letters, digits, -, _ and {} (Redis Cluster hash tags) only')
    .default('mockingbird'),
  /** Lets tests and benchmarks shorten waits; never needed in production. */
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().positive().default(25_000),
  /** How often the matching sweep re-optimises every open pool. */
  MATCH_SWEEP_INTERVAL_SECONDS: z.coerce.number().int().min(5).default(900),
  /** How long an unmatched request stays open before it expires with a friendly DM. */
  REQUEST_TTL_HOURS: z.coerce
    .number()
    .positive()
    .default(7 * 24),
});

export type Environment = z.infer<typeof environmentSchema>;

export interface Config {
  slack: {
    botToken: string;
    signingSecret: string | undefined;
    appToken: string | undefined;
    socketMode: boolean;
    apiUrl: string;
  };
  databaseUrl: string;
  redisUrl: string;
  port: number;
  logLevel: Environment['LOG_LEVEL'];
  roles: Role[];
  queuePrefix: string;
  shutdownTimeoutMs: number;
  matching: { sweepIntervalMs: number; requestTtlMs: number };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(
      [
        'Mockingbird cannot start; fix these settings (in .env or the environment) and run it again:',
        ...problems.map((problem) => `  - ${problem}`),
        'See README.md, "Configuration", for every setting.',
      ].join('\n'),
    );
    this.name = 'ConfigError';
  }
}

/**
 * Reads the whole configuration once. `argv` may carry `--role=web|worker`, which wins over
 * MOCKINGBIRD_ROLES so `npm run start:worker` needs no extra variable.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, argv: string[] = []): Config {
  const roleFlag = argv.find((arg) => arg.startsWith('--role='))?.slice('--role='.length);
  const input = { ...env, ...(roleFlag ? { MOCKINGBIRD_ROLES: roleFlag } : {}) };
  // Empty strings (VAR= in .env) mean "not set", as people write them.
  const cleaned = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== ''));
  const parsed = environmentSchema.safeParse(cleaned);
  const problems = [
    ...missingSettings(cleaned),
    ...(parsed.success
      ? []
      : parsed.error.issues.map((issue) => ({ name: String(issue.path[0]), message: issue.message }))),
  ];
  if (problems.length > 0 || !parsed.success) {
    throw new ConfigError(
      problems.map(({ name, message }) => {
        const hint = HOW_TO_FIX[name];
        return `${name} ${message}${hint ? `. ${hint}` : ''}`;
      }),
    );
  }
  const env_ = parsed.data;
  return {
    slack: {
      botToken: env_.SLACK_BOT_TOKEN!,
      signingSecret: env_.SLACK_SIGNING_SECRET,
      appToken: env_.SLACK_APP_TOKEN,
      socketMode: env_.SLACK_SOCKET_MODE,
      apiUrl: env_.SLACK_API_URL,
    },
    databaseUrl: env_.DATABASE_URL,
    redisUrl: env_.REDIS_URL,
    port: env_.PORT,
    logLevel: env_.LOG_LEVEL,
    roles: env_.MOCKINGBIRD_ROLES,
    queuePrefix: env_.QUEUE_PREFIX,
    shutdownTimeoutMs: env_.SHUTDOWN_TIMEOUT_MS,
    matching: {
      sweepIntervalMs: env_.MATCH_SWEEP_INTERVAL_SECONDS * 1000,
      requestTtlMs: Math.round(env_.REQUEST_TTL_HOURS * 3600 * 1000),
    },
  };
}

/**
 * Which credentials the chosen mode and roles need. Checked on the raw values, apart from the
 * schema, so a missing token is reported together with any malformed value, not after it.
 */
function missingSettings(
  input: Record<string, string | undefined>,
): Array<{ name: string; message: string }> {
  const missing: Array<{ name: string; message: string }> = [];
  const runsWeb = (input.MOCKINGBIRD_ROLES ?? 'web').split(',').some((role) => role.trim() === 'web');
  const socketMode = ['true', '1', 'yes'].includes(input.SLACK_SOCKET_MODE ?? '');
  // Workers post messages too, so every role needs the bot token.
  if (!input.SLACK_BOT_TOKEN) missing.push({ name: 'SLACK_BOT_TOKEN', message: 'is missing' });
  if (runsWeb && socketMode && !input.SLACK_APP_TOKEN) {
    missing.push({ name: 'SLACK_APP_TOKEN', message: 'is missing (SLACK_SOCKET_MODE=true)' });
  }
  if (runsWeb && !socketMode && !input.SLACK_SIGNING_SECRET) {
    missing.push({
      name: 'SLACK_SIGNING_SECRET',
      message: 'is missing (HTTP mode verifies every request with it)',
    });
  }
  return missing;
}

/** Loads `.env` from the working directory when there is one; real environment variables win. */
export function loadDotEnv(path = '.env'): void {
  // MOCKINGBIRD_ENV_FILE picks another file; tests point it nowhere so a developer's .env stays out.
  if (existsSync(path)) process.loadEnvFile(path);
}
