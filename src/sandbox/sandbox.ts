import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { Redis } from 'ioredis';
import { loadConfig } from '../config.ts';
import { createLogger } from '../observability/logger.ts';
import { JobQueues } from '../queue/job-queues.ts';
import { deleteKeysUnderPrefix } from '../queue/redis.ts';
import { type Runtime, startRuntime } from '../runtime.ts';
import { createDatabase, type Database } from '../store/prisma.ts';
import { MemberActions } from './client/member-actions.ts';
import { Surfaces } from './client/surfaces.ts';
import { TEAM_DOMAIN, TEAM_ID, TEAM_NAME, WAITING_REQUESTS } from './community/demo-community.ts';
import { seedCommunity } from './community/seed-community.ts';
import { withLoopbackListen } from './loopback.ts';
import { SandboxClock } from './sandbox-clock.ts';
import { freshSandboxDatabase, SANDBOX_QUEUE_PREFIX } from './sandbox-database.ts';
import { SlackRequests } from './slack-stand-in/slack-requests.ts';
import { SlackStandIn } from './slack-stand-in/slack-stand-in.ts';
import { TimeTravel } from './time-travel.ts';

/**
 * One sandbox community: the real runtime (Bolt on signed HTTP, PostgreSQL, BullMQ workers on
 * Redis) against the Slack stand-in, on a clock that can skip ahead, seeded with the demo
 * community. `reset()` throws it all away and starts a fresh one; the page keeps its address.
 */

export interface SandboxSettings {
  /** The sandbox's own database (see sandbox-database.ts). */
  databaseUrl: string;
  redisUrl: string;
  queuePrefix?: string;
  /** The app's log level; the sandbox keeps the terminal quiet by default. */
  logLevel?: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
}

/** Everything that one community lives in; replaced whole by a reset. */
export interface Community {
  clock: SandboxClock;
  slack: SlackStandIn;
  surfaces: Surfaces;
  actions: MemberActions;
  timeTravel: TimeTravel;
  db: Database;
  /** When Slack stopped failing on purpose, if it is failing (epoch ms, real time). */
  faultUntil: { kind: string; until: number } | undefined;
  stop(): Promise<void>;
}

export class Sandbox extends EventEmitter {
  private current: Community | undefined;
  private resetting: Promise<void> | undefined;

  private constructor(private readonly settings: SandboxSettings) {
    super();
  }

  static async start(settings: SandboxSettings): Promise<Sandbox> {
    const sandbox = Sandbox.create(settings);
    await sandbox.reset();
    return sandbox;
  }

  /** A sandbox with no community yet: `reset()` starts one (the page says it is starting meanwhile). */
  static create(settings: SandboxSettings): Sandbox {
    return new Sandbox(settings);
  }

  get community(): Community {
    if (!this.current) throw new Error('The sandbox is not running');
    return this.current;
  }

  get ready(): boolean {
    return this.current !== undefined && this.resetting === undefined;
  }

  /** A fresh community: new database, empty queues, a new stand-in, the demo seed, the app. */
  reset(): Promise<void> {
    this.resetting ??= this.startOver().finally(() => {
      this.resetting = undefined;
      this.emit('change');
    });
    return this.resetting;
  }

  async stop(): Promise<void> {
    await this.resetting?.catch(() => {});
    await this.current?.stop();
    this.current = undefined;
  }

  /** Makes Slack answer `status` (429 with Retry-After, or a 5xx) to every call for `seconds`. */
  failSlack(status: 429 | 500 | 503, seconds: number): void {
    const community = this.community;
    community.slack.failFor('*', seconds * 1000, {
      status,
      retryAfterSeconds: status === 429 ? 5 : undefined,
    });
    community.faultUntil = {
      kind: status === 429 ? '429 Too Many Requests' : `${status} errors`,
      until: Date.now() + seconds * 1000,
    };
    setTimeout(() => this.emit('change'), seconds * 1000 + 50).unref();
    this.emit('change');
  }

  healSlack(): void {
    this.community.slack.recover('*');
    this.community.faultUntil = undefined;
    this.emit('change');
  }

  private async startOver(): Promise<void> {
    const previous = this.current;
    this.current = undefined;
    await previous?.stop();
    const prefix = this.settings.queuePrefix ?? SANDBOX_QUEUE_PREFIX;
    await Promise.all([
      freshSandboxDatabase(this.settings.databaseUrl),
      deleteKeysUnderPrefix(this.settings.redisUrl, prefix),
    ]);
    const clock = new SandboxClock();
    const slack = await SlackStandIn.start({
      teamId: TEAM_ID,
      teamName: TEAM_NAME,
      teamDomain: TEAM_DOMAIN,
      botToken: 'xoxb-sandbox',
      appToken: 'xapp-sandbox',
      botUserId: 'U0MOCKBIRD',
      // Generous: a member reads a modal's trigger before the app opens it, never 3 s late here.
      triggerTtlMs: 30_000,
      now: () => clock.nowMs(),
    });
    const db = createDatabase(this.settings.databaseUrl, { poolSize: 3 });
    await seedCommunity(db, slack, clock.nowMs());

    const signingSecret = randomBytes(24).toString('hex');
    const config = loadConfig({
      SLACK_BOT_TOKEN: slack.botToken,
      SLACK_SIGNING_SECRET: signingSecret,
      SLACK_API_URL: slack.apiUrl,
      DATABASE_URL: this.settings.databaseUrl,
      REDIS_URL: this.settings.redisUrl,
      QUEUE_PREFIX: prefix,
      PORT: '0',
      LOG_LEVEL: this.settings.logLevel ?? 'error',
      MOCKINGBIRD_ROLES: 'web,worker',
      SHUTDOWN_TIMEOUT_MS: '2000',
    });
    const logger = createLogger(config.logLevel);
    const runtime: Runtime = await withLoopbackListen(() => startRuntime(config, logger, () => clock.now()));
    const requests = new SlackRequests({
      url: `http://127.0.0.1:${runtime.port}/slack/events`,
      signingSecret,
      teamId: TEAM_ID,
      fake: slack,
      channel: { id: 'C0GENERAL', name: 'general' },
      verificationToken: 'sandbox-verification-token',
    });
    const surfaces = new Surfaces(slack);
    const actions = new MemberActions(slack, surfaces, requests, clock);
    const redis = new Redis(this.settings.redisUrl, { maxRetriesPerRequest: 1 });
    redis.on('error', () => {});
    const queues = new JobQueues(redis, prefix);
    const timeTravel = new TimeTravel({ clock, queues, db });
    surfaces.on('change', () => this.emit('change'));

    const community: Community = {
      clock,
      slack,
      surfaces,
      actions,
      timeTravel,
      db,
      faultUntil: undefined,
      async stop() {
        surfaces.close();
        await runtime.stop();
        await queues.close();
        redis.disconnect();
        await db.$disconnect();
        await slack.close();
      },
    };
    // Members already waiting for a partner ask the way members do, through the app.
    for (const waiting of WAITING_REQUESTS) {
      await actions.command(
        waiting.userId,
        slack.openConversation([waiting.userId]),
        `/mock ${waiting.command}`,
      );
    }
    await waitFor(
      async () => (await db.partnerRequest.count({ where: { status: 'OPEN' } })) >= WAITING_REQUESTS.length,
    );
    this.current = community;
  }
}

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
