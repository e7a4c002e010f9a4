import { type Logger, pino } from 'pino';
import { requestLogFields } from './request-context.ts';

export type { Logger };

/**
 * Paths that may hold secrets or what members wrote. Logs must never carry either: tokens
 * would leak workspace access, message texts are personal data.
 */
const REDACTED_PATHS = [
  'token',
  '*.token',
  'botToken',
  '*.botToken',
  'appToken',
  '*.appToken',
  'signingSecret',
  '*.signingSecret',
  'clientSecret',
  '*.clientSecret',
  'client_secret',
  '*.client_secret',
  'stateSecret',
  '*.stateSecret',
  'authorization',
  '*.authorization',
  'headers.authorization',
  'text',
  '*.text',
  'blocks',
  '*.blocks',
  'note',
  '*.note',
];

export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  return pino(
    {
      level,
      base: { app: 'mockingbird' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      formatters: { level: (label) => ({ level: label }) },
      // Lines written while handling a Slack request carry its requestId (request-context.ts).
      mixin: requestLogFields,
    },
    destination as pino.DestinationStream | undefined,
  );
}
