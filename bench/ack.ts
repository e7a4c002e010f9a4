/**
 * Acknowledgement benchmark: `npm run bench:ack` (flags: --rate=200 --seconds=30 --warmup=3).
 *
 * Runs Mockingbird's web role as production does (`tsx src/main.ts --role=web`, a process of its
 * own, against a fake Slack in this process, a database cloned from the migrated template and a
 * queue prefix of its own) and, in the same run, a bare Bolt app that only acknowledges
 * (bench/bare-bolt-app.ts). Each gets the same load from this process over 127.0.0.1: signed
 * `/mock help`, `/mock status` and presses of the daily question's "Hint" button, a third each,
 * sent on a fixed schedule whether or not earlier ones were answered, so a slow app cannot slow
 * the load down and hide its own latency. The two take turns in 5 s slices, so whatever else the
 * machine is doing falls on both alike. Latency is measured here, from sending a request to
 * reading Slack's answer: what Slack would see. Mockingbird also does the work behind each ack
 * (the database, the member's Slack profile, an answer through response_url) while the load runs.
 *
 * Prints p50/p99/max acknowledgement latency, failed requests (non-200, no answer, or slower than
 * Slack's 3 s), errors the app logged, and peak memory (the child's VmRSS sampled under load and
 * its VmHWM, from /proc; `ps` where there is no /proc) for both, their ratio, and PASS/FAIL against
 * The product's targets: p99 under 50 ms, within 1.5x of bare Bolt, no errors, the app under 300 MB. Exits 1
 * when a target is missed. BENCH_LOG_DIR=<dir> keeps both apps' output there; BENCH_REDIS_URL
 * picks another Redis (PostgreSQL: TEST_DATABASE_URL, as for the tests).
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';
import { z } from 'zod';
import { DAILY_QUESTION_ACTIONS } from '../src/slack/blocks/daily-question.ts';
import { createTestDatabase } from '../test/harness/database.ts';
import { FakeSlack } from '../test/harness/fake-slack.ts';
import { type SlackReply, SlackRequests } from '../test/harness/slack-requests.ts';

const options = z
  .object({
    rate: z.coerce.number().positive().default(200),
    seconds: z.coerce.number().positive().default(30),
    warmup: z.coerce.number().min(0).default(3),
  })
  .parse(
    parseArgs({
      options: { rate: { type: 'string' }, seconds: { type: 'string' }, warmup: { type: 'string' } },
    }).values,
  );

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const SIGNING_SECRET = 'bench-signing-secret-0123456789';
const BOT_TOKEN = 'xoxb-bench-bot-token';
const TEAM_ID = 'T0BENCH';
/** Slack shows the member an error when an acknowledgement takes longer. */
const SLACK_TIMEOUT_MS = 3_000;
/**
 * How production runs the web role (Dockerfile, docker-compose.yml's web service); both apps here
 * get the same, so the comparison is like for like.
 */
const PRODUCTION_SETTINGS = { MALLOC_ARENA_MAX: '2', NODE_OPTIONS: '--max-old-space-size=192' };
/** The two apps take turns in slices this long, so whatever else the machine does hits both alike. */
const SLICE_SECONDS = 5;
const SLICE_GAP_MS = 500;
/** Kernel clock ticks per second, the unit of /proc/<pid>/stat's CPU times. */
const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
const USERS = Array.from({ length: 60 }, (_, index) => `U0BENCH${String(index).padStart(3, '0')}`);
const KINDS = ['/mock help', '/mock status', 'hint button'] as const;
type Kind = (typeof KINDS)[number];

interface Sample {
  kind: Kind;
  ms: number;
  ok: boolean;
}

interface Child {
  process: ChildProcess;
  port: number;
  output(): string;
}

interface Result {
  name: string;
  samples: Sample[];
  achievedRate: number;
  errorsLogged: number;
  peakRssUnderLoadMb: number;
  peakRssMb: number;
  /** CPU time the process used while under load, in % of one core. */
  cpuPercent: number;
  answeredThroughResponseUrl: number;
}

