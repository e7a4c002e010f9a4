/**
 * Reminders benchmark: `npm run bench:reminders`. Flags: --rate=300 (reminders due per second),
 * --seconds=60 (of due window per run), --runs=3 (undisturbed and worker-killed runs each, whose
 * medians are judged), --workers=2, --kill-at=0.5 (when in a killed run's window a worker dies),
 * --slack-latency-ms=0 (the fake answers chat.postMessage this late), --no-kill (undisturbed runs
 * only), --no-outbox (skip the outbox runs), --detail (lateness per second of the window).
 *
 * Verdicts: the median over the runs of each kind of p99 lateness under 1 s, and no reminder lost
 * or posted twice in any run (a worker killed mid-send included: sends are keyed and an
 * interrupted one is looked up in the conversation before it is posted again).
 *
 * The outbox runs measure the whole trip a real reminder makes: each is written to the outbox at its
 * due time (as a committed change writes it), relayed into BullMQ by the workers and posted; its
 * lateness is commit-to-Slack. Then a backlog of rows (as after a Redis outage) is drained, timed.
 *
 * Seeds confirmed sessions in a database of its own, queues one `session-reminder` per session due
 * at a steady rate, and lets real worker processes (compiled, started as production starts them) post them to the
 * fake Slack. It runs twice: undisturbed, then with one worker SIGKILLed part-way through the due
 * window and restarted at once. For each run it prints lateness (the fake's arrival time of the post
 * minus the due time), throughput, and reminders lost and posted twice; for the second, how many
 * jobs the dead worker had in flight.
 *
 * Slack's limits: the fake enforces none. The workers keep Slack's one message per second per
 * channel themselves (ChannelPacer), and every reminder here has a channel of its own, as each pair
 * has its own group DM, so the pacing never holds one back. Slack also documents a workspace-wide
 * ceiling for chat.postMessage, "several hundred messages per minute"
 * (https://docs.slack.dev/reference/methods/chat.postMessage); 300 a second into one workspace is far
 * above it. This measures our queue and workers, not what one Slack workspace would accept.
 */
import { cpus, loadavg } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { jobCatalogue } from '../src/queue/catalogue.ts';
import { type KillReport, killAndRestart } from './reminders-kill.ts';
import { enqueueReminders, type PlannedReminder, seedSessions } from './reminders-load.ts';
import { latenessBySecond, PostLog, summarise } from './reminders-measure.ts';
import { measureOutboxDrain, writeRemindersThroughOutbox } from './reminders-outbox.ts';
import { type PhaseResult, printResults } from './reminders-report.ts';
import { BenchWorld, type WorkerProcess } from './reminders-world.ts';

const { values: flags } = parseArgs({
  options: {
    rate: { type: 'string' },
    seconds: { type: 'string' },
    runs: { type: 'string' },
    workers: { type: 'string' },
    'kill-at': { type: 'string' },
    'slack-latency-ms': { type: 'string' },
    'no-kill': { type: 'boolean', default: false },
    'no-outbox': { type: 'boolean', default: false },
    detail: { type: 'boolean', default: false },
  },
});
const options = z
  .object({
    rate: z.coerce.number().positive().default(300),
    seconds: z.coerce.number().positive().default(60),
    runs: z.coerce.number().int().min(1).default(3),
    workers: z.coerce.number().int().min(2).default(2),
    'kill-at': z.coerce.number().gt(0).lt(1).default(0.5),
    'slack-latency-ms': z.coerce.number().int().min(0).default(0),
    'no-kill': z.boolean(),
    'no-outbox': z.boolean(),
    detail: z.boolean(),
  })
  .parse(flags);

/** From queuing the last job to the first one falling due: the workers start the run idle. */
const LEAD_MS = 2_000;
/** Reminders sent, unmeasured, through freshly started workers before the first run. */
const WARM_UP_COUNT = 1_000;
/** Rows in the backlog the outbox drain is timed on. */
const OUTBOX_BACKLOG = 20_000;
/** How long a run may go on after its last due time before what is missing counts as lost. */
const DRAIN_LIMIT_MS = 240_000;

