import { describe, expect, it } from 'vitest';
import { parsePauseText } from '../../src/domain/pause-request.ts';

const context = { now: Date.parse('2026-11-23T09:00:00Z'), timeZone: 'America/New_York' };

describe('parsePauseText', () => {
  it('with no date pauses until resumed', () => {
    expect(parsePauseText('', context)).toEqual({ ok: true, value: { kind: 'pause' } });
  });

  it.each(['until 2026-12-01', '2026-12-01', 'UNTIL 2026-12-01'])(
    '%j snoozes to the start of that day in the member zone',
    (text) => {
      expect(parsePauseText(text, context)).toEqual({
        ok: true,
        value: { kind: 'snooze', until: new Date('2026-12-01T05:00:00.000Z') },
      });
    },
  );

  it.each([
    ['next week', /`\/mock pause until 2026-12-01`/],
    ['until 2026-13-01', /`\/mock pause until 2026-12-01`/],
    ['until 2026-11-23', /not in the future/],
    ['until 2028-01-01', /at most 365 days/],
  ])('refuses %j', (text, message) => {
    const parsed = parsePauseText(text, context);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(message);
  });
});
