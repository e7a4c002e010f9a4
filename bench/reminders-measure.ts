import type { FakeSlack } from '../test/harness/fake-slack.ts';
import type { PlannedReminder } from './reminders-load.ts';

/**
 * The chat.postMessage calls the fake Slack received for one phase's channels, read incrementally
 * (the fake keeps every call; re-filtering tens of thousands each poll would itself add lateness,
 * since the fake stamps calls on this process's event loop).
 */
export class PostLog {
  private readonly posts = new Map<string, number[]>();
  private cursor = 0;

  constructor(
    private readonly fake: FakeSlack,
    channels: Iterable<string>,
  ) {
    for (const channel of channels) this.posts.set(channel, []);
  }

  update(): void {
    const calls = this.fake.calls;
    for (; this.cursor < calls.length; this.cursor++) {
      const call = calls[this.cursor]!;
      if (call.method !== 'chat.postMessage') continue;
      this.posts.get(String(call.args.channel))?.push(call.at.getTime());
    }
  }

  /** When each post to `channel` arrived, oldest first. */
  postsTo(channel: string): number[] {
    return this.posts.get(channel) ?? [];
  }

  /** How many of the phase's channels have had at least one post. */
  deliveredCount(): number {
    let delivered = 0;
    for (const times of this.posts.values()) if (times.length > 0) delivered++;
    return delivered;
  }

  /** Channels posted to at or before `at`. */
  channelsPostedBy(at: number): string[] {
    return [...this.posts]
      .filter(([, times]) => times.some((time) => time <= at))
      .map(([channel]) => channel);
  }
}

export interface PhaseFigures {
  reminders: number;
  delivered: number;
  lost: number;
  duplicated: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** First posts that arrived inside the due window, per second of the window. */
  throughputPerSecond: number;
  /** When the last reminder arrived, counted from the last due time. */
  lastArrivalAfterLastDueMs: number;
}

/** Lateness is the fake's arrival time of the reminder's first post minus its due time. */
export function summarise(
  reminders: PlannedReminder[],
  dueAt: (index: number) => number,
  log: PostLog,
): PhaseFigures {
  const lateness: number[] = [];
  let lost = 0;
  let duplicated = 0;
  let inWindow = 0;
  let lastArrival = Number.NEGATIVE_INFINITY;
  const firstDue = dueAt(0);
  const lastDue = dueAt(reminders.length - 1);
  for (const reminder of reminders) {
    const posts = log.postsTo(reminder.channelId);
    if (posts.length === 0) {
      lost++;
      continue;
    }
    duplicated += posts.length - 1;
    const first = Math.min(...posts);
    lateness.push(first - dueAt(reminder.index));
    if (first >= firstDue && first <= lastDue) inWindow++;
    lastArrival = Math.max(lastArrival, first);
  }
  lateness.sort((a, b) => a - b);
  const windowSeconds = Math.max((lastDue - firstDue) / 1000, 1e-3);
  return {
    reminders: reminders.length,
    delivered: reminders.length - lost,
    lost,
    duplicated,
    p50Ms: percentile(lateness, 0.5),
    p99Ms: percentile(lateness, 0.99),
    maxMs: lateness.at(-1) ?? Number.NaN,
    throughputPerSecond: inWindow / windowSeconds,
    lastArrivalAfterLastDueMs: lastArrival - lastDue,
  };
}

/** p50 and p99 lateness of the reminders due in each second of the window, for `--detail`. */
export function latenessBySecond(
  reminders: PlannedReminder[],
  dueAt: (index: number) => number,
  log: PostLog,
): Array<{ second: number; p50Ms: number; p99Ms: number }> {
  const bySecond: number[][] = [];
  for (const reminder of reminders) {
    const posts = log.postsTo(reminder.channelId);
    if (posts.length === 0) continue;
    const second = Math.floor((dueAt(reminder.index) - dueAt(0)) / 1000);
    const lateness = bySecond[second] ?? [];
    lateness.push(Math.min(...posts) - dueAt(reminder.index));
    bySecond[second] = lateness;
  }
  return bySecond.map((lateness, second) => {
    lateness.sort((a, b) => a - b);
    return { second, p50Ms: percentile(lateness, 0.5), p99Ms: percentile(lateness, 0.99) };
  });
}

/** Nearest-rank percentile of an ascending list. */
function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]!;
}
