import { describe, expect, it } from 'vitest';
import { readSessionBrief, storedBrief } from '../../../src/domain/sessions/session-brief.ts';

describe('the candidate’s brief', () => {
  it('reads the form, blanks as null, and what it stores reads back the same', () => {
    const read = readSessionBrief({ company: '  ', level: 'SENIOR', focus: ' metrics ', mode: 'learning' });
    expect(read).toEqual({
      ok: true,
      value: { company: null, level: 'SENIOR', focus: 'metrics', mode: 'learning' },
    });
    if (read.ok) expect(storedBrief(JSON.parse(JSON.stringify(read.value)))).toEqual(read.value);
  });

  it('names every missing choice next to its field', () => {
    const read = readSessionBrief({ company: 'x'.repeat(81), level: undefined, focus: '', mode: undefined });
    expect(read.ok).toBe(false);
    if (!read.ok) expect(Object.keys(read.errors).sort()).toEqual(['company', 'level', 'mode']);
  });

  it('treats a stored value of another shape as no brief', () => {
    expect(storedBrief({ level: 'CEO' })).toBeNull();
    expect(storedBrief(null)).toBeNull();
  });
});
