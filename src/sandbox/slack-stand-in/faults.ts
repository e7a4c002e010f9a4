/**
 * Answers shaped by a test: injected failures, delays that keep a call in flight, and responders
 * that replace (or wrap) the fake's own answer. `'*'` stands for any method.
 */
import type { FailureOptions, Responder } from './types.ts';

export class Faults {
  private readonly failures = new Map<string, Required<Pick<FailureOptions, 'times'>> & FailureOptions>();
  private readonly delays = new Map<string, number>();
  private readonly responders = new Map<string, Responder>();
  private readonly sleepers = new Set<{ timer: NodeJS.Timeout; wake: () => void }>();

  failNext(method: string, options: FailureOptions): void {
    if (options.status === undefined && options.error === undefined) {
      throw new Error('failNext needs a status or an error');
    }
    this.failures.set(method, { ...options, times: options.times ?? 1 });
  }

  clearFailure(method: string): void {
    this.failures.delete(method);
  }

  delay(method: string, ms: number): void {
    if (ms > 0) this.delays.set(method, ms);
    else this.delays.delete(method);
  }

  on(method: string, responder: Responder): () => void {
    this.responders.set(method, responder);
    return () => {
      if (this.responders.get(method) === responder) this.responders.delete(method);
    };
  }

  responderFor(method: string): Responder | undefined {
    return this.responders.get(method);
  }

  delayFor(method: string): number | undefined {
    return this.delays.get(method) ?? this.delays.get('*');
  }

  /** The failure this call to `method` should suffer, if any, counting it against `times`. */
  takeFailure(method: string): FailureOptions | undefined {
    const key = this.failures.has(method) ? method : this.failures.has('*') ? '*' : undefined;
    if (key === undefined) return undefined;
    const failure = this.failures.get(key)!;
    failure.times -= 1;
    if (failure.times <= 0) this.failures.delete(key);
    return failure;
  }

  /** Waits `ms`, or less if `wakeSleepers()` comes first. */
  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const sleeper = {
        timer: setTimeout(() => {
          this.sleepers.delete(sleeper);
          resolve();
        }, ms),
        wake: resolve,
      };
      this.sleepers.add(sleeper);
    });
  }

  /** Ends every pending delay at once (on close). */
  wakeSleepers(): void {
    for (const sleeper of this.sleepers) {
      clearTimeout(sleeper.timer);
      sleeper.wake();
    }
  }

  /** Forgets failures, delays and responders (delays already under way run out). */
  reset(): void {
    this.failures.clear();
    this.delays.clear();
    this.responders.clear();
  }
}
