import { Writable } from 'node:stream';
import { afterEach, expect, it } from 'vitest';
import { routeConsoleToLogger } from '../../src/observability/library-console.ts';
import { createLogger } from '../../src/observability/logger.ts';

/** A logger whose lines are kept, parsed, instead of written to stdout. */
function capturedLogger() {
  const lines: Array<Record<string, unknown>> = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { logger: createLogger('debug', destination), lines };
}

let restore: (() => void) | undefined;
afterEach(() => {
  restore?.();
  restore = undefined;
});

it("turns BullMQ's console warning into one warn line, however many connections repeat it", () => {
  const { logger, lines } = capturedLogger();
  restore = routeConsoleToLogger(logger);

  for (let connection = 0; connection < 12; connection += 1) {
    console.warn('IMPORTANT! Eviction policy is allkeys-lru. It should be "noeviction"');
  }
  console.warn('It is highly recommended to use a minimum Redis version of %s', '6.2.0');

  expect(lines).toEqual([
    expect.objectContaining({
      level: 'warn',
      component: 'library-console',
      msg: 'IMPORTANT! Eviction policy is allkeys-lru. It should be "noeviction"',
    }),
    expect.objectContaining({
      level: 'warn',
      msg: 'It is highly recommended to use a minimum Redis version of 6.2.0',
    }),
  ]);
});

it('logs every console error, with the error itself, at error level', () => {
  const { logger, lines } = capturedLogger();
  restore = routeConsoleToLogger(logger);

  const failure = new Error('Connection is closed.');
  console.error(failure);
  console.error(failure);

  expect(lines).toHaveLength(2);
  expect(lines[0]).toMatchObject({
    level: 'error',
    component: 'library-console',
    msg: 'Connection is closed.',
    err: { type: 'Error', stack: expect.stringContaining('Connection is closed.') },
  });
});

it('scrubs Slack tokens out of what a library prints', () => {
  const { logger, lines } = capturedLogger();
  restore = routeConsoleToLogger(logger);

  console.log('calling with', 'xoxb-1234-5678-secret');

  expect(lines).toEqual([expect.objectContaining({ level: 'info', msg: 'calling with [redacted]' })]);
});

it('gives the console back when asked', () => {
  const before = console.warn;
  const { logger } = capturedLogger();
  routeConsoleToLogger(logger)();
  expect(console.warn).toBe(before);
});
