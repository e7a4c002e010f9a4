/**
 * Memory benchmark: `npm run bench:memory` (flags: --runs=3 --settle=5 --idle=30).
 *
 * Starts each role of Mockingbird the way production does (`npm run build`, then package.json's
 * `start:prod` command: compiled JavaScript, not tsx) against a fake Slack, a database cloned from
 * the migrated template and a queue prefix of its own, and reads its resident memory (VmRSS) from
 * /proc twice: --settle seconds after start-up, and again at --idle seconds, once V8 has given
 * back what start-up needed. Start-up (module loading, Prisma's compiler, the warm-up) grows V8's
 * young generation to its 32 MB ceiling; V8's memory reducer, which runs only after several
 * seconds without allocation, shrinks it back to 1 MB. The second reading is the process's
 * standing cost, and is what the targets judge. Each role starts --runs times; the figures are
 * medians. For comparison it also starts the web role once through tsx, as `npm start` does in
 * development.
 *
 * Prints both readings and start-up time per role and PASS/FAIL against issue 18's targets: web
 * role under 150 MB idle, worker under 200 MB. (The web role under load is `npm run bench:ack`'s.)
 */
import { randomUUID } from 'node:crypto';
import { availableParallelism, loadavg } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { deleteKeysUnderPrefix } from '../src/queue/redis.ts';
import { createTestDatabase } from '../test/harness/database.ts';
import { FakeSlack } from '../test/harness/fake-slack.ts';
import { productionWebEnv, productionWebNodeArgs } from '../test/harness/production-command.ts';
import {
  buildForProduction,
  median,
  memoryOf,
  mockingbirdPort,
  PRODUCTION_ENV,
  productionNodeArgs,
  startChild,
  stopChild,
} from './app-processes.ts';

const options = z
  .object({
    runs: z.coerce.number().int().min(1).default(3),
    settle: z.coerce.number().min(0).default(5),
    idle: z.coerce.number().min(0).default(30),
  })
  .refine((value) => value.idle >= value.settle + 3, 'the idle reading comes after the settled one')
  .parse(
    parseArgs({ options: { runs: { type: 'string' }, settle: { type: 'string' }, idle: { type: 'string' } } })
      .values,
  );

const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const TEAM_ID = 'T0BENCH';
const BOT_TOKEN = 'xoxb-bench-bot-token';

interface Measured {
  startMs: number;
  /** --settle seconds after start-up. */
  settledMb: number;
  /** At --idle seconds: what the targets judge. */
  rssMb: number;
}

async function measure(nodeArgs: string[], role: string, env: Record<string, string>): Promise<Measured> {
  const child = await startChild([...nodeArgs, `--role=${role}`], env, mockingbirdPort);
  const startedAt = performance.now();
  // Three readings a second apart; the middle one, so a collection in flight does not decide it.
  const readAt = async (seconds: number) => {
    await sleep(Math.max(0, startedAt + seconds * 1000 - performance.now()));
    const readings: number[] = [];
    for (let index = 0; index < 3; index++) {
      readings.push(memoryOf(child.process.pid!).rssMb);
      await sleep(1000);
    }
    return median(readings);
  };
  try {
    const settledMb = await readAt(options.settle);
    const rssMb = await readAt(options.idle);
    return { startMs: child.startMs, settledMb, rssMb };
  } finally {
    await stopChild(child);
  }
}

async function main(): Promise<void> {
  buildForProduction();
  const [fake, database] = await Promise.all([
    FakeSlack.start({ teamId: TEAM_ID, botToken: BOT_TOKEN }),
    createTestDatabase(),
  ]);
  const queuePrefix = `mbbench-mem-${randomUUID().slice(0, 8)}`;
  const env = {
    ...PRODUCTION_ENV,
    SLACK_SIGNING_SECRET: 'bench-signing-secret-0123456789',
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_API_URL: fake.apiUrl,
    DATABASE_URL: database.url,
    REDIS_URL,
    QUEUE_PREFIX: queuePrefix,
    PORT: '0',
    LOG_LEVEL: 'info',
  };
  const loadBefore = loadavg()[0]!;
  try {
    console.log(
      `Mockingbird memory benchmark — web: node ${productionWebNodeArgs().join(' ')}, worker: node ` +
        `${productionNodeArgs().join(' ')}; ${options.runs} starts per role, ` +
        `RSS read ${options.settle} s and ${options.idle} s (idle) after start-up; Node ${process.version}, ` +
        `${availableParallelism()} cores\n`,
    );
    const results = new Map<string, Measured[]>();
    // The web role as docker-compose.yml runs it (its V8 flags, its bounded heap); the worker as
    // the image does.
    const webEnv = { ...env, ...productionWebEnv() };
    const roles = [
      ['web (production)', productionWebNodeArgs(), 'web', options.runs, webEnv],
      ['worker (production)', productionNodeArgs(), 'worker', options.runs, env],
      ['web (tsx, npm start)', ['--import', 'tsx', 'src/main.ts'], 'web', 1, env],
    ] as const;
    for (const [name, args, role, runs, roleEnv] of roles) {
      for (let run = 0; run < runs; run++) {
        const each = await measure([...args], role, roleEnv);
        results.set(name, [...(results.get(name) ?? []), each]);
      }
    }
    const settledHeading = `RSS MB at ${options.settle} s`;
    const idleHeading = `idle RSS MB (${options.idle} s)`;
    console.log(
      `${'role'.padEnd(22)} ${'starts'.padStart(6)} ${'start-up ms'.padStart(11)} ${settledHeading.padStart(15)} ${idleHeading.padStart(19)}`,
    );
    const summary = new Map<string, Measured>();
    for (const [name, runs] of results) {
      const each = {
        startMs: median(runs.map((r) => r.startMs)),
        settledMb: median(runs.map((r) => r.settledMb)),
        rssMb: median(runs.map((r) => r.rssMb)),
      };
      summary.set(name, each);
      console.log(
        `${name.padEnd(22)} ${String(runs.length).padStart(6)} ${each.startMs.toFixed(0).padStart(11)} ` +
          `${each.settledMb.toFixed(1).padStart(15)} ${each.rssMb.toFixed(1).padStart(19)}`,
      );
    }
    const web = summary.get('web (production)')!;
    const worker = summary.get('worker (production)')!;
    const tsx = summary.get('web (tsx, npm start)')!;
    console.log(
      `\ncompiled against tsx, web role: RSS ${(web.rssMb / tsx.rssMb).toFixed(2)}x, start-up ${(web.startMs / tsx.startMs).toFixed(2)}x`,
    );
    console.log(
      `machine load average (1 min): ${loadBefore.toFixed(2)} before, ${loadavg()[0]!.toFixed(2)} after, on ${availableParallelism()} cores\n`,
    );
    const checks: Array<[boolean, string]> = [
      [web.rssMb < 150, `web role under 150 MB idle: ${web.rssMb.toFixed(1)} MB`],
      [worker.rssMb < 200, `worker under 200 MB idle: ${worker.rssMb.toFixed(1)} MB`],
    ];
    for (const [ok, text] of checks) console.log(`${ok ? 'PASS' : 'FAIL'}  ${text}`);
    if (checks.some(([ok]) => !ok)) process.exitCode = 1;
  } finally {
    await fake.close();
    await database.drop();
    await deleteKeysUnderPrefix(REDIS_URL, queuePrefix);
  }
}

await main();
