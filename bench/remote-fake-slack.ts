/**
 * The benchmark's handle on a fake Slack running in its own process (bench/fake-slack-process.ts,
 * compiled by `npm run build`). It serves SlackRequests as the in-process stand-in would, from
 * response_urls minted ahead in the other process (`mintAhead` before each stretch of load), since
 * a payload is built synchronously and the other process can only be asked asynchronously.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type { StandInOptions, UserPatch } from '../src/sandbox/slack-stand-in/types.ts';
import type { SlackRequestsSource } from '../test/harness/slack-requests.ts';
import { ROOT } from './app-processes.ts';
import type { FakeSlackReady } from './fake-slack-process.ts';

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };

export class RemoteFakeSlack implements SlackRequestsSource {
  private readonly pending = new Map<number, Pending>();
  private readonly responseUrls: string[] = [];
  private nextId = 0;
  private triggers = 0;

  private constructor(
    readonly process: ChildProcess,
    private readonly ready: FakeSlackReady,
  ) {
    process.on('message', (message: { id?: number; result?: unknown; error?: string }) => {
      const waiting = message.id === undefined ? undefined : this.pending.get(message.id);
      if (!waiting) return;
      this.pending.delete(message.id!);
      if (message.error === undefined) waiting.resolve(message.result);
      else waiting.reject(new Error(message.error));
    });
  }

  static async start(options: StandInOptions): Promise<RemoteFakeSlack> {
    const child = fork(`${ROOT}dist/bench/fake-slack-process.js`, [JSON.stringify(options)], {
      cwd: ROOT,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const ready = await new Promise<FakeSlackReady>((resolve, reject) => {
      child.once('message', (message) => resolve(message as FakeSlackReady));
      child.once('exit', (code) =>
        reject(new Error(`the fake Slack process exited (${code}) before it served`)),
      );
    });
    return new RemoteFakeSlack(child, ready);
  }

  get apiUrl(): string {
    return this.ready.apiUrl;
  }
  get botId(): string {
    return this.ready.botId;
  }
  get botUserId(): string {
    return this.ready.botUserId;
  }
  get appId(): string {
    return this.ready.appId;
  }
  get teamDomain(): string {
    return this.ready.teamDomain;
  }

  user(userId: string): { name: string } {
    return { name: userId.toLowerCase() };
  }

  channel(channelId: string): { name: string } {
    return { name: channelId.toLowerCase() };
  }

  /** One of the response_urls minted ahead; running out is the benchmark's bug, so it throws. */
  responseUrl(): string {
    const url = this.responseUrls.pop();
    if (!url) throw new Error('no response_url left: call mintAhead() with enough for the load');
    return url;
  }

  /** Nothing in the benchmark opens a view, so a trigger_id is only ever carried, never checked. */
  triggerId(): string {
    this.triggers += 1;
    return `${this.triggers}${Date.now()}.1.${randomBytes(16).toString('hex')}`;
  }

  /** Makes sure at least `count` response_urls are ready for the payloads about to be built. */
  async mintAhead(count: number): Promise<void> {
    const missing = count - this.responseUrls.length;
    if (missing > 0)
      this.responseUrls.push(...(await this.ask<string[]>({ op: 'mintResponseUrls', count: missing })));
  }

  async setUser(userId: string, patch: UserPatch): Promise<void> {
    await this.ask({ op: 'setUser', userId, patch });
  }

  /** How many answers have reached a response_url so far. */
  countResponses(): Promise<number> {
    return this.ask<number>({ op: 'countResponses' });
  }

  async close(): Promise<void> {
    if (this.process.exitCode !== null) return;
    const exited = new Promise((resolve) => this.process.once('exit', resolve));
    await this.ask({ op: 'close' }).catch(() => undefined);
    await exited;
  }

  private ask<T>(request: Record<string, unknown>): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.process.send({ id, ...request });
    });
  }
}
