import { WebClient } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageParts } from '../../src/sandbox/page/render-page.ts';
import type { Sandbox } from '../../src/sandbox/sandbox.ts';
import { SHORTCUTS } from '../../src/slack/shortcuts/shortcut-ids.ts';
import { type SandboxPage, startSandboxPage } from './sandbox-page.ts';

/**
 * Two things members do in real Slack, seen through the sandbox's page server (no browser): the
 * app's shortcuts (the composer's ⚡ menu and a message's "More actions") reach the real app as
 * signed payloads and the modal it opens shows as the member's; an image the app shares shows as
 * the image, its bytes served by the page, while the .ics invite stays a card.
 */

const ANA = 'U0ANA';
const LUKAS = 'U0LUKAS';
const GENERAL = 'C0GENERAL';
// A 1×1 PNG: what the stats job shares is a PNG, and the page must not care how big.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

let sandbox: Sandbox;
let base: string;
let running: SandboxPage | undefined;

beforeAll(async () => {
  running = await startSandboxPage();
  ({ sandbox, base } = running);
}, 60_000);

afterAll(async () => {
  await running?.stop();
}, 30_000);

async function post(path: string, body: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(new URL(path, base), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

async function parts(as: string, open: string): Promise<PageParts> {
  const response = await fetch(new URL(`/parts?as=${as}&c=${open}`, base));
  return (await response.json()) as PageParts;
}

/** The view on top of the member's modal stack, once the app has opened one. */
async function topModal(userId: string): Promise<Record<string, unknown> | undefined> {
  const { surfaces, slack } = sandbox.community;
  const top = surfaces.modalStack(userId).at(-1);
  return top ? slack.view(top) : undefined;
}

describe('shortcuts', () => {
  it('the composer offers the global shortcut by its manifest name; pressing it opens the request modal', async () => {
    const page = await parts(ANA, GENERAL);
    expect(page.main).toContain('aria-label="Shortcuts"');
    expect(page.main).toContain(`data-callback-id="${SHORTCUTS.findPartner}"`);
    expect(page.main).toContain('Find a practice partner');

    const opened = sandbox.community.slack.callsTo('views.open').length;
    const sent = await post('/api/shortcut', { as: ANA, kind: 'global', callbackId: SHORTCUTS.findPartner });
    expect(sent).toEqual({ status: 200, json: { status: 200 } });

    await expect.poll(async () => (await topModal(ANA))?.callback_id).toBe('partner-request');
    expect(sandbox.community.slack.callsTo('views.open')).toHaveLength(opened + 1);
    expect((await parts(ANA, GENERAL)).modal).toContain('Find a practice partner');
  });

  it('"More actions" on a message offers the message shortcut; the modal opens with that message as the note', async () => {
    const question = sandbox.community.slack.postAsApp(GENERAL, {
      text: 'How would you measure the success of a new checkout flow?',
    });
    const page = await parts(LUKAS, GENERAL);
    const message = page.main.slice(page.main.indexOf(`data-ts="${question.ts}"`));
    expect(message).toContain('aria-label="More actions"');
    expect(message).toContain(`data-callback-id="${SHORTCUTS.practiseQuestion}"`);

    const sent = await post('/api/shortcut', {
      as: LUKAS,
      kind: 'message',
      callbackId: SHORTCUTS.practiseQuestion,
      channel: GENERAL,
      ts: question.ts,
    });
    expect(sent.json).toEqual({ status: 200 });

    await expect.poll(async () => (await topModal(LUKAS))?.callback_id).toBe('partner-request');
    expect(JSON.stringify((await topModal(LUKAS))?.blocks)).toContain(
      'How would you measure the success of a new checkout flow?',
    );
  });

  it('a shortcut the manifest does not declare as global never reaches the app, as in Slack', async () => {
    const olivia = 'U0OLIVIA';
    const opened = sandbox.community.slack.callsTo('views.open').length;
    const sent = await post('/api/shortcut', {
      as: olivia,
      kind: 'global',
      callbackId: SHORTCUTS.practiseQuestion,
    });
    expect(sent.json).toEqual({ status: 404 });
    expect(sandbox.community.slack.callsTo('views.open')).toHaveLength(opened);
    expect(sandbox.community.surfaces.modalStack(olivia)).toEqual([]);
  });
});

describe('shared images', () => {
  it('an uploaded PNG shows as an image with its alt text, served as image/png; the .ics invite stays a card', async () => {
    const { slack } = sandbox.community;
    const dm = slack.openConversation([ANA]);
    const client = new WebClient(slack.botToken, { slackApiUrl: slack.apiUrl });
    await client.filesUploadV2({
      channel_id: dm,
      file: PNG,
      filename: 'ratings-trend.png',
      title: 'Your ratings over time',
      alt_text: 'A line chart: your average rating rose from 2.5 to 3.5 over four sessions.',
    });
    await client.filesUploadV2({
      channel_id: dm,
      content: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n',
      filename: 'mock-interview.ics',
      title: 'Mock interview',
    });
    const image = slack.uploads.find((upload) => upload.filename === 'ratings-trend.png')!;
    const invite = slack.uploads.find((upload) => upload.filename === 'mock-interview.ics')!;

    const page = await parts(ANA, dm);
    expect(page.main).toContain(
      `<img src="/files/${image.fileId}" alt="A line chart: your average rating rose from 2.5 to 3.5 over four sessions."`,
    );
    expect(page.main).toContain('mock-interview.ics');
    expect(page.main).not.toContain(`/files/${invite.fileId}`);

    const served = await fetch(new URL(`/files/${image.fileId}`, base));
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await served.arrayBuffer()).equals(PNG)).toBe(true);
    expect((await fetch(new URL(`/files/${invite.fileId}`, base))).status).toBe(404);
  });
});