/** Starts a child (`node --import tsx …`, no wrapper, so its pid is the app's) and waits for its port. */
async function startChild(
  args: string[],
  env: Record<string, string>,
  portOf: (output: string) => number | undefined,
) {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      MOCKINGBIRD_ENV_FILE: '/nonexistent/.env',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  process.on('exit', () => child.kill('SIGKILL'));
  const started = Date.now();
  for (;;) {
    const port = portOf(out);
    if (port !== undefined) return { process: child, port, output: () => out } satisfies Child;
    if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited (${child.exitCode}):\n${out}`);
    if (Date.now() - started > 60_000) throw new Error(`${args.join(' ')} did not start:\n${out}`);
    await sleep(50);
  }
}

async function stopChild(child: Child): Promise<void> {
  if (child.process.exitCode !== null) return;
  const exited = new Promise((resolve) => child.process.once('exit', resolve));
  child.process.kill('SIGTERM');
  const timer = setTimeout(() => child.process.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** CPU seconds (user + system) `pid` has used; NaN where there is no /proc. */
function cpuSecondsOf(pid: number): number {
  try {
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return Number.NaN;
  }
}

/** Resident and peak resident memory of `pid` in MB. */
function memoryOf(pid: number): { rssMb: number; hwmMb: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
    return { rssMb: kb('VmRSS') / 1024, hwmMb: kb('VmHWM') / 1024 };
  } catch {
    const rssMb =
      Number(
        execFileSync('ps', ['-o', 'rss=', '-p', String(pid)])
          .toString()
          .trim(),
      ) / 1024;
    return { rssMb, hwmMb: rssMb };
  }
}

function send(slack: SlackRequests, kind: Kind, user: string): Promise<SlackReply> {
  switch (kind) {
    case '/mock help':
      return slack.command(user, '/mock', 'help');
    case '/mock status':
      return slack.command(user, '/mock', 'status');
    case 'hint button':
      return slack.blockAction(user, { actionId: DAILY_QUESTION_ACTIONS.hint, value: randomUUID() });
  }
}

async function timed(slack: SlackRequests, kind: Kind, user: string): Promise<Sample> {
  const start = performance.now();
  try {
    const reply = await send(slack, kind, user);
    const ms = performance.now() - start;
    return { kind, ms, ok: reply.status === 200 && ms < SLACK_TIMEOUT_MS };
  } catch {
    return { kind, ms: performance.now() - start, ok: false };
  }
}

/** Open loop: request i leaves at start + i/rate, never waiting for earlier answers. */
async function drive(
  slack: SlackRequests,
  seconds: number,
): Promise<{ samples: Sample[]; sentSeconds: number }> {
  const total = Math.round(options.rate * seconds);
  const start = performance.now();
  const pending: Promise<Sample>[] = [];
  for (let index = 0; index < total; index++) {
    const wait = start + (index * 1000) / options.rate - performance.now();
    if (wait > 0) await sleep(wait);
    pending.push(timed(slack, KINDS[index % KINDS.length]!, USERS[index % USERS.length]!));
  }
  const sentSeconds = (performance.now() - start) / 1000;
  return { samples: await Promise.all(pending), sentSeconds };
}

/** One app under test: its process, a client that signs for it, and what was measured so far. */
class Contender {
  readonly samples: Sample[] = [];
  private readonly slack: SlackRequests;
  private sentSeconds = 0;
  private loadedSeconds = 0;
  private cpuSeconds = 0;
  private peakRssUnderLoadMb = 0;
  private responses = 0;

  constructor(
    readonly name: string,
    private readonly child: Child,
    private readonly fake: FakeSlack,
    private readonly countErrors: (output: string) => number,
  ) {
    this.slack = new SlackRequests({
      url: `http://127.0.0.1:${child.port}/slack/events`,
      signingSecret: SIGNING_SECRET,
      teamId: TEAM_ID,
      fake,
    });
  }

  async warmUp(): Promise<void> {
    if (options.warmup > 0) await drive(this.slack, options.warmup);
    await sleep(SLICE_GAP_MS);
  }

  /** One slice of the measured load. */
  async drive(seconds: number): Promise<void> {
    const pid = this.child.process.pid!;
    const cpuBefore = cpuSecondsOf(pid);
    const responsesBefore = this.fake.responses.length;
    const from = performance.now();
    const sampler = setInterval(() => {
      this.peakRssUnderLoadMb = Math.max(this.peakRssUnderLoadMb, memoryOf(pid).rssMb);
    }, 100);
    const { samples, sentSeconds } = await drive(this.slack, seconds);
    clearInterval(sampler);
    // The work behind the last acknowledgements is done before the other app's turn.
    await sleep(SLICE_GAP_MS);
    this.samples.push(...samples);
    this.sentSeconds += sentSeconds;
    this.loadedSeconds += (performance.now() - from) / 1000;
    this.cpuSeconds += cpuSecondsOf(pid) - cpuBefore;
    this.responses += this.fake.responses.length - responsesBefore;
  }

  async finish(): Promise<Result> {
    const result: Result = {
      name: this.name,
      samples: this.samples,
      achievedRate: this.samples.length / this.sentSeconds,
      errorsLogged: this.countErrors(this.child.output()),
      peakRssUnderLoadMb: this.peakRssUnderLoadMb,
      peakRssMb: Math.max(this.peakRssUnderLoadMb, memoryOf(this.child.process.pid!).hwmMb),
      cpuPercent: (100 * this.cpuSeconds) / this.loadedSeconds,
      answeredThroughResponseUrl: this.responses,
    };
    await stopChild(this.child);
    if (process.env.BENCH_LOG_DIR) {
      writeFileSync(`${process.env.BENCH_LOG_DIR}/${this.name.replace(' ', '-')}.log`, this.child.output());
    }
    return result;
  }
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? Number.NaN;
const latencies = (samples: Sample[]) => samples.map((sample) => sample.ms).sort((a, b) => a - b);
const pad = (value: string | number, width: number) => String(value).padStart(width);
const fixed = (value: number, digits = 1) => value.toFixed(digits);

