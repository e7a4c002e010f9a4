import { setTimeout as sleep } from 'node:timers/promises';
import type { PostLog } from './reminders-measure.ts';
import type { BenchWorld, WorkerProcess } from './reminders-world.ts';

/** Survivors finish a reminder in milliseconds; after this long, a job still held is the dead worker's. */
const SETTLE_MS = 3_000;

export interface KillReport {
  pid: number;
  /** When the worker died, in ms since the phase's first due time. */
  diedAtMs: number;
  /** Active reminder jobs across every worker, read from BullMQ just before the kill. */
  activeBeforeKill: number;
  /** Active reminder jobs whose lock the dead worker held when it died. */
  inFlight: number;
  /**
   * Workers whose jobs did not move for the settling time: 1 (the dead one), 0 when it held none.
   * More means a live worker was stuck too, and `inFlight` counts its jobs as well.
   */
  frozenWorkers: number;
  /** Of those, the ids of the sessions, to follow when they are finally delivered. */
  inFlightSessionIds: string[];
  /** Reminders the fake received before the death but that no SentMessage row records as sent. */
  postedNotRecorded: number;
  /** From the death to the replacement worker taking jobs. */
  restartMs: number;
  diedAt: number;
}

/**
 * SIGKILLs `victim` mid-run and starts a replacement, and counts what the dead worker left in
 * flight, two ways: the reminder jobs it held in BullMQ (each lock carries its worker's id, and only
 * the dead worker's stay put), and the posts Slack received that were never recorded as sent: the
 * ones at-least-once delivery will post a second time.
 */
export async function killAndRestart(
  world: BenchWorld,
  victim: WorkerProcess,
  log: PostLog,
  phaseStart: number,
  workerCount: number,
): Promise<{ report: KillReport; replacement: WorkerProcess }> {
  const queue = world.queues.queue('session-reminder');
  const activeBeforeKill = await queue.getActiveCount();
  await world.kill(victim);
  const diedAt = Date.now();
  const replacement = world.startWorker();
  // Read at once: the dead worker's share of the active list is frozen from its last instant.
  const atDeath = await activeLocks(world);
  await sleep(SETTLE_MS);
  const later = await activeLocks(world);
  // A live worker's set of jobs turns over within the settling time; the dead one's stays as it was.
  const before = jobsByWorker(atDeath);
  const after = jobsByWorker(later);
  const frozen = [...before].filter(([workerId, jobs]) => sameSet(jobs, after.get(workerId)));
  const inFlightJobs = frozen.flatMap(([, jobs]) => [...jobs]);

  log.update();
  const postedBeforeDeath = log.channelsPostedBy(diedAt);
  // An attempt (a `…#attempt` row) is not a record of the send: it is what the lookup starts from.
  const recorded = await world.db.sentMessage.findMany({
    where: { channelId: { in: postedBeforeDeath }, NOT: { key: { endsWith: '#attempt' } } },
    select: { channelId: true },
  });
  await world.workersReady(workerCount);
  return {
    replacement,
    report: {
      pid: victim.pid,
      diedAtMs: diedAt - phaseStart,
      activeBeforeKill,
      inFlight: inFlightJobs.length,
      frozenWorkers: frozen.length,
      inFlightSessionIds: inFlightJobs.map(sessionIdOf),
      postedNotRecorded: postedBeforeDeath.length - recorded.length,
      restartMs: Date.now() - diedAt,
      diedAt,
    },
  };
}

/** Active reminder job ids with the token of the worker holding each one's lock. */
async function activeLocks(world: BenchWorld): Promise<Map<string, string>> {
  const queue = world.queues.queue('session-reminder');
  const ids = (await queue.getActive()).map((job) => job.id!).filter(Boolean);
  const tokens = await Promise.all(ids.map((id) => world.redis.get(`${queue.toKey(id)}:lock`)));
  return new Map(ids.flatMap((id, at) => (tokens[at] ? [[id, tokens[at]] as [string, string]] : [])));
}

/** Job ids grouped by the worker holding them; BullMQ lock tokens are `<worker id>:<counter>`. */
function jobsByWorker(locks: Map<string, string>): Map<string, Set<string>> {
  const byWorker = new Map<string, Set<string>>();
  for (const [jobId, token] of locks) {
    const workerId = token.slice(0, token.lastIndexOf(':'));
    byWorker.set(workerId, (byWorker.get(workerId) ?? new Set()).add(jobId));
  }
  return byWorker;
}

function sameSet(a: Set<string>, b: Set<string> | undefined): boolean {
  return b !== undefined && a.size === b.size && [...a].every((value) => b.has(value));
}

/** Reminder job ids are `session-<uuid>-v<version>-reminder-<seconds>s` (src/queue/catalogue.ts). */
function sessionIdOf(jobId: string): string {
  return jobId.slice('session-'.length, 'session-'.length + 36);
}