async function runPhase(
  world: BenchWorld,
  name: string,
  reminders: PlannedReminder[],
  workers: WorkerProcess[],
  kill: boolean,
  via: 'redis' | 'outbox' = 'redis',
): Promise<PhaseResult> {
  // The fake Slack stamps each call on this process's event loop: a stalled loop would be counted
  // as lateness of the workers, so how late the loop itself ran is reported beside it.
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  const cpuAtStart = world.workersCpuMs();
  const log = new PostLog(
    world.fake,
    reminders.map((reminder) => reminder.channelId),
  );
  // Queuing runs at 10,000-50,000 jobs a second on a quiet machine, several times slower on a
  // shared one: allow 500 µs a job, then the lead.
  const start = Date.now() + Math.ceil(reminders.length * 0.5) + LEAD_MS;
  const dueAt = (index: number) => start + Math.round((index * 1000) / options.rate);
  const lastDue = dueAt(reminders.length - 1);
  let writing: Promise<void> = Promise.resolve();
  if (via === 'redis') {
    await enqueueReminders(world.queues, reminders, dueAt);
    if (Date.now() > start - LEAD_MS / 2)
      throw new Error('queuing took longer than planned; lateness would be ours');
  } else {
    await sleep(start - Date.now());
    writing = writeRemindersThroughOutbox(world.db, reminders, dueAt);
  }

  let killReport: KillReport | undefined;
  if (kill) {
    await sleep(start + options['kill-at'] * (lastDue - start) - Date.now());
    const { report, replacement } = await killAndRestart(
      world,
      workers.shift()!,
      log,
      start,
      options.workers,
    );
    workers.push(replacement);
    killReport = report;
  }

  await writing;
  const queue = world.queues.queue('session-reminder');
  for (;;) {
    await sleep(250);
    log.update();
    if (Date.now() < lastDue) continue;
    const counts = await queue.getJobCounts('active', 'wait', 'delayed', 'prioritized');
    // Through the outbox, a reminder may still be a row the relay has not carried over yet.
    const unrelayed = via === 'outbox' ? await world.db.outboxEntry.count({ where: { relayedAt: null } }) : 0;
    if (unrelayed === 0 && Object.values(counts).every((count) => count === 0)) break;
    if (Date.now() > lastDue + DRAIN_LIMIT_MS) break;
  }
  log.update();
  loopDelay.disable();
  const result = {
    name,
    figures: summarise(reminders, dueAt, log),
    loadAverage: loadavg()[0]!,
    fakeLoopDelayMs: { p99: loopDelay.percentile(99) / 1e6, max: loopDelay.max / 1e6 },
    // A dead worker takes its CPU count with it: only the undisturbed run is measured.
    workerCpuMsPerReminder: kill ? Number.NaN : (world.workersCpuMs() - cpuAtStart) / reminders.length,
    bySecond: latenessBySecond(reminders, dueAt, log),
  };
  if (!killReport) return result;
  const channels = new Map(reminders.map((reminder) => [reminder.sessionId, reminder.channelId]));
  const arrivals = killReport.inFlightSessionIds.flatMap((id) => log.postsTo(channels.get(id) ?? ''));
  const settled = Math.max(killReport.diedAt, ...arrivals) - killReport.diedAt;
  return { ...result, kill: { ...killReport, inFlightSettledAfterMs: settled } };
}

