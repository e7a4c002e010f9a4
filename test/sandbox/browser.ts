import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

/**
 * A real headless browser for the sandbox's tests: Debian's `chromium` package (installed by
 * .ci/run) driven by playwright-core. Without the binary the tests skip on a developer's machine
 * and fail in CI, where it must be there.
 */

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
/** Skip only where a developer has no chromium; CI (CI=true) always runs, and fails without it. */
export const skipBrowser = !hasChromium && !process.env.CI;

/** A browser with a fresh profile of its own (a new --user-data-dir), as a first visit has. */
export async function launchBrowser(viewport = { width: 1360, height: 860 }): Promise<BrowserContext> {
  return chromium.launchPersistentContext(mkdtempSync(path.join(tmpdir(), 'mockingbird-chromium-')), {
    executablePath: CHROMIUM,
    viewport,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Fails the test on any script error in the page, with the message. */
export function watchForErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}
