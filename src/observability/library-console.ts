import { format } from 'node:util';
import type { Logger } from './logger.ts';
import { scrubSecrets } from './scrub-secrets.ts';

type ConsoleMethod = 'log' | 'info' | 'debug' | 'warn' | 'error';

const LEVEL_OF: Record<ConsoleMethod, 'info' | 'debug' | 'warn' | 'error'> = {
  log: 'info',
  info: 'info',
  debug: 'debug',
  warn: 'warn',
  error: 'error',
};

/** Enough distinct warnings for any real process; past it, repeats are logged again rather than remembered. */
const MAX_REMEMBERED = 1_000;

/**
 * Some libraries print instead of logging. BullMQ `console.warn`s when Redis evicts keys or is
 * older than it recommends, once for every connection it opens (dozens per process: every queue
 * and worker has its own), and `console.error`s errors it cannot hand to a listener; ioredis prints
 * "[ioredis] Unhandled error event" for a client without an error listener. Loose text like that
 * breaks the JSON-lines stream README promises, so console output goes through pino instead, as
 * `component: "library-console"` lines at the matching level, scrubbed of Slack secrets like the
 * Slack SDKs' lines. A warning repeated word for word is said once per process (the first
 * connection's says it all); errors are logged every time. The app writes nothing on the console
 * itself. Returns the original console back, for tests.
 */
export function routeConsoleToLogger(logger: Logger): () => void {
  const child = logger.child({ component: 'library-console' });
  const said = new Set<string>();
  const originals = new Map<ConsoleMethod, (...args: unknown[]) => void>();
  for (const method of Object.keys(LEVEL_OF) as ConsoleMethod[]) {
    const level = LEVEL_OF[method];
    originals.set(method, console[method]);
    console[method] = (...args: unknown[]) => {
      const error = args.find((arg): arg is Error => arg instanceof Error);
      const text = scrubSecrets(format(...args.map((arg) => (arg instanceof Error ? arg.message : arg))));
      if (level !== 'error') {
        if (said.has(text)) return;
        if (said.size < MAX_REMEMBERED) said.add(text);
      }
      const err = error && { type: error.name, stack: scrubSecrets(error.stack ?? error.message) };
      child[level](err ? { err } : {}, text);
    };
  }
  return () => {
    for (const [method, original] of originals) console[method] = original;
  };
}
