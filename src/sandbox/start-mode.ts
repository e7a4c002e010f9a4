/**
 * What `npm start` runs: the real app, or the sandbox (the real app against a local stand-in for
 * Slack, with a page to use it as members would). Decided before the configuration is read, so a
 * newcomer without Slack credentials gets something to look at instead of a list of settings.
 *
 * - `--sandbox` (`npm run sandbox`) asks for the sandbox, whatever else is set; never in production.
 * - Any Slack credential, a `--role=` flag, a single role in MOCKINGBIRD_ROLES or NODE_ENV=production
 *   means the real app, exactly as before (with its list of missing settings if some are missing).
 * - Otherwise (no credentials at all): the sandbox.
 */

export type StartMode =
  | { kind: 'app' }
  | { kind: 'sandbox'; reason: 'asked' | 'no-credentials' }
  | { kind: 'refuse'; message: string };

/** Settings that only a real Slack app has; any of them set means "this is a real install". */
export const SLACK_CREDENTIALS = [
  'SLACK_BOT_TOKEN',
  'SLACK_SIGNING_SECRET',
  'SLACK_APP_TOKEN',
  'SLACK_CLIENT_ID',
  'SLACK_CLIENT_SECRET',
  'SLACK_STATE_SECRET',
] as const;

export const SANDBOX_FLAG = '--sandbox';

export function chooseStartMode(env: Record<string, string | undefined>, argv: readonly string[]): StartMode {
  const production = env.NODE_ENV === 'production';
  if (argv.includes(SANDBOX_FLAG)) {
    return production
      ? {
          kind: 'refuse',
          message:
            'The sandbox is for trying Mockingbird on your own machine; it does not run with NODE_ENV=production. Use `npm start` with Slack credentials instead.',
        }
      : { kind: 'sandbox', reason: 'asked' };
  }
  if (production) return { kind: 'app' };
  if (argv.some((arg) => arg.startsWith('--role='))) return { kind: 'app' };
  // .env.example names both roles; only a split (one role per process) is a deployment's choice.
  const roles = (env.MOCKINGBIRD_ROLES ?? '')
    .split(',')
    .map((role) => role.trim())
    .filter(Boolean);
  if (roles.length > 0 && !(roles.includes('web') && roles.includes('worker'))) return { kind: 'app' };
  const hasCredential = SLACK_CREDENTIALS.some((name) => (env[name] ?? '').trim() !== '');
  return hasCredential ? { kind: 'app' } : { kind: 'sandbox', reason: 'no-credentials' };
}
