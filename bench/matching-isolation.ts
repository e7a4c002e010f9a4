/**
 * Matching isolation benchmark: `npm run bench:matching-isolation`. Flags: --runs=3,
 * --requests=10000 (open requests in the pool each run matches), --rate=50 (reminders due per
 * second), --seconds=45 (of due window per run), --deployment=split|shared.
 *
 * A real worker process (compiled, started as production starts it) serves reminders due at a steady rate
 * while, a second into the window, a `match-pool` sweep of a 10,000-request workspace runs: in a
 * matcher process of its own (--deployment=split, the default: WORKER_QUEUES as
 * docker-compose.yml sets it), or on the same process (shared). Reminder lateness (the fake Slack's arrival time minus the due time) is measured
 * for the reminders due while the sweep was running, and for a control window before any sweep,
 * on the same process. The sweep's solve runs on a matching thread (src/matching-threads); if it
 * ran on the worker's event loop, every reminder due during the solve would wait for it.
 */
import { execSync } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { jobDefinition } from '../src/queue/catalogue.ts';
import { seedOpenPool } from './matching-isolation-pool.ts';
import { enqueueReminders, type PlannedReminder, seedSessions } from './reminders-load.ts';
import { PostLog } from './reminders-measure.ts';
import { BenchWorld } from './reminders-world.ts';

const { values: flags } = parseArgs({
  options: {
    runs: { type: 'string' },
    requests: { type: 'string' },
    rate: { type: 'string' },
    seconds: { type: 'string' },
    deployment: { type: 'string' },
  },
});
const options = z
  .object({
    runs: z.coerce.number().int().min(1).default(3),
    requests: z.coerce.number().int().min(2).default(10_000),
    rate: z.coerce.number().positive().default(50),
    seconds: z.coerce.number().positive().default(45),
    /**
     * shared: one worker process takes every queue (`npm start`'s default). split: the workers that
     * send leave match-pool to a matcher process (WORKER_QUEUES, as docker-compose.yml runs them).
     */
    deployment: z.enum(['shared', 'split']).default('split'),
  })
  .parse(flags);

const LEAD_MS = 2_000;
/** The sweep is queued this long after the first reminder falls due. */
const SWEEP_AFTER_MS = 1_000;
const DRAIN_LIMIT_MS = 120_000;

