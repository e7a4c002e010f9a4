import { describe, expect, it } from 'vitest';
import { parseExportRange } from '../../../../src/domain/export/export-range.ts';
import {
  emptyExportMessage,
  exportFileName,
  exportQueuedMessage,
  exportRangeProblemMessage,
  exportSummaryText,
} from '../../../../src/slack/blocks/organizer-export.ts';

const november = { firstDay: '2026-11-01', lastDay: '2026-11-30' };

describe('organizer export messages', () => {
  it('escapes what the organizer typed when it says the range cannot be read', () => {
    const parsed = parseExportRange('<!channel>', Date.parse('2026-12-06T12:00:00Z'));
    expect(parsed.ok).toBe(false);
    const message = exportRangeProblemMessage(parsed.ok ? '' : parsed.message);
    expect(message.text).toContain('“&lt;!channel&gt;”');
    expect(JSON.stringify(message.blocks)).not.toContain('<!channel>');
  });

  it('says which days, in UTC, and one day as one day', () => {
    expect(exportQueuedMessage(november).text).toContain('from 2026-11-01 to 2026-11-30 (UTC) is on its way');
    expect(emptyExportMessage({ firstDay: '2026-11-05', lastDay: '2026-11-05' }).text).toContain(
      'No sessions started on 2026-11-05 (UTC)',
    );
    expect(exportFileName(november)).toBe('mockingbird-sessions-2026-11-01-to-2026-11-30.csv');
  });

  it('sums the file up beside it, in the singular where it is one', () => {
    const text = exportSummaryText(november, {
      sessions: 1,
      completed: 1,
      noShows: 0,
      cancelled: 0,
      released: 0,
      open: 0,
      feedbackForms: 1,
    });
    expect(text).toContain('1 session from 2026-11-01 to 2026-11-30 (UTC): 1 completed, 0 no-shows');
    expect(text).toContain('1 feedback form written');
    expect(text).toContain('No feedback text or notes.');
  });
});
