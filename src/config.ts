import { existsSync } from 'node:fs';
import { z } from 'zod';
import { type JobName, jobNames } from './queue/catalogue.ts';
import { type CipherKey, parseCipherKeys } from './security/token-cipher.ts';

/** Which halves of the app this process runs; both by default, either alone to scale out. */
export const roleSchema = z.enum(['web', 'worker']);
export type Role = z.infer<typeof roleSchema>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

/** "86400,900": distinct positive whole seconds, largest first. */
const secondsList = z.string().transform((value, context) => {
  const seconds = value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map(Number);
  if (seconds.some((each) => !Number.isInteger(each) || each <= 0)) {
    context.addIssue({ code: 'custom', message: 'must be positive whole seconds, comma-separated' });
    return z.NEVER;
  }
  return [...new Set(seconds)].sort((a, b) => b - a);
});

/** "a, b,,c" → ["a", "b", "c"]: the settings that take a comma-separated list. */
const commaList = z.string().transform((value) =>
  value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean),
);

/** "U012AB,U034CD": Slack user ids, comma-separated, each once. */
const slackUserIds = commaList
  .pipe(z.array(z.string().regex(/^[UW][A-Z0-9]{2,}$/, 'must be Slack user ids (U… or W…), comma-separated')))
  .transform((ids) => [...new Set(ids)]);

/**
 * WORKER_QUEUES: the job queues a worker process takes. `match-pool` takes only those named;
 * `-match-pool` takes all but those. A matcher process of its own keeps a large sweep's database
 * work off the event loop that sends reminders (README, "Scaling out").
 */
const workerQueues = commaList
  .superRefine((parts, context) => {
    const leaving = parts.filter((part) => part.startsWith('-')).length;
    if (leaving > 0 && leaving < parts.length) {
      context.addIssue({
        code: 'custom',
        message: 'name the queues to take (match-pool) or those to leave (-match-pool), not both',
      });
    }
    for (const part of parts) {
      const name = part.replace(/^-/, '');
      if (!(jobNames as string[]).includes(name))
        context.addIssue({
          code: 'custom',
          message: `no job queue is called "${name}" (see src/queue/catalogue.ts)`,
        });
    }
  })
  .transform((parts): JobName[] => {
    const named = parts.map((part) => part.replace(/^-/, '') as JobName);
    if (named.length === 0) return [...jobNames];
    return parts[0]!.startsWith('-') ? jobNames.filter((name) => !named.includes(name)) : named;
  });

const roles = commaList
  .pipe(z.array(roleSchema).min(1, 'name at least one role: web, worker or web,worker'))
  .transform((list) => [...new Set(list)]);

