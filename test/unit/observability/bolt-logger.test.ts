import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { toSlackLogger } from '../../../src/observability/bolt-logger.ts';
import { createLogger } from '../../../src/observability/logger.ts';

/** The Slack SDKs' logger over a pino logger at `level`, with the lines it writes. */
function slackLoggerAt(level: string) {
  const lines: Array<Record<string, unknown>> = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { slack: toSlackLogger(createLogger(level, destination)), lines };
}

/** A log argument that counts how often it is turned into text. */
function countedPart() {
  const part = {
    renders: 0,
    toString() {
      part.renders += 1;
      return 'http request body: {"token":"xoxb-1-secret"}';
    },
  };
  return part;
}

describe('toSlackLogger', () => {
  it("does not build the SDKs' debug text when trace is off", () => {
    const { slack, lines } = slackLoggerAt('info');
    const part = countedPart();
    slack.debug(part);
    expect(part.renders).toBe(0);
    expect(lines).toEqual([]);
  });

  it('writes it, scrubbed, at trace', () => {
    const { slack, lines } = slackLoggerAt('trace');
    const part = countedPart();
    slack.debug(part);
    expect(part.renders).toBe(1);
    expect(lines.map((line) => line.msg)).toEqual(['http request body: {"token":"[redacted]"}']);
  });

  it('scrubs warnings too', () => {
    const { slack, lines } = slackLoggerAt('info');
    slack.warn('retrying with', 'xoxb-123-abc');
    expect(lines.map((line) => line.msg)).toEqual(['retrying with [redacted]']);
  });
});
