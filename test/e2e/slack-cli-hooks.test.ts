import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { manifestSchemaErrors } from '../harness/slack-manifest-schema.ts';
import { SlackRequests } from '../harness/slack-requests.ts';
import { createTestWorld, TEST_BOT_TOKEN, TEST_TEAM_ID, type TestWorld } from '../harness/test-world.ts';

/**
 * A Slack developer creates, installs and runs Mockingbird with the Slack CLI (`slack run`). The
 * CLI reads .slack/hooks.json, runs its get-hooks command and lays hooks.json over the answer;
 * then it runs get-manifest to create and install the app, and start with the app's tokens in
 * the environment, expecting the app to open its own Socket Mode connection. Each hook runs here
 * as the CLI runs it: from the project's root, through `$SHELL -c`, with the flags and environment
 * the CLI adds (slackapi/slack-cli: internal/shared/clients.go InitSDKConfigFromJSON,
 * internal/hooks/hook_executor_v2.go, internal/app/manifest.go GetManifestLocal,
 * internal/pkg/platform/localserver.go StartDelegate).
 */

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const SHELL = process.env.SHELL || 'sh';
/** What any hook inherits from a developer's shell, besides what the CLI adds. */
const BASE_ENV = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' };

interface HooksFile {
  hooks: Record<string, string>;
  config?: Record<string, unknown>;
}

interface SdkConfig {
  runtime?: string;
  hooks: Record<string, string>;
  config: {
    'protocol-version'?: string[];
    'sdk-managed-connection-enabled'?: boolean;
    watch?: {
      manifest?: { paths: string[]; 'filter-regex'?: string };
      app?: { paths: string[]; 'filter-regex'?: string };
    };
  };
}

function runHook(
  command: string,
  args: string[] = [],
  env: Record<string, string> = BASE_ENV,
): { child: ChildProcess; stdout(): string; stderr(): string; exited: Promise<number | null> } {
  // The CLI joins the hook and its flags into one script for the shell.
  // Its own process group, as a terminal's foreground job is: Ctrl+C reaches every process in it.
  const child = spawn(SHELL, ['-c', [command, ...args].join(' ')], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    err += chunk.toString();
  });
  const exited = once(child, 'close').then(([code]) => code as number | null);
  return { child, stdout: () => out, stderr: () => err, exited };
}

async function hookOutput(command: string, args: string[] = []): Promise<string> {
  const hook = runHook(command, args);
  const code = await hook.exited;
  if (code !== 0) throw new Error(`\`${command}\` exited ${code}:\n${hook.stderr()}`);
  return hook.stdout();
}

/** Go's JSON decoding onto the defaults: objects merge key by key, anything else is replaced. */
function layOver(defaults: unknown, project: unknown): unknown {
  const isObject = (value: unknown): value is Record<string, unknown> =>
    typeof value === 'object' && value !== null && !Array.isArray(value);
  if (!isObject(defaults) || !isObject(project)) return project;
  const merged: Record<string, unknown> = { ...defaults };
  for (const [key, value] of Object.entries(project)) merged[key] = layOver(defaults[key], value);
  return merged;
}

const hooksFile = JSON.parse(readFileSync(join(repoRoot, '.slack/hooks.json'), 'utf8')) as HooksFile;
const manifestYml = parse(readFileSync(join(repoRoot, 'manifest.yml'), 'utf8')) as unknown;

let sdkConfig: SdkConfig;

beforeAll(async () => {
  // get-hooks always runs under the default protocol, without flags: its stdout is the answer.
  const answer = JSON.parse(await hookOutput(hooksFile.hooks['get-hooks']!)) as unknown;
  sdkConfig = layOver(answer, hooksFile) as SdkConfig;
});

describe('.slack/hooks.json, as the Slack CLI resolves it', () => {
  it("keeps @slack/cli-hooks for discovery and Slack's own checks, and uses ours for the manifest and the start", () => {
    expect(sdkConfig.runtime).toBe('node');
    expect(sdkConfig.hooks.doctor).toContain('slack-cli-doctor');
    expect(sdkConfig.hooks['check-update']).toContain('slack-cli-check-update');
    expect(sdkConfig.hooks['get-manifest']).toBe(hooksFile.hooks['get-manifest']);
    expect(sdkConfig.hooks.start).toBe(hooksFile.hooks.start);
  });

  it('lets the app hold its own Socket Mode connection, and answers between message boundaries', () => {
    expect(sdkConfig.config['sdk-managed-connection-enabled']).toBe(true);
    expect(sdkConfig.config['protocol-version']?.[0]).toBe('message-boundaries');
  });

  it('watches manifest.yml and the TypeScript, content and migrations the app runs, not node_modules', () => {
    const { manifest, app } = sdkConfig.config.watch ?? {};
    expect(manifest?.paths).toEqual(['manifest.yml']);
    for (const path of [...(manifest?.paths ?? []), ...(app?.paths ?? [])]) {
      expect(existsSync(join(repoRoot, path)), `${path} exists`).toBe(true);
    }
    expect(app?.paths).not.toContain('.');
    const restartsFor = new RegExp(app?.['filter-regex'] ?? '(?!)');
    expect(
      ['src/main.ts', 'content/questions/x.yaml', 'prisma/migrations/x/migration.sql'].every((file) =>
        restartsFor.test(file),
      ),
    ).toBe(true);
  });
});

