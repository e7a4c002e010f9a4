import { LogLevel, type Logger as SlackLogger } from '@slack/bolt';
import type { Logger } from './logger.ts';
import { scrubSecrets } from './scrub-secrets.ts';

/**
 * Bolt and the Web API client log through this adapter so everything lands in one JSON stream.
 * Their debug output can include request bodies (message texts), so it only goes out at
 * pino's `trace` level, which production never uses; secrets in their text are scrubbed at every
 * level all the same (scrub-secrets.ts), since someone will turn `trace` on to debug an install.
 */
export function toSlackLogger(logger: Logger): SlackLogger {
  const child = logger.child({ component: 'slack-sdk' });
  const join = (parts: unknown[]) =>
    scrubSecrets(parts.map((part) => (part instanceof Error ? part.message : String(part))).join(' '));
  return {
    // Bolt and the Web API client call debug several times per request: its text is built (and
    // scrubbed) only when someone will read it.
    debug: (...parts) => {
      if (child.isLevelEnabled('trace')) child.trace(join(parts));
    },
    info: (...parts) => child.info(join(parts)),
    warn: (...parts) => child.warn(join(parts)),
    error: (...parts) => child.error(join(parts)),
    setLevel: () => {},
    getLevel: () => LogLevel.INFO,
    setName: () => {},
  };
}