interface Lateness {
  count: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

interface RunResult {
  name: string;
  /** Reminders due while the sweep ran (all of them for the control run). */
  during: Lateness;
  all: Lateness;
  sweepMs: number;
  /** Share of the sweep the due window covered. */
  covered: number;
  /** Pairs the sweep recorded; undefined when it recorded no run (it failed, e.g. timed out). */
  pairs: number | undefined;
  load: string;
}

async function runWindow(
  world: BenchWorld,
  name: string,
  reminders: PlannedReminder[],
  poolWorkspaceId: string | undefined,
): Promise<RunResult> {
  const log = new PostLog(
    world.fake,
    reminders.map((reminder) => reminder.channelId),
  );
  const start = Date.now() + Math.ceil(reminders.length * 0.2) + LEAD_MS;
  const dueAt = (index: number) => start + Math.round((index * 1000) / options.rate);
  const lastDue = dueAt(reminders.length - 1);
  await enqueueReminders(world.queues, reminders, dueAt);

  let sweepStarted = Number.NaN;
  let sweepEnded = Number.NaN;
  const matchQueue = world.queues.queue('match-pool');
  if (poolWorkspaceId) {
    await sleep(start + SWEEP_AFTER_MS - Date.now());
    const definition = jobDefinition('match-pool');
    const data = definition.payload.parse({ workspaceId: poolWorkspaceId, trigger: 'sweep' });
    await matchQueue.add('match-pool', data, {
      ...world.queues.optionsFor('match-pool'),
      jobId: definition.jobId(data),
    });
  }
  const reminderQueue = world.queues.queue('session-reminder');
  for (;;) {
    await sleep(50);
    log.update();
    if (poolWorkspaceId) {
      const counts = await matchQueue.getJobCounts('active', 'wait', 'completed', 'failed');
      if (Number.isNaN(sweepStarted) && counts.active! > 0) sweepStarted = Date.now();
      if (!Number.isNaN(sweepStarted) && Number.isNaN(sweepEnded) && counts.active === 0 && counts.wait === 0)
        sweepEnded = Date.now();
    }
    if (Date.now() < lastDue) continue;
    if (poolWorkspaceId && Number.isNaN(sweepEnded)) continue;
    const counts = await reminderQueue.getJobCounts('active', 'wait', 'delayed', 'prioritized');
    if (Object.values(counts).every((count) => count === 0)) break;
    if (Date.now() > lastDue + DRAIN_LIMIT_MS) break;
  }
  log.update();
  const late = (from: number, to: number) =>
    figures(
      reminders
        .filter((reminder) => dueAt(reminder.index) >= from && dueAt(reminder.index) <= to)
        .map((reminder) => Math.min(...log.postsTo(reminder.channelId)) - dueAt(reminder.index)),
    );
  const run = poolWorkspaceId
    ? await world.db.matchRun.findFirst({ where: { workspaceId: poolWorkspaceId } })
    : null;
  const sweepMs = sweepEnded - sweepStarted;
  return {
    name,
    during: poolWorkspaceId ? late(sweepStarted, sweepEnded) : late(start, lastDue),
    all: late(start, lastDue),
    sweepMs,
    covered: poolWorkspaceId ? Math.min(1, Math.max(0, (lastDue - sweepStarted) / sweepMs)) : Number.NaN,
    pairs: poolWorkspaceId ? run?.pairs : 0,
    load: uptime(),
  };
}

/** Nearest-rank percentiles; a reminder never posted counts as infinitely late. */
function figures(lateness: number[]): Lateness {
  const sorted = lateness
    .map((ms) => (Number.isFinite(ms) ? ms : Number.POSITIVE_INFINITY))
    .sort((a, b) => a - b);
  const at = (fraction: number) =>
    sorted.length === 0
      ? Number.NaN
      : sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]!;
  return { count: sorted.length, p50Ms: at(0.5), p99Ms: at(0.99), maxMs: sorted.at(-1) ?? Number.NaN };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const uptime = () => execSync('uptime').toString().trim();
const ms = (value: number) => (Number.isFinite(value) ? `${Math.round(value)} ms` : String(value));

async function main(world: BenchWorld): Promise<void> {
  const count = Math.round(options.rate * options.seconds);
  console.log(
    `Mockingbird matching isolation benchmark — ${options.runs} sweeps of ${options.requests} open requests, ` +
      `reminders at ${options.rate}/s for ${options.seconds} s, ${options.deployment === 'split' ? 'matching in a matcher process of its own' : 'matching on the same worker process'}, Node ${process.version}`,
  );
  console.log(`load at start: ${uptime()}\n`);
  const workspace = await world.db.workspace.create({ data: { slackTeamId: world.teamId } });
  const members = await Promise.all(
    ['U0BENCHANA', 'U0BENCHBO'].map((slackUserId) =>
      world.db.member.create({ data: { workspaceId: workspace.id, slackUserId } }),
    ),
  );
  const memberIds: [string, string] = [members[0]!.id, members[1]!.id];
  const windows = await Promise.all(
    ['W', 'C', ...Array.from({ length: options.runs }, (_, run) => `R${run}`)].map((phase) =>
      seedSessions(world.db, workspace.id, memberIds, phase, phase === 'W' ? Math.min(count, 500) : count),
    ),
  );
  if (options.deployment === 'split') {
    world.startWorker({ WORKER_QUEUES: '-match-pool' });
    world.startWorker({ WORKER_QUEUES: 'match-pool' });
    await world.workersReady(1, 60_000, 'match-pool');
  } else {
    world.startWorker();
  }
  await world.workersReady(1);

  await runWindow(world, 'warm-up', windows[0]!, undefined);
  const control = await runWindow(world, 'control (no sweep)', windows[1]!, undefined);
  const runs: RunResult[] = [];
  for (let run = 0; run < options.runs; run++) {
    // Seeded only now: the worker's sweep scheduler ticks at start-up and would match a pool
    // that was already there, outside the measured window.
    const pool = await seedOpenPool(world.db, `T0POOL${run}`, options.requests, 20260302 + run);
    runs.push(await runWindow(world, `sweep ${run + 1}`, windows[2 + run]!, pool));
  }

  console.log(
    `${'window'.padEnd(20)} ${'due meanwhile'.padStart(13)} ${'p50'.padStart(8)} ${'p99'.padStart(8)} ${'max'.padStart(8)} ${'sweep'.padStart(9)} ${'covered'.padStart(7)} ${'pairs'.padStart(6)}  load`,
  );
  for (const row of [control, ...runs]) {
    console.log(
      `${row.name.padEnd(20)} ${String(row.during.count).padStart(13)} ${ms(row.during.p50Ms).padStart(8)} ${ms(row.during.p99Ms).padStart(8)} ${ms(row.during.maxMs).padStart(8)} ${(Number.isNaN(row.sweepMs) ? '—' : ms(row.sweepMs)).padStart(9)} ${(Number.isNaN(row.covered) ? '—' : `${Math.round(100 * row.covered)}%`).padStart(7)} ${(row.pairs === undefined ? 'failed' : String(row.pairs)).padStart(6)}  ${row.load.replace(/.*load average: /, '')}`,
    );
  }
  const p50 = median(runs.map((run) => run.during.p50Ms));
  const p99 = median(runs.map((run) => run.during.p99Ms));
  const max = median(runs.map((run) => run.during.maxMs));
  console.log(
    `\nmedian of ${runs.length} sweeps, reminders due while the sweep ran: p50 ${ms(p50)}, p99 ${ms(p99)}, max ${ms(max)}; ` +
      `sweep ${ms(median(runs.map((run) => run.sweepMs)))}; p99 vs the control window ${(p99 / Math.max(1, control.during.p99Ms)).toFixed(1)}×`,
  );
  console.log(
    `${p99 < 1_000 ? 'PASS' : 'FAIL'}  reminders on time while a ${options.requests}-request sweep runs ${options.deployment === 'split' ? 'in the matcher process' : 'on the same worker'}: p99 ${ms(p99)} (< 1 s)`,
  );
  console.log(`\nload at end: ${uptime()}`);
}

const started = Date.now();
const world = await BenchWorld.create();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void world.close().finally(() => process.exit(130));
  });
}
try {
  await main(world);
} catch (error) {
  process.exitCode = 1;
  console.error(error);
  const logs = world.workerLogs();
  if (logs) console.error(`worker output (last 4,000 characters):\n${logs.slice(-4_000)}`);
} finally {
  await world.close();
}
console.log(`\ntotal ${((Date.now() - started) / 1000).toFixed(0)} s`);