/** Where to fix each setting, shown next to every problem so the message is a to-do list. */
const HOW_TO_FIX: Record<string, string> = {
  SLACK_BOT_TOKEN:
    'Install the app to your workspace (README, "Create the Slack app"), then copy "Bot User OAuth Token" (xoxb-…) from OAuth & Permissions.',
  SLACK_SIGNING_SECRET: 'Copy "Signing Secret" from Basic Information → App Credentials.',
  SLACK_CLIENT_ID:
    'Multi-workspace install: copy "Client ID" from Basic Information → App Credentials (and set SLACK_CLIENT_SECRET, SLACK_STATE_SECRET, TOKEN_ENCRYPTION_KEYS).',
  SLACK_CLIENT_SECRET: 'Copy "Client Secret" from Basic Information → App Credentials.',
  SLACK_STATE_SECRET: 'Any long random string, e.g. `openssl rand -base64 32`; it signs the OAuth state.',
  TOKEN_ENCRYPTION_KEYS:
    'One or more id:key pairs, newest first, e.g. 2026a:$(openssl rand -base64 32); README, "Installing in many workspaces", explains rotation.',
  SLACK_APP_TOKEN:
    'Socket Mode needs an app-level token: Basic Information → App-Level Tokens → Generate, scope connections:write (xapp-…).',
  SLACK_API_URL:
    'Leave it unset for Slack itself; tests point it at a stand-in such as http://127.0.0.1:4100/api/.',
  DATABASE_URL: 'A PostgreSQL URL, e.g. postgresql://postgres@127.0.0.1:5432/mockingbird.',
  REDIS_URL: 'A Redis URL, e.g. redis://127.0.0.1:6379.',
  PORT: 'A TCP port number between 0 and 65535 (0 picks a free one).',
  MOCKINGBIRD_ROLES: 'Use web, worker or web,worker (or pass --role=web / --role=worker).',
  ORGANIZER_SLACK_IDS:
    'Member ids are in Slack under a profile’s ⋮ menu → "Copy member ID", e.g. U012AB3CD,U045EF6GH.',
  DASHBOARD_USER: 'Set DASHBOARD_USER and DASHBOARD_PASSWORD together, or neither (no queue dashboard).',
  DASHBOARD_PASSWORD:
    'Set DASHBOARD_USER and DASHBOARD_PASSWORD together, or neither; e.g. `openssl rand -base64 24` for the password.',
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
  /** Multi-workspace OAuth install; with these set, SLACK_BOT_TOKEN becomes optional. */
  SLACK_CLIENT_ID: z.string().min(1).optional(),
  SLACK_CLIENT_SECRET: z.string().min(8, 'looks too short to be a client secret').optional(),
  SLACK_STATE_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  TOKEN_ENCRYPTION_KEYS: z
    .string()
    .transform((text, context) => {
      try {
        return parseCipherKeys(text);
      } catch (error) {
        context.addIssue({ code: 'custom', message: (error as Error).message });
        return z.NEVER;
      }
    })
    .optional(),
  /** Unset: Socket Mode exactly when an app-level token (SLACK_APP_TOKEN) is given. */
  SLACK_SOCKET_MODE: flag.optional(),
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
  /** How long one Slack Web API call may take before it counts as failed (and is retried). */
  SLACK_API_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  /**
   * How long a job stays with a worker that stopped answering (crashed, killed) before another
   * worker takes it over; also how often workers look for such jobs. BullMQ's default; tests shorten it.
   */
  WORKER_LOCK_SECONDS: z.coerce.number().int().min(1).default(30),
  WORKER_QUEUES: workerQueues.optional(),
  /** How often the matching sweep re-optimises every open pool. */
  MATCH_SWEEP_INTERVAL_SECONDS: z.coerce.number().int().min(5).default(900),
  /** How long an unmatched request stays open before it expires with a friendly DM. */
  REQUEST_TTL_HOURS: z.coerce
    .number()
    .positive()
    .default(7 * 24),
  /** A "now" pair starts this long after the match: time to open the DM and a call. */
  SESSION_NOW_LEAD_SECONDS: z.coerce.number().int().min(0).default(300),
  /** Reminders before a confirmed session, comma-separated (default 24 h and 15 min). */
  SESSION_REMINDERS_SECONDS: secondsList.default([86_400, 900]),
  /** An unconfirmed session is nudged this long after the intro. */
  SESSION_CONFIRM_NUDGE_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .default(8 * 3600),
  /** ...and released (both back in the pool, with priority) this long after it. */
  SESSION_RELEASE_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .default(24 * 3600),
  /** "How did it go?" goes out this long after the planned end (negative: before it). */
  SESSION_CHECK_IN_AFTER_END_SECONDS: z.coerce.number().int().default(0),
  /** Members who have not given feedback are nudged this long after the check-in. */
  SESSION_FEEDBACK_NUDGE_SECONDS: z.coerce.number().int().min(1).default(86_400),
  /** A cancel this close to the start counts against the canceller's reliability. */
  SESSION_LATE_CANCEL_SECONDS: z.coerce
    .number()
    .int()
    .min(0)
    .default(2 * 3600),
  /**
   * How often the reconciler re-derives from PostgreSQL what must be queued in Redis, and repairs
   * it; 0 turns it off (benchmarks that seed sessions without their follow-ups).
   */
  RECONCILE_INTERVAL_SECONDS: z.coerce
    .number()
    .int()
    .refine((seconds) => seconds === 0 || seconds >= 5, 'must be 0 (off) or at least 5 seconds')
    .default(300),
  /** How long a message to members keeps being retried while Slack fails (5xx, network), before it is given up for a while. */
  SLACK_DELIVERY_RETRY_MINUTES: z.coerce.number().positive().default(120),
  /** The first retry's wait; each further one doubles, up to SLACK_DELIVERY_BACKOFF_CAP_MS. */
  SLACK_DELIVERY_BACKOFF_MS: z.coerce.number().int().positive().default(2_000),
  SLACK_DELIVERY_BACKOFF_CAP_MS: z.coerce.number().int().positive().default(600_000),
  /** Slack user ids who may change organizer settings besides workspace admins and owners. */
  ORGANIZER_SLACK_IDS: slackUserIds.default([]),
  /** HTTP Basic credentials of the queue dashboard at /admin/queues; without both it is not served. */
  DASHBOARD_USER: z
    .string()
    .regex(/^[^:]+$/, 'must not contain ":" (HTTP Basic auth splits on it)')
    .optional(),
  DASHBOARD_PASSWORD: z
    .string()
    .min(12, 'must be at least 12 characters: the dashboard can retry and delete jobs')
    .optional(),
});

