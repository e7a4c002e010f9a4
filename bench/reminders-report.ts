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
        '(these are the ones at-least-once delivery posts again)\n' +
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

  console.log('');
  console.log(
    `${verdict(phases.every((phase) => phase.figures.p99Ms < 1000))}  p99 lateness under 1 s: ` +
      phases.map((phase) => `${phase.name} ${ms(phase.figures.p99Ms)} ms`).join(', '),
  );
  console.log(
    `${verdict(phases.every((phase) => phase.figures.lost === 0))}  none lost: ` +
      phases.map((phase) => `${phase.name} ${phase.figures.lost}`).join(', '),
  );
  console.log(
    `${verdict(phases.every((phase) => phase.figures.duplicated <= (phase.kill?.inFlight ?? 0)))}  ` +
      'duplicates no more than the jobs in flight at the kill: ' +
      phases
        .map((phase) => `${phase.name} ${phase.figures.duplicated} ≤ ${phase.kill?.inFlight ?? 0}`)
        .join(', '),
  );
}
