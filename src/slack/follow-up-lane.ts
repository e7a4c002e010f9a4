/**
 * The work behind acknowledged requests (reads, Slack calls, the answer through response_url),
 * let onto the event loop a few at a time, and only while no request is waiting for its
 * acknowledgement. Acks never wait here, but they share the loop with this work: when 200 members
 * arrived at once (a workspace-wide announcement, a restart), starting each follow-up as soon as
 * its ack was sent put every later ack behind a growing pile of database writes and HTTP calls,
 * and the last acks of the burst took over a second. Here the acks go first and the answers
 * follow a moment later.
 *
 * Limits keep the pacing from costing a member anything:
 * - a slot is given back when its work settles or after `holdMs`, whichever comes first: work that
 *   waits on a slow Slack or database costs the loop nothing while it waits, so it must not hold
 *   up everyone behind it;
 * - nothing waits to start longer than `maxWaitMs`, busy or not: a follow-up that opens a modal
 *   carries a trigger_id Slack honours for 3 s, and it must keep most of them.
 */
export class FollowUpLane {
  private running = 0;
  private readonly waiting = new Set<() => void>();
  /** Every follow-up not yet settled, waiting or running: what a graceful stop waits for. */
  private readonly unsettled = new Set<Promise<unknown>>();

  constructor(
    private readonly limits: {
      slots: number;
      holdMs: number;
      maxWaitMs: number;
      /** True while requests wait for their acks: nothing new starts then (see `wake`). */
      acksPending?: () => boolean;
    },
  ) {}

  /** Follow-ups waiting to start right now. */
  get queued(): number {
    return this.waiting.size;
  }

  run<T>(work: () => Promise<T>): Promise<T> {
    const running = this.inTurn(work);
    const tracked = running.catch(() => {});
    this.unsettled.add(tracked);
    void tracked.finally(() => this.unsettled.delete(tracked));
    return running;
  }

  /** Resolves once every follow-up handed over so far has settled. */
  async settled(): Promise<void> {
    while (this.unsettled.size > 0) await Promise.allSettled([...this.unsettled]);
  }

  private async inTurn<T>(work: () => Promise<T>): Promise<T> {
    // Nobody jumps the queue: a newcomer starts at once only when nobody is waiting.
    if (this.waiting.size === 0 && this.mayStart()) this.running += 1;
    else await this.turnOrTimeout();
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      clearTimeout(hold);
      this.running -= 1;
      this.wake();
    };
    const hold = setTimeout(release, this.limits.holdMs);
    hold.unref();
    try {
      return await work();
    } finally {
      release();
    }
  }

  /** Lets waiting follow-ups start, longest-waiting first, as far as slots and acks allow. */
  wake(): void {
    while (this.mayStart()) {
      // A Set iterates in insertion order; `enter` removes itself and counts as running at once.
      const next = this.waiting.values().next();
      if (next.done) return;
      next.value();
    }
  }

  private mayStart(): boolean {
    return this.running < this.limits.slots && !this.limits.acksPending?.();
  }

  private turnOrTimeout(): Promise<void> {
    return new Promise<void>((resolve) => {
      const enter = () => {
        clearTimeout(timeout);
        this.waiting.delete(enter);
        // Counted here, not after the await in run(), so wake() sees the slot taken at once.
        this.running += 1;
        resolve();
      };
      const timeout = setTimeout(enter, this.limits.maxWaitMs);
      timeout.unref();
      this.waiting.add(enter);
    });
  }
}