export type Environment = z.infer<typeof environmentSchema>;

export interface SessionTiming {
  nowLeadMs: number;
  remindersMs: number[];
  confirmNudgeMs: number;
  releaseMs: number;
  checkInAfterEndMs: number;
  feedbackNudgeMs: number;
  lateCancelMs: number;
}

export interface Config {
  slack: {
    /** The single workspace's bot token; undefined in multi-workspace mode without a default. */
    botToken: string | undefined;
    /** Set for multi-workspace OAuth installs (tokens then come from the installation store). */
    oauth:
      | { clientId: string; clientSecret: string; stateSecret: string; tokenKeys: CipherKey[] }
      | undefined;
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
  /** SLACK_API_TIMEOUT_MS: one Web API call's time limit. */
  slackApiTimeoutMs: number;
  /** BullMQ's lockDuration and stalledInterval (WORKER_LOCK_SECONDS). */
  workerLockMs: number;
  /** The job queues this process's workers take (WORKER_QUEUES; all by default). */
  workerQueues: JobName[];
  matching: { sweepIntervalMs: number; requestTtlMs: number };
  sessions: SessionTiming;
  reconcileIntervalMs: number;
  /** Retries of jobs that deliver to members (src/queue/delivery-retry.ts). */
  deliveryRetry: { baseMs: number; capMs: number; windowMs: number };
  /** Slack user ids who are organizers in any workspace, besides its admins and owners. */
  organizerSlackIds: string[];
  /** Credentials of the queue dashboard; undefined: the dashboard is off. */
  dashboard: { user: string; password: string } | undefined;
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
      botToken: env_.SLACK_BOT_TOKEN,
      oauth: env_.SLACK_CLIENT_ID
        ? {
            clientId: env_.SLACK_CLIENT_ID,
            clientSecret: env_.SLACK_CLIENT_SECRET!,
            stateSecret: env_.SLACK_STATE_SECRET!,
            tokenKeys: env_.TOKEN_ENCRYPTION_KEYS!,
          }
        : undefined,
      signingSecret: env_.SLACK_SIGNING_SECRET,
      appToken: env_.SLACK_APP_TOKEN,
      socketMode: usesSocketMode(cleaned),
      apiUrl: env_.SLACK_API_URL,
    },
    databaseUrl: env_.DATABASE_URL,
    redisUrl: env_.REDIS_URL,
    port: env_.PORT,
    logLevel: env_.LOG_LEVEL,
    roles: env_.MOCKINGBIRD_ROLES,
    queuePrefix: env_.QUEUE_PREFIX,
    shutdownTimeoutMs: env_.SHUTDOWN_TIMEOUT_MS,
    slackApiTimeoutMs: env_.SLACK_API_TIMEOUT_MS,
    workerLockMs: env_.WORKER_LOCK_SECONDS * 1000,
    workerQueues: env_.WORKER_QUEUES ?? [...jobNames],
    matching: {
      sweepIntervalMs: env_.MATCH_SWEEP_INTERVAL_SECONDS * 1000,
      requestTtlMs: Math.round(env_.REQUEST_TTL_HOURS * 3600 * 1000),
    },
    sessions: {
      nowLeadMs: env_.SESSION_NOW_LEAD_SECONDS * 1000,
      remindersMs: env_.SESSION_REMINDERS_SECONDS.map((seconds) => seconds * 1000),
      confirmNudgeMs: env_.SESSION_CONFIRM_NUDGE_SECONDS * 1000,
      releaseMs: env_.SESSION_RELEASE_SECONDS * 1000,
      checkInAfterEndMs: env_.SESSION_CHECK_IN_AFTER_END_SECONDS * 1000,
      feedbackNudgeMs: env_.SESSION_FEEDBACK_NUDGE_SECONDS * 1000,
      lateCancelMs: env_.SESSION_LATE_CANCEL_SECONDS * 1000,
    },
    reconcileIntervalMs: env_.RECONCILE_INTERVAL_SECONDS * 1000,
    deliveryRetry: {
      baseMs: env_.SLACK_DELIVERY_BACKOFF_MS,
      capMs: Math.max(env_.SLACK_DELIVERY_BACKOFF_CAP_MS, env_.SLACK_DELIVERY_BACKOFF_MS),
      windowMs: Math.round(env_.SLACK_DELIVERY_RETRY_MINUTES * 60_000),
    },
    organizerSlackIds: env_.ORGANIZER_SLACK_IDS,
    dashboard:
      env_.DASHBOARD_USER && env_.DASHBOARD_PASSWORD
        ? { user: env_.DASHBOARD_USER, password: env_.DASHBOARD_PASSWORD }
        : undefined,
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
  const socketMode = usesSocketMode(input);
  // Workers post messages too, so every role needs a token: the bot token of the one workspace,
  // or (multi-workspace) the OAuth credentials and the key that unseals each install's token.
  if (input.SLACK_CLIENT_ID) {
    for (const name of ['SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET', 'TOKEN_ENCRYPTION_KEYS']) {
      if (!input[name])
        missing.push({ name, message: 'is missing (SLACK_CLIENT_ID is set: multi-workspace mode)' });
    }
  } else if (!input.SLACK_BOT_TOKEN) {
    missing.push({ name: 'SLACK_BOT_TOKEN', message: 'is missing' });
  }
  if (runsWeb && socketMode && !input.SLACK_APP_TOKEN) {
    missing.push({ name: 'SLACK_APP_TOKEN', message: 'is missing (SLACK_SOCKET_MODE=true)' });
  }
  if (runsWeb && !socketMode && !input.SLACK_SIGNING_SECRET) {
    missing.push({
      name: 'SLACK_SIGNING_SECRET',
      message: 'is missing (HTTP mode verifies every request with it)',
    });
  }
  if (Boolean(input.DASHBOARD_USER) !== Boolean(input.DASHBOARD_PASSWORD)) {
    const absent = input.DASHBOARD_USER ? 'DASHBOARD_PASSWORD' : 'DASHBOARD_USER';
    const present = input.DASHBOARD_USER ? 'DASHBOARD_USER' : 'DASHBOARD_PASSWORD';
    missing.push({ name: absent, message: `is missing (${present} is set)` });
  }
  return missing;
}

/** Loads `.env` from the working directory when there is one; real environment variables win. */
export function loadDotEnv(path = '.env'): void {
  // MOCKINGBIRD_ENV_FILE picks another file; tests point it nowhere so a developer's .env stays out.
  if (existsSync(path)) process.loadEnvFile(path);
}

/**
 * An app-level token alone means Socket Mode (it is the only mode that uses one); an explicit
 * SLACK_SOCKET_MODE wins either way. One rule for both the missing-settings check and the result.
 */
function usesSocketMode(input: Record<string, string | undefined>): boolean {
  const setting = input.SLACK_SOCKET_MODE;
  return setting !== undefined ? ['true', '1', 'yes'].includes(setting) : Boolean(input.SLACK_APP_TOKEN);
}
