import { describe, expect, it } from 'vitest';
import { practiceNoteFromMessage } from '../../src/domain/message-practice-note.ts';
import { MAX_NOTE_LENGTH } from '../../src/domain/request-form.ts';
import { requestPrefill } from '../../src/domain/request-prefill.ts';

describe('practiceNoteFromMessage', () => {
  it.each([
    [
      'a plain question',
      'How would you grow weekly active users of Slack huddles?',
      'I’d like to practise this question: “How would you grow weekly active users of Slack huddles?”',
    ],
    [
      'links, mentions and escapes read as a person sees them',
      '<@U0ANA> asked: metrics for <https://example.com/maps|Maps> &amp; <#C0PREP|interview-prep> &lt;3 <!here>',
      'I’d like to practise this question: “asked: metrics for Maps & #interview-prep <3”',
    ],
    [
      'line breaks and control characters folded away',
      'Design a fridge\n\nfor   blind users\u0000',
      'I’d like to practise this question: “Design a fridge for blind users”',
    ],
    ['a bare link', '<https://example.com/q>', 'I’d like to practise this question: “https://example.com/q”'],
  ])('%s', (_name, text, note) => {
    expect(practiceNoteFromMessage(text)).toBe(note);
  });

  it('gives no note for a message without words', () => {
    expect(practiceNoteFromMessage('')).toBeNull();
    expect(practiceNoteFromMessage('  <@U0ANA> \n ')).toBeNull();
  });

  it('clips a long message to what the form accepts, and says so', () => {
    const note = practiceNoteFromMessage('word '.repeat(400));
    expect(note!.length).toBeLessThanOrEqual(MAX_NOTE_LENGTH);
    expect(note).toMatch(/…”$/);
  });
});

describe('requestPrefill with a note from the entry point', () => {
  const last = {
    interviewTypes: ['execution'],
    level: 'SENIOR' as const,
    role: 'BOTH' as const,
    durationMinutes: 45,
    availability: { weekly: [], slots: [] },
    note: 'Fintech loop',
  };

  it('the shortcut’s note wins over the last request’s; without one the last stays', () => {
    expect(requestPrefill(last, null, { note: 'Practise this' }).note).toBe('Practise this');
    expect(requestPrefill(last, null, {}).note).toBe('Fintech loop');
  });
});
