/**
 * What the fake has received (Web API calls and response_url POSTs) and the waiting on it: a wait
 * is a probe re-run whenever something happens (`notify`), until it finds what it waits for.
 */
import type { Json, RecordedCall, RecordedResponse, StandInActivity } from './types.ts';

interface Waiter {
  check: () => void;
  fail: (error: Error) => void;
}

export class Recorder {
  private recordedCalls: RecordedCall[] = [];
  private recordedResponses: RecordedResponse[] = [];
  private readonly waiters = new Set<Waiter>();
  private readonly observers = new Set<(activity: StandInActivity) => void>();

  constructor(private readonly isClosed: () => boolean) {}

  get calls(): readonly RecordedCall[] {
    return this.recordedCalls;
  }

  get responses(): readonly RecordedResponse[] {
    return this.recordedResponses;
  }

  recordCall(call: RecordedCall): void {
    this.recordedCalls.push(call);
    this.notify();
  }

  recordResponse(response: RecordedResponse): void {
    this.recordedResponses.push(response);
    this.notify();
    this.tell({ kind: 'response', response });
  }

  /** The answer a recorded call got, for observers (waits are about calls, not answers). */
  recordAnswer(call: RecordedCall, answer: Json): void {
    this.tell({ kind: 'answer', call, answer });
  }

  /** Calls `observer` after every answer and response_url POST; returns an unsubscribe. */
  observe(observer: (activity: StandInActivity) => void): () => void {
    this.observers.add(observer);
    return () => this.observers.delete(observer);
  }

  private tell(activity: StandInActivity): void {
    for (const observer of [...this.observers]) {
      try {
        observer(activity);
      } catch {
        // An observer's bug must not change what the app is answered.
      }
    }
  }

  callsTo(method: string): RecordedCall[] {
    return this.recordedCalls.filter((call) => call.method === method);
  }

  waitForCall(
    method: string,
    predicate: ((call: RecordedCall) => boolean) | undefined,
    timeoutMs: number,
  ): Promise<RecordedCall> {
    return this.waitUntil(
      () => this.recordedCalls.find((call) => call.method === method && (!predicate || predicate(call))),
      timeoutMs,
      () =>
        `no call to ${method}${predicate ? ' matching the predicate' : ''}. ${this.describeCalls(method)}`,
    );
  }

  waitForCalls(method: string, count: number, timeoutMs: number): Promise<RecordedCall[]> {
    return this.waitUntil(
      () => {
        const matching = this.callsTo(method);
        return matching.length >= count ? matching.slice(0, count) : undefined;
      },
      timeoutMs,
      () => `fewer than ${count} calls to ${method}. ${this.describeCalls(method)}`,
    );
  }

  waitForResponse(
    predicate: ((response: RecordedResponse) => boolean) | undefined,
    timeoutMs: number,
  ): Promise<RecordedResponse> {
    return this.waitUntil(
      () => this.recordedResponses.find((response) => !predicate || predicate(response)),
      timeoutMs,
      () =>
        `no response_url POST${predicate ? ' matching the predicate' : ''}; received ${this.recordedResponses.length}: ` +
        this.recordedResponses.map((response) => summarise(response.body)).join(' | '),
    );
  }

  /** Resolves with the first defined value `probe` returns, re-probing on every `notify()`. */
  waitUntil<T>(probe: () => T | undefined, timeoutMs: number, describe: () => string): Promise<T> {
    // Created here so that a timeout's stack points at the test that waited.
    const timeoutError = new Error('SlackStandIn: timed out');
    return new Promise<T>((resolve, reject) => {
      if (this.isClosed()) {
        reject(new Error('SlackStandIn closed'));
        return;
      }
      const waiter: Waiter = {
        check: () => {
          let found: T | undefined;
          try {
            found = probe();
          } catch (error) {
            finish();
            reject(error);
            return;
          }
          if (found === undefined) return;
          finish();
          resolve(found);
        },
        fail: (error) => {
          finish();
          reject(error);
        },
      };
      const timer = setTimeout(() => {
        finish();
        timeoutError.message = `SlackStandIn: waited ${timeoutMs} ms: ${describe()}`;
        reject(timeoutError);
      }, timeoutMs);
      const finish = () => {
        clearTimeout(timer);
        this.waiters.delete(waiter);
      };
      this.waiters.add(waiter);
      waiter.check();
    });
  }

  /** Something changed: every pending wait probes again. */
  notify(): void {
    for (const waiter of [...this.waiters]) waiter.check();
  }

  /** Forgets the recordings (pending waits keep waiting). */
  reset(): void {
    this.recordedCalls = [];
    this.recordedResponses = [];
  }

  /** Fails every pending wait with `error`. */
  failWaiters(error: Error): void {
    for (const waiter of [...this.waiters]) waiter.fail(error);
  }

  private describeCalls(method: string): string {
    const matching = this.callsTo(method);
    const others = [...new Set(this.recordedCalls.map((call) => call.method))];
    return (
      `${matching.length} call(s) to ${method}${matching.length ? `: ${matching.map((c) => summarise(c.args)).join(' | ')}` : ''}; ` +
      `methods called: ${others.join(', ') || 'none'}`
    );
  }
}

function summarise(value: unknown): string {
  const text = JSON.stringify(value) ?? 'undefined';
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
