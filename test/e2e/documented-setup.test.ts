import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  createTestWorld,
  startTestApp,
  TEST_BOT_TOKEN,
  type TestApp,
  type TestWorld,
} from '../harness/test-world.ts';

/**
 * A newcomer connects a workspace by following README.md's "Create the Slack app" literally: the
 * manifest as shipped, then exactly the settings the README's `.env` block lists. This test reads
 * both files, so a README that forgets a setting the app needs (or a manifest that is not in the
 * mode the README describes) fails here rather than on someone's first try.
 */

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const MARKER = 'test/e2e/documented-setup.test.ts starts the app with exactly the settings in this block.';

/** The KEY=value lines of the first fenced block after the marker comment. */
function documentedSettings(readme: string): Record<string, string> {
  const at = readme.indexOf(MARKER);
  if (at < 0) throw new Error('README.md no longer marks the Socket Mode settings block');
  const block = /```sh\n([\s\S]*?)```/.exec(readme.slice(at))?.[1] ?? '';
  return Object.fromEntries(
    block
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => /^[A-Z_]+=/.test(line))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
}

const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
const manifest = parse(readFileSync(join(repoRoot, 'manifest.yml'), 'utf8')) as {
  settings?: { socket_mode_enabled?: boolean };
};
const settings = documentedSettings(readme);

/** The documented placeholders, swapped for tokens the Slack stand-in knows. */
const APP_TOKEN = 'xapp-documented-setup';
const standInValue: Record<string, string> = { SLACK_BOT_TOKEN: TEST_BOT_TOKEN, SLACK_APP_TOKEN: APP_TOKEN };

describe("README's Socket Mode setup, followed literally", () => {
  let world: TestWorld;
  let app: TestApp;

  beforeAll(async () => {
    world = await createTestWorld();
    world.fake.addToken(APP_TOKEN, { kind: 'app' });
    // Only what the README lists: the harness's HTTP signing secret is taken away, and nothing
    // says SLACK_SOCKET_MODE.
    const env: Record<string, string> = { SLACK_SIGNING_SECRET: '' };
    for (const name of Object.keys(settings)) env[name] = standInValue[name] ?? settings[name]!;
    app = await startTestApp(world, { env });
    await world.fake.socketConnected();
  });

  afterAll(async () => {
    await app?.stop();
    await world?.close();
  });

  it('lists the bot token and the app-level token, and nothing else', () => {
    expect(Object.keys(settings).sort()).toEqual(['SLACK_APP_TOKEN', 'SLACK_BOT_TOKEN']);
  });

  it('ships the manifest in Socket Mode, as the README describes', () => {
    expect(manifest.settings?.socket_mode_enabled).toBe(true);
  });

  it('connects over Socket Mode with the app-level token', () => {
    expect(app.config.slack.socketMode).toBe(true);
    expect(world.fake.callsTo('apps.connections.open')[0]?.token).toBe(APP_TOKEN);
  });

  it("answers the README's first command, /mock help", async () => {
    const ack = await world.fake.sendEnvelope(
      'slash_commands',
      app.slack.commandPayload('U0NEW', '/mock', 'help'),
    );
    expect(ack.payload).toMatchObject({ response_type: 'ephemeral' });
    expect(JSON.stringify(ack.payload?.blocks)).toContain('/mock profile');
  });
});