const HEADER = [
  ['app', -12],
  ['requests', 8],
  ['rate/s', 6],
  ['failed', 6],
  ['errors', 6],
  ['p50 ms', 7],
  ['p99 ms', 7],
  ['max ms', 8],
  ['CPU %', 6],
  ['RSS load MB', 11],
  ['peak RSS MB', 11],
  ['response_url', 12],
] as const;

function line(cells: Array<string | number>): string {
  return cells
    .map((cell, index) => {
      const width = HEADER[index]![1];
      return width < 0 ? String(cell).padEnd(-width) : pad(cell, width);
    })
    .join(' ');
}

function row(result: Result): string {
  const sorted = latencies(result.samples);
  return line([
    result.name,
    result.samples.length,
    fixed(result.achievedRate),
    result.samples.filter((sample) => !sample.ok).length,
    result.errorsLogged,
    fixed(percentile(sorted, 0.5), 2),
    fixed(percentile(sorted, 0.99), 2),
    fixed(sorted.at(-1) ?? Number.NaN, 2),
    fixed(result.cpuPercent, 0),
    fixed(result.peakRssUnderLoadMb),
    fixed(result.peakRssMb),
    result.answeredThroughResponseUrl,
  ]);
}

async function main(): Promise<void> {
  const [fake, database] = await Promise.all([
    FakeSlack.start({ teamId: TEAM_ID, botToken: BOT_TOKEN }),
    createTestDatabase(),
  ]);
  const queuePrefix = `mbbench-ack-${randomUUID().slice(0, 8)}`;
  for (const user of USERS) fake.setUser(user, { tz: 'Europe/London' });
  const env = {
    ...PRODUCTION_SETTINGS,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_API_URL: fake.apiUrl,
  };
  const loadBefore = loadavg()[0]!;
  try {
    console.log(
      `Mockingbird acknowledgement benchmark — ${options.rate} requests/s for ${options.seconds} s after ${options.warmup} s of warm-up, ` +
        `Node ${process.version}, ${availableParallelism()} cores, both apps with ${Object.entries(
          PRODUCTION_SETTINGS,
        )
          .map(([name, value]) => `${name}=${value}`)
          .join(' ')}; ${KINDS.join(', ')} in turn, from ${USERS.length} members\n`,
    );
    const contenders = [
      new Contender(
        'bare Bolt',
        await startChild(['bench/bare-bolt-app.ts'], env, (text) =>
          portIn(text, z.object({ port: z.number() })),
        ),
        fake,
        (output) => output.split('\n').filter((each) => each.includes('[ERROR]')).length,
      ),
      new Contender(
        'Mockingbird',
        await startChild(
          ['src/main.ts', '--role=web'],
          {
            ...env,
            DATABASE_URL: database.url,
            REDIS_URL,
            QUEUE_PREFIX: queuePrefix,
            PORT: '0',
            LOG_LEVEL: 'info',
          },
          (text) => portIn(text, z.object({ msg: z.literal('Mockingbird is running'), port: z.number() })),
        ),
        fake,
        (output) => output.split('\n').filter((each) => /"level":"(error|fatal)"/.test(each)).length,
      ),
    ];
    for (const contender of contenders) await contender.warmUp();
    const slices = Math.max(1, Math.round(options.seconds / SLICE_SECONDS));
    for (let slice = 0; slice < slices; slice++) {
      for (const contender of contenders) await contender.drive(options.seconds / slices);
    }
    const [bare, app] = [await contenders[0]!.finish(), await contenders[1]!.finish()];
    const loadAfter = loadavg()[0]!;

    console.log(line(HEADER.map(([title]) => title)));
    console.log(row(bare));
    console.log(row(app));
    const [appSorted, bareSorted] = [latencies(app.samples), latencies(bare.samples)];
    const ratio = (mine: number, theirs: number) => `${fixed(mine / theirs, 2)}x`;
    console.log(
      line([
        'ratio',
        '',
        '',
        '',
        '',
        ratio(percentile(appSorted, 0.5), percentile(bareSorted, 0.5)),
        ratio(percentile(appSorted, 0.99), percentile(bareSorted, 0.99)),
        ratio(appSorted.at(-1)!, bareSorted.at(-1)!),
        ratio(app.cpuPercent, bare.cpuPercent),
        ratio(app.peakRssUnderLoadMb, bare.peakRssUnderLoadMb),
        ratio(app.peakRssMb, bare.peakRssMb),
        '',
      ]),
    );
    console.log('\np99 by request kind (ms):');
    for (const kind of KINDS) {
      const of = (result: Result) =>
        fixed(percentile(latencies(result.samples.filter((each) => each.kind === kind)), 0.99), 2);
      console.log(`  ${kind.padEnd(14)} bare Bolt ${pad(of(bare), 7)}   Mockingbird ${pad(of(app), 7)}`);
    }
    console.log(
      `\nmachine load average (1 min): ${fixed(loadBefore, 2)} before, ${fixed(loadAfter, 2)} after, on ${availableParallelism()} cores` +
        (Math.max(loadBefore, loadAfter) > availableParallelism()
          ? ' — other processes competed for the CPU, so these latencies overstate both apps'
          : ''),
    );

    const appP99 = percentile(appSorted, 0.99);
    const bareP99 = percentile(bareSorted, 0.99);
    const failed = app.samples.filter((sample) => !sample.ok).length;
    const checks: Array<[boolean, string]> = [
      [appP99 < 50, `p99 acknowledgement under 50 ms: ${fixed(appP99, 2)} ms`],
      [
        appP99 <= 1.5 * bareP99,
        `within 1.5x of bare Bolt at p99: ${fixed(appP99, 2)} vs ${fixed(bareP99, 2)} ms (${ratio(appP99, bareP99)})`,
      ],
      [
        failed === 0 && app.errorsLogged === 0,
        `no errors: ${failed} failed requests, ${app.errorsLogged} errors logged`,
      ],
      [
        app.peakRssMb < 300,
        `app under 300 MB: peak RSS ${fixed(app.peakRssMb)} MB (${fixed(app.peakRssUnderLoadMb)} MB under load)`,
      ],
    ];
    console.log('');
    for (const [ok, text] of checks) console.log(`${ok ? 'PASS' : 'FAIL'}  ${text}`);
    if (checks.some(([ok]) => !ok)) process.exitCode = 1;
  } finally {
    await fake.close();
    await database.drop();
    await deleteKeys(queuePrefix);
  }
}

/** The port a child announces in a JSON line of its output. */
function portIn(text: string, shape: z.ZodType<{ port: number }>): number | undefined {
  for (const each of text.split('\n')) {
    const parsed = shape.safeParse(safeJson(each));
    if (parsed.success) return parsed.data.port;
  }
  return undefined;
}

function safeJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}

async function deleteKeys(prefix: string): Promise<void> {
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) await redis.unlink(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

await main();
