import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DateTime } from 'luxon';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, skipBrowser, watchForErrors } from './browser.ts';
import { type SandboxPage, startSandboxPage } from './sandbox-page.ts';

/**
 * The sandbox as a newcomer uses it, in a real headless browser: Ana opens the request form from
 * the composer's shortcut menu, then asks for a partner through it (bare /mock), Lukas with the
 * quick path; they are matched in a group DM and both confirm; "skip to the next thing" runs the
 * reminders and the session's end; both give feedback through the rubric's modal and see it
 * revealed; Maya, the organizer, moves the daily question (its timezone found through the options
 * endpoint) and it is posted when its time comes, with "Practise this question" in its "More
 * actions"; Ana's Home tab shows her trend. Screenshots go to .ci/out/sandbox (docs/sandbox with
 * UPDATE_SCREENSHOTS=1).
 */

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SHOTS = process.env.UPDATE_SCREENSHOTS
  ? path.join(ROOT, 'docs/sandbox')
  : path.join(ROOT, '.ci/out/sandbox');

const ANA = 'U0ANA';
const LUKAS = 'U0LUKAS';
const MAYA = 'U0MAYA';

let base: string;
let running: SandboxPage | undefined;
let browser: BrowserContext;
let page: Page;
let errors: string[];

describe.skipIf(skipBrowser)('the sandbox in a browser', () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    running = await startSandboxPage();
    base = running.base;
    // Ana and Lukas type windows that overlap in the evening, Berlin time. Asked while both are
    // in them, they would be a "now" pair, on from the start with no time to agree; the journey
    // walks the agreeing, so it starts at 6 a.m. in Berlin, whatever the hour the test runs.
    const { clock } = running.sandbox.community;
    clock.advanceTo(nextSixInTheMorning(clock.nowMs(), 'Europe/Berlin'));
    browser = await launchBrowser();
    page = await browser.newPage();
    errors = watchForErrors(page);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await running?.stop();
  }, 30_000);

  it('two members are matched, confirm, meet, give feedback and see it; the organizer moves the daily question', async () => {
    // ---- The composer's ⚡ lists the app's global shortcut; it opens the same form as bare /mock.
    await visit(ANA, 'dm');
    await page.locator('#composer button[aria-label="Shortcuts"]').click();
    await page.locator('.shortcut-item', { hasText: 'Find a practice partner' }).click();
    await page.locator('#modal form.modal').getByText('Find a practice partner').waitFor();
    await closeModal();

    // ---- Ana asks through the request form (bare /mock), with her own times typed in.
    await command('/mock');
    const form = page.locator('#modal form.modal');
    await form.getByText('Find a practice partner').waitFor();
    const execution = form.locator('.bk-chip', { hasText: 'Execution' }).locator('input');
    if (!(await execution.isChecked())) await form.locator('.bk-chip', { hasText: 'Execution' }).click();
    // A time the app cannot read comes back as response_action: errors, shown under the field.
    const otherTimes = form.locator('.bk-block[data-block-id="other-times"]');
    await otherTimes.locator('input').fill('whenever suits');
    await form.locator('button[type="submit"]').click();
    await otherTimes.locator('.bk-error:not([hidden])').waitFor();
    await otherTimes.locator('input').fill('daily 17-22');
    await form.locator('button[type="submit"]').click();
    await form.getByText('You are in the pool', { exact: false }).first().waitFor();
    await closeModal();

    // ---- Lukas asks with the quick path and they are matched in a group DM.
    await visit(LUKAS, 'dm');
    await command('/mock execution senior both daily 18-23');
    await page.locator('a.conv', { hasText: 'Ana' }).waitFor({ timeout: 15_000 });
    await page.locator('a.conv', { hasText: 'Ana' }).click();
    await page.getByText('you are matched for an', { exact: false }).waitFor();
    await page.locator('.bk-button', { hasText: /^Confirm$/ }).click();

    await visit(ANA, 'dm');
    await page.locator('a.conv', { hasText: 'Lukas' }).click();
    await page.locator('.bk-button', { hasText: /^Confirm$/ }).click();
    // The intro's update and the "It is on" notice may both be there already: either will do.
    await page.getByText('It is on:', { exact: false }).first().waitFor();
    await page.locator('.file', { hasText: '.ics' }).first().waitFor({ timeout: 10_000 });
    const clockBefore = await page.locator('.clock strong').textContent();
    await shot('matched.png');

    // ---- Skip ahead: the reminder (or the start), then "how did it go?" at the end.
    await skipUntil(() => page.getByText('how did your', { exact: false }).count());
    expect(await page.locator('.clock strong').textContent()).not.toBe(clockBefore);
    await expect.poll(() => page.locator('.clock .ahead').count()).toBe(1);

    // ---- Both give feedback on the rubric.
    await giveFeedback();
    await screenshotModalLater();
    await visit(LUKAS, 'dm');
    await page.locator('a.conv', { hasText: 'Ana' }).click();
    await giveFeedback();

    // ---- Both written: each sees the other's feedback in the app's DM.
    await visit(ANA, 'dm');
    await page.getByText('Feedback on your Execution mock').first().waitFor({ timeout: 15_000 });

    // ---- Maya, the organizer, moves the daily question to 10:30 London time.
    await visit(MAYA, 'dm');
    await command('/mock admin daily');
    const daily = page.locator('#modal form.modal');
    await daily.getByText('Each chosen day Mockingbird posts', { exact: false }).waitFor();
    await daily.locator('input[type="time"]').fill('10:30');
    const zone = daily.locator('.bk-external input');
    await zone.fill('Lond');
    await daily.locator('.bk-suggest button', { hasText: 'London' }).first().click();
    await daily.locator('button[type="submit"]').click();
    await daily.getByText('Saved: the daily question is on.', { exact: false }).waitFor();
    await daily.getByText('10:30 Europe/London', { exact: false }).waitFor();
    await closeModal();

    await visit(ANA, 'C0PRACTICE');
    await skipUntil(() => page.getByText('Question of the day').count(), 12);
    await page.locator('.bk-button', { hasText: 'Hint' }).first().click();
    await page.locator('.msg.ephemeral').first().waitFor();
    // "More actions" on the daily post: "Practise this question" opens the form for that question.
    const dailyPost = page.locator('.msg', { hasText: 'Question of the day' }).first();
    await dailyPost.hover();
    await dailyPost.locator('button[aria-label="More actions"]').click();
    await dailyPost.locator('.shortcut-item', { hasText: 'Practise this question' }).click();
    await page.locator('#modal form.modal').getByText('Find a practice partner').waitFor();
    await closeModal();

    // ---- Ana's Home tab: her ratings, and where they are heading.
    await visit(ANA, 'home');
    await page.getByText('Your progress').waitFor({ timeout: 10_000 });
    expect(await page.locator('.home').textContent()).toContain('↗');
    await shot('home.png');

    // ---- Slack can be made to fail on purpose, and healed.
    await page.selectOption('select[data-command="fault"]', '503');
    await page.locator('.fault-on').waitFor();
    await page.locator('.fault-on button').click();
    await expect.poll(() => page.locator('.fault-on').count()).toBe(0);

    // ---- Reset: a fresh community, without the pair's group DM.
    await page.locator('a.conv', { hasText: 'Lukas' }).click();
    await page.waitForURL(/c=G/);
    page.once('dialog', (dialog) => void dialog.accept());
    await page.locator('button.reset').click();
    await page.waitForURL(/c=home/);
    await page.getByText('Your progress').waitFor({ timeout: 20_000 });
    expect(await page.locator('a.conv', { hasText: 'Lukas' }).count()).toBe(0);

    expect(errors).toEqual([]);
  }, 120_000);
});