async function main(world: BenchWorld): Promise<void> {
  const count = Math.round(options.rate * options.seconds);
  const concurrency = jobCatalogue['session-reminder'].concurrency;
  console.log(
    `Mockingbird reminders benchmark — ${options.rate}/s for ${options.seconds} s (${count} reminders a run, ` +
      `${options.runs} run(s) of each kind), ` +
      `${options.workers} worker processes, session-reminder concurrency ${concurrency} each, ` +
      `fake Slack latency ${options['slack-latency-ms']} ms, Node ${process.version}, ${cpus().length} CPUs\n`,
  );
  if (options['slack-latency-ms'] > 0) world.fake.delay('chat.postMessage', options['slack-latency-ms']);

  const setupStarted = Date.now();
  const workspace = await world.db.workspace.create({ data: { slackTeamId: world.teamId } });
  const members = await Promise.all(
    ['U0BENCHANA', 'U0BENCHBO'].map((slackUserId) =>
      world.db.member.create({ data: { workspaceId: workspace.id, slackUserId } }),
    ),
  );
  const memberIds: [string, string] = [members[0]!.id, members[1]!.id];
  const warmUp = await seedSessions(world.db, workspace.id, memberIds, 'W', Math.min(count, WARM_UP_COUNT));
  const steady: PlannedReminder[][] = [];
  const killed: PlannedReminder[][] = [];
  for (let run = 1; run <= options.runs; run++) {
    steady.push(await seedSessions(world.db, workspace.id, memberIds, `S${run}`, count));
    if (!options['no-kill'])
      killed.push(await seedSessions(world.db, workspace.id, memberIds, `K${run}`, count));
  }
  const viaOutbox = options['no-outbox']
    ? []
    : await seedSessions(world.db, workspace.id, memberIds, 'O', count);
  const workers = Array.from({ length: options.workers }, () => world.startWorker());
  await world.workersReady(options.workers);
  console.log(
    `setup: ${warmUp.length + steady.flat().length + killed.flat().length} sessions seeded, ${options.workers} workers taking jobs, ` +
      `in ${((Date.now() - setupStarted) / 1000).toFixed(1)} s\n`,
  );

  // Production workers are long-lived: the first jobs of a fresh process (module loading, the
  // database pool's first connections, the JIT) are not what a reminder normally meets.
  await runPhase(world, 'warm-up', warmUp, workers, false);
  // Undisturbed and killed runs take turns, so both kinds meet the same spread of machine load.
  const phases: PhaseResult[] = [];
  for (let run = 1; run <= options.runs; run++) {
    phases.push(await runPhase(world, `steady ${run}`, steady[run - 1]!, workers, false));
    if (!options['no-kill'])
      phases.push(await runPhase(world, `worker killed ${run}`, killed[run - 1]!, workers, true));
  }
  if (!options['no-outbox'])
    phases.push(await runPhase(world, 'through the outbox', viaOutbox, workers, false, 'outbox'));
  printResults(phases, { detail: options.detail, cpus: cpus().length });
  if (!options['no-outbox']) {
    const drain = await measureOutboxDrain(world.db, OUTBOX_BACKLOG);
    const outboxRun = phases.find((phase) => phase.name === 'through the outbox')!;
    console.log(
      `
outbox: a backlog of ${drain.rows} rows drained by ${options.workers} relays in ${drain.ms} ms ` +
        `(${Math.round((drain.rows * 1000) / drain.ms)} rows/s)
` +
        `  ${outboxRun.figures.p99Ms < 1_000 ? 'PASS' : 'FAIL'} commit-to-Slack p99 under 1 s through the outbox ` +
        `(${Math.round(outboxRun.figures.p99Ms)} ms; p50 ${Math.round(outboxRun.figures.p50Ms)} ms)`,
    );
  }
}

const started = Date.now();
const world = await BenchWorld.create();
let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    interrupted = true;
    console.error(`\n${signal}: cleaning up`);
    void world.close().finally(() => process.exit(130));
  });
}
try {
  await main(world);
} catch (error) {
  process.exitCode = 1;
  // Cleaning up under a running bench makes it fail; that failure says nothing.
  if (interrupted) await new Promise(() => {});
  console.error(error);
  const logs = world.workerLogs();
  if (logs) console.error(`worker output (last 4,000 characters):\n${logs.slice(-4_000)}`);
} finally {
  await world.close();
}
console.log(`\ntotal ${((Date.now() - started) / 1000).toFixed(0)} s`);
