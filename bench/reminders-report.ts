import type { KillReport } from './reminders-kill.ts';
import type { PhaseFigures } from './reminders-measure.ts';

export interface PhaseResult {
  name: string;
  figures: PhaseFigures;
  /** One-minute load average of the machine when the run ended, against its CPU count. */
  loadAverage: number;
  /** How late this process's event loop ran (the fake Slack stamps arrivals on it), beyond 10 ms. */
  fakeLoopDelayMs: { p99: number; max: number };
  /** CPU the worker processes spent per reminder (undisturbed run only). */
  workerCpuMsPerReminder: number;
  bySecond: Array<{ second: number; p50Ms: number; p99Ms: number }>;
  kill?: KillReport & {
    /** When the last of the dead worker's in-flight reminders arrived, after the kill. */
    inFlightSettledAfterMs: number;
  };
}

const pad = (value: string | number, width: number) => String(value).padStart(width);
const ms = (value: number) => (Number.isFinite(value) ? String(Math.round(value)) : '—');
const seconds = (value: number) => (value / 1000).toFixed(1);
const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');

export function printResults(phases: PhaseResult[], options: { detail: boolean; cpus: number }): void {
  console.log(
    `${'run'.padEnd(24)} ${pad('reminders', 9)} ${pad('delivered', 9)} ${pad('lost', 5)} ${pad('dup', 4)} ` +
      `${pad('p50 ms', 7)} ${pad('p99 ms', 7)} ${pad('max ms', 7)} ${pad('msgs/s', 7)} ${pad('load', 5)} ${pad('fake lag ms', 11)} ${pad('CPU ms/msg', 10)}`,
  );
  for (const { name, figures: f, loadAverage, fakeLoopDelayMs, workerCpuMsPerReminder } of phases) {
    console.log(
      `${name.padEnd(24)} ${pad(f.reminders, 9)} ${pad(f.delivered, 9)} ${pad(f.lost, 5)} ${pad(f.duplicated, 4)} ` +
        `${pad(ms(f.p50Ms), 7)} ${pad(ms(f.p99Ms), 7)} ${pad(ms(f.maxMs), 7)} ${pad(f.throughputPerSecond.toFixed(1), 7)} ` +
        `${pad(loadAverage.toFixed(1), 5)} ${pad(`${ms(fakeLoopDelayMs.p99)}/${ms(fakeLoopDelayMs.max)}`, 11)} ` +
        `${pad(Number.isFinite(workerCpuMsPerReminder) ? workerCpuMsPerReminder.toFixed(1) : '—', 10)}`,
    );
  }
  console.log(
    `\nlateness: the fake Slack's arrival time of a reminder's first post minus its due time. msgs/s: ` +
      `first posts that arrived inside the due window, per second of it. load: the machine's 1-minute ` +
      `load average at the end of the run (${options.cpus} CPUs; other work on the machine shows here). ` +
      'fake lag: p99/max event-loop delay of the process hosting the fake Slack, which stamps the arrivals. ' +
      'CPU ms/msg: CPU time of all worker processes per reminder (so rate × this = CPU-ms per second they need).',
  );

  for (const { name, kill } of phases) {
    if (!kill) continue;
    console.log(
      `\n${name}: worker pid ${kill.pid} SIGKILLed ${seconds(kill.diedAtMs)} s into the due window.\n` +
        `  in flight at the kill: ${kill.inFlight} reminder jobs locked by the dead worker ` +
        `(BullMQ counted ${kill.activeBeforeKill} active across all workers just before it)` +
        (kill.frozenWorkers > 1
          ? `; ${kill.frozenWorkers} workers' jobs did not move, all counted\n`
          : '\n') +
        `  posted to Slack but not yet recorded as sent when it died: ${kill.postedNotRecorded} ` +
        '(the replacement finds these in the conversation by their metadata stamp instead of posting them again)\n' +
        `  replacement taking jobs ${seconds(kill.restartMs)} s after the kill; ` +
        `the dead worker's reminders settled ${seconds(kill.inFlightSettledAfterMs)} s after it`,
    );
  }

  if (options.detail) {
    for (const { name, bySecond } of phases) {
      console.log(`\n${name}, lateness by due second (p50/p99 ms):`);
      const cells = bySecond.map(
        ({ second, p50Ms, p99Ms }) => `${pad(second, 3)}: ${ms(p50Ms)}/${ms(p99Ms)}`,
      );
      for (let row = 0; row < cells.length; row += 6)
        console.log(`  ${cells.slice(row, row + 6).join('  ')}`);
    }
  }

  printVerdicts(phases);
}

/** The runs of one kind ("steady 2" and "steady 3" are both "steady"), in the order they ran. */
function byKind(phases: PhaseResult[]): Map<string, PhaseResult[]> {
  const kinds = new Map<string, PhaseResult[]>();
  for (const phase of phases) {
    const kind = phase.name.replace(/ \d+$/, '');
    kinds.set(kind, [...(kinds.get(kind) ?? []), phase]);
  }
  return kinds;
}

function median(values: number[]): number {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * Medians over the runs of each kind, and the verdicts: p99 lateness (its median) under 1 s, and
 * not one reminder lost or posted twice in any run. Load is the machine's: a high one next to a
 * FAIL says the machine, not only the code, was slow.
 */
function printVerdicts(phases: PhaseResult[]): void {
  const kinds = byKind(phases);
  console.log(
    `\nmedians per kind of run\n${'kind'.padEnd(24)} ${pad('runs', 4)} ${pad('p50 ms', 7)} ${pad('p99 ms', 7)} ` +
      `${pad('max ms', 7)} ${pad('lost', 5)} ${pad('dup', 4)} ${pad('load', 5)}  p99 of each run`,
  );
  for (const [kind, runs] of kinds) {
    const of = (pick: (phase: PhaseResult) => number) => median(runs.map(pick));
    console.log(
      `${kind.padEnd(24)} ${pad(runs.length, 4)} ${pad(ms(of((r) => r.figures.p50Ms)), 7)} ` +
        `${pad(ms(of((r) => r.figures.p99Ms)), 7)} ${pad(ms(of((r) => r.figures.maxMs)), 7)} ` +
        `${pad(
          of((r) => r.figures.lost),
          5,
        )} ${pad(
          of((r) => r.figures.duplicated),
          4,
        )} ` +
        `${pad(of((r) => r.loadAverage).toFixed(1), 5)}  ${runs.map((r) => ms(r.figures.p99Ms)).join(', ')}`,
    );
  }
  console.log('');
  const medianP99 = [...kinds].map(([kind, runs]) => ({
    kind,
    p99: median(runs.map((r) => r.figures.p99Ms)),
  }));
  console.log(
    `${verdict(medianP99.every(({ p99 }) => p99 < 1000))}  median p99 lateness under 1 s: ` +
      medianP99.map(({ kind, p99 }) => `${kind} ${ms(p99)} ms`).join(', '),
  );
  console.log(
    `${verdict(phases.every((phase) => phase.figures.lost === 0))}  none lost in any run: ` +
      phases.map((phase) => `${phase.name} ${phase.figures.lost}`).join(', '),
  );
  console.log(
    `${verdict(phases.every((phase) => phase.figures.duplicated === 0))}  none posted twice in any run ` +
      '(a worker killed mid-send included): ' +
      phases
        .map(
          (phase) =>
            `${phase.name} ${phase.figures.duplicated}` +
            (phase.kill ? ` (${phase.kill.postedNotRecorded} posted but unrecorded at the kill)` : ''),
        )
        .join(', '),
  );
}