let pendingModalShot: string | undefined;

/** A screenshot without a hover highlight or a passing notice in it. */
async function shot(file: string): Promise<void> {
  await page.mouse.move(140, 600);
  await expect.poll(() => page.locator('.toast').count(), { timeout: 6_000 }).toBe(0);
  await page.screenshot({ path: path.isAbsolute(file) ? file : path.join(SHOTS, file) });
}

async function visit(userId: string, open: string): Promise<void> {
  await page.goto(`${base}?as=${userId}&c=${open}`);
  await page.locator('#top .clock').waitFor();
}

async function command(text: string): Promise<void> {
  await page.locator('#composer input').fill(text);
  await page.locator('#composer input').press('Enter');
}

async function closeModal(): Promise<void> {
  const close = page.locator('#modal [data-command="close-all"]');
  if (await close.count()) await close.click();
  await expect.poll(() => page.locator('#modal form.modal').count()).toBe(0);
}

/** Presses "skip to the next thing" until `found` sees what it waits for. */
async function skipUntil(found: () => Promise<number>, maxSkips = 10): Promise<void> {
  for (let skips = 0; skips <= maxSkips; skips += 1) {
    const deadline = Date.now() + 4_000;
    while (Date.now() < deadline) {
      if ((await found()) > 0) return;
      await page.waitForTimeout(150);
    }
    const skipped = page.waitForResponse((response) => response.url().endsWith('/api/skip'));
    await page.locator('button.skip').click();
    await skipped;
  }
  throw new Error('skipped ahead without seeing it happen');
}

/** "Give feedback" in the open group DM, and the rubric's form filled in. */
async function giveFeedback(): Promise<void> {
  await page.locator('.bk-button', { hasText: 'Give feedback' }).last().click();
  const form = page.locator('#modal form.modal');
  await form.getByText('Their interview').waitFor();
  for (const group of await form.locator('.bk-block.bk-input .bk-choices').all()) {
    if ((await group.locator('input:checked').count()) > 0) continue;
    const radios = group.locator('input[type="radio"]');
    await radios.nth(Math.min(2, (await radios.count()) - 1)).check();
  }
  for (const select of await form.locator('.bk-block.bk-input select.bk-select').all()) {
    await select.selectOption({ index: 3 });
  }
  for (const block of await form.locator('.bk-block.bk-input').all()) {
    const text = block.locator('textarea');
    if ((await text.count()) && !(await block.locator('.bk-optional').count())) {
      await text.fill('Clear structure, and calm under follow-ups; say the metric out loud earlier.');
    }
  }
  pendingModalShot ??= path.join(SHOTS, 'feedback.png');
  if (pendingModalShot) {
    await form.locator('.modal-body').evaluate((body) => body.scrollTo(0, 0));
    await shot(pendingModalShot);
  }
  await form.locator('button[type="submit"]').click();
  await expect
    .poll(async () => (await form.count()) === 0 || (await form.getByText('Their interview').count()) === 0)
    .toBe(true);
  if (await form.count()) await closeModal();
}

async function screenshotModalLater(): Promise<void> {
  // The first feedback form was photographed while it was filled in; later ones need not be.
  pendingModalShot = '';
}

/** The next 6:00 in `zone` after `nowMs`, as epoch milliseconds. */
function nextSixInTheMorning(nowMs: number, zone: string): number {
  const now = DateTime.fromMillis(nowMs, { zone });
  const today = now.set({ hour: 6, minute: 0, second: 0, millisecond: 0 });
  return (today > now ? today : today.plus({ days: 1 })).toMillis();
}
