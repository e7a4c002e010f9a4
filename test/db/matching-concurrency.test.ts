import { randomUUID } from 'node:crypto';
import { WebClient } from '@slack/web-api';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { JobContext } from '../../jobs/job-context.ts';
import { matchPoolJob } from '../../jobs/match-pool.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/observability/logger.ts';
import { JobQueues } from '../../src/queue/job-queues.ts';
import { SlackOutbound } from '../../src/slack/outbound/slack-outbound.ts';
import { createDatabase, type Database } from '../../src/store/prisma.ts';
import { createTestDatabase } from '../harness/database.ts';
import { REDIS_URL } from '../harness/test-world.ts';

const MATCHERS = 6;
const REQUESTS = 40;

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let seedDb: Database;
let redis: Redis;
let queues: JobQueues;
let workspaceId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  seedDb = createDatabase(database.url);
  redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  queues = new JobQueues(redis, `mbtest-${randomUUID().slice(0, 8)}`);
  const workspace = await seedDb.workspace.create({ data: { slackTeamId: 'T0RACE' } });
  workspaceId = workspace.id;
  for (let i = 0; i < REQUESTS; i++) {
    const member = await seedDb.member.create({
      data: { workspaceId, slackUserId: `U0RACE${i}`, timezone: 'Europe/London' },
    });
    await seedDb.partnerRequest.create({
      data: {
        workspaceId,
        memberId: member.id,
        openForMemberId: member.id,
        interviewTypes: ['product-sense'],
        level: 'SENIOR',
        role: 'BOTH',
        durationMinutes: 45,
        availability: {
          weekly: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '18:00', end: '21:00' }],
          slots: [],
        },
        timezone: 'Europe/London',
        expiresAt: new Date(Date.now() + 7 * 86_400_000),
      },
    });
  }
});

afterAll(async () => {
  await queues?.close();
  redis?.disconnect();
  await seedDb?.$disconnect();
  await database?.drop();
});

it('several matchers racing over one pool never put a request into two sessions', async () => {
  // Each matcher has its own connection pool, as separate worker processes would.
  const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-unused', MOCKINGBIRD_ROLES: 'worker' });
  const contexts: JobContext[] = Array.from({ length: MATCHERS }, () => {
    const db = createDatabase(database.url, { poolSize: 2 });
    const slack = new WebClient('xoxb-unused', { slackApiUrl: 'http://127.0.0.1:9/api/' });
    const logger = createLogger('silent');
    const outbound = new SlackOutbound({ client: slack, redis, prefix: 'mbtest-race', db, logger });
    const context: JobContext = {
      config,
      db,
      slack,
      outbound,
      queues,
      logger,
      now: () => new Date(),
      inWorkspace: async () => context,
      inTeam: async () => context,
    };
    return context;
  });
  try {
    const outcomes = await Promise.allSettled(
      contexts.map((context, index) =>
        matchPoolJob({ workspaceId, trigger: index % 2 === 0 ? 'sweep' : 'new-request' }, context),
      ),
    );
    expect(outcomes.map((outcome) => outcome.status)).toEqual(Array(MATCHERS).fill('fulfilled'));
  } finally {
    await Promise.all(contexts.map((context) => context.db.$disconnect()));
  }

  const participants = await seedDb.sessionParticipant.findMany({
    select: { requestId: true, sessionId: true },
  });
  const requestIds = participants.map((participant) => participant.requestId);
  expect(new Set(requestIds).size).toBe(requestIds.length);
  expect(requestIds).toHaveLength(REQUESTS);
  expect(await seedDb.session.count()).toBe(REQUESTS / 2);
  expect(await seedDb.partnerRequest.count({ where: { status: 'MATCHED', openForMemberId: null } })).toBe(
    REQUESTS,
  );
  // Every run was logged, and only the first found anyone to pair.
  const runs = await seedDb.matchRun.findMany({ orderBy: { createdAt: 'asc' } });
  expect(runs).toHaveLength(MATCHERS);
  expect(runs.map((run) => run.pairs).sort((a, b) => b - a)).toEqual([
    REQUESTS / 2,
    ...Array(MATCHERS - 1).fill(0),
  ]);
  // Each solve ran on a matching thread, not on the event loop that serves the other jobs.
  for (const run of runs) {
    expect((run.input as { solvedOnThread?: number }).solvedOnThread).toBeGreaterThan(0);
  }
});
