/**
 * The sandbox's time: the real clock plus an offset that only grows. The app's runtime, its jobs
 * and the Slack stand-in all read it, so "skip to the next thing" moves every time the app
 * computes and every time the page shows, together. Time never runs backwards: a Slack message
 * timestamp must never be older than the one before it.
 */
export class SandboxClock {
  private offset = 0;

  constructor(private readonly realNow: () => number = () => Date.now()) {}

  /** Epoch milliseconds on the sandbox's clock. */
  nowMs(): number {
    return this.realNow() + this.offset;
  }

  now(): Date {
    return new Date(this.nowMs());
  }

  /** How far ahead of real time the sandbox is. */
  get offsetMs(): number {
    return this.offset;
  }

  /** Moves the clock to `instant` (epoch ms) if that is ahead; returns how far it moved. */
  advanceTo(instant: number): number {
    const step = Math.max(0, instant - this.nowMs());
    this.offset += step;
    return step;
  }
}