describe('the get-manifest hook', () => {
  it("prints manifest.yml between the CLI's boundaries, as a manifest Slack's schema accepts", async () => {
    const boundary = 'b4c8e1f0a9d2';
    const stdout = await hookOutput(sdkConfig.hooks['get-manifest']!, [
      `--source=${repoRoot}`,
      '--protocol=message-boundaries',
      `--boundary=${boundary}`,
    ]);

    const answer = stdout.split(boundary)[1] ?? '';
    const manifest = JSON.parse(answer) as unknown;
    expect(manifest).toEqual(manifestYml);
    expect(manifestSchemaErrors(manifest)).toEqual([]);
  });

  it('prints nothing but the JSON under the default protocol', async () => {
    const stdout = await hookOutput(sdkConfig.hooks['get-manifest']!, [`--source=${repoRoot}`]);

    expect(JSON.parse(stdout)).toEqual(manifestYml);
  });
});

describe('the start hook, with the tokens `slack run` provides', () => {
  const APP_TOKEN = 'xapp-slack-cli-run';
  let world: TestWorld;
  let start: ReturnType<typeof runHook>;

  beforeAll(async () => {
    world = await createTestWorld();
    world.fake.addToken(APP_TOKEN, { kind: 'app' });
    // A short grace on shutdown, as tests may set: a restart must not wait out the production 25 s.
    const { SLACK_SIGNING_SECRET: _notFromTheCli, ...storage } = world.env({
      LOG_LEVEL: 'info',
      SHUTDOWN_TIMEOUT_MS: '5000',
    });
    start = runHook(sdkConfig.hooks.start!, [], {
      ...BASE_ENV,
      // Only the stand-in's address and this test's own database, Redis prefix and port come from
      // the test; the rest is what the CLI sets. A developer's .env stays out of it.
      ...storage,
      MOCKINGBIRD_ENV_FILE: '/nonexistent/.env',
      SLACK_CLI_XAPP: APP_TOKEN,
      SLACK_CLI_XOXB: TEST_BOT_TOKEN,
      SLACK_APP_TOKEN: APP_TOKEN,
      SLACK_BOT_TOKEN: TEST_BOT_TOKEN,
    });
    await Promise.race([
      world.fake.socketConnected(60_000),
      start.exited.then((code) => {
        throw new Error(`the start hook exited ${code}:\n${start.stderr()}\n${start.stdout()}`);
      }),
    ]);
  }, 90_000);

  afterAll(async () => {
    // Whatever of the hook's group is still running (the shell may be gone and node not).
    try {
      if (start?.child.pid) process.kill(-start.child.pid, 'SIGKILL');
    } catch {
      // ESRCH: the whole group has ended.
    }
    await world?.close();
  });

  it('connects over Socket Mode with the app-level token, no signing secret needed', () => {
    expect(world.fake.callsTo('apps.connections.open')[0]?.token).toBe(APP_TOKEN);
  });

  it('answers /mock help over the socket', async () => {
    const slack = new SlackRequests({
      url: 'http://127.0.0.1:9/unused',
      signingSecret: 'unused-over-socket-mode',
      teamId: TEST_TEAM_ID,
      fake: world.fake,
    });
    const ack = await world.fake.sendEnvelope(
      'slash_commands',
      slack.commandPayload('U0CLI', '/mock', 'help'),
    );
    expect(ack.payload).toMatchObject({ response_type: 'ephemeral' });
  });

  it("ends on a developer's Ctrl+C, having written only JSON log lines", async () => {
    // The socket opens before start-up ends: wait for the end, as a developer would.
    await expect.poll(() => start.stdout(), { timeout: 45_000 }).toContain('"msg":"Mockingbird is running"');
    // A developer's Ctrl+C: the terminal sends SIGINT to the whole foreground group, the CLI and
    // the shell it runs the hook in (whether that shell waits for node, as dash does, or became
    // node, as bash does) and the app.
    process.kill(-start.child.pid!, 'SIGINT');
    const gaveUp = new AbortController();
    const stopped = await Promise.race([
      start.exited.then(() => true),
      delay(30_000, false, { signal: gaveUp.signal }),
    ]);
    gaveUp.abort();
    expect(stopped, `still running 30 s after SIGINT; its last lines:\n${lastLines(start.stdout())}`).toBe(
      true,
    );
    expect(start.stdout(), lastLines(start.stdout())).toContain('"msg":"stopped cleanly"');
    const notJson = start
      .stdout()
      .split('\n')
      .filter((line) => line.trim() !== '')
      .filter((line) => {
        try {
          JSON.parse(line);
          return false;
        } catch {
          return true;
        }
      });
    expect(notJson).toEqual([]);
  }, 90_000);
});

function lastLines(output: string): string {
  return output.trim().split('\n').slice(-8).join('\n');
}
