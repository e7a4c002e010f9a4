import { withoutControlCharacters } from './plain-text.ts';
import { MAX_NOTE_LENGTH } from './request-form.ts';

/**
 * The "Practise this question" message shortcut: the request form's note, made from the message a
 * member picked, so their partner sees which question they want to practise. Slack hands over the
 * message's text in its own markup (`<https://…|label>`, `<@U…>`, `&amp;`); the note is plain text
 * the member can still edit, so the markup is read back into what a person saw, and the whole note
 * stays within the form's limit (Slack refuses to open a modal whose initial value is too long).
 */

const LEAD = 'I’d like to practise this question: ';
const ELLIPSIS = '…';

/** The note for a message's text; null when the message has no words (a file, an image). */
export function practiceNoteFromMessage(messageText: string): string | null {
  const question = plainTextOf(messageText);
  if (question === '') return null;
  const room = MAX_NOTE_LENGTH - LEAD.length - '“”'.length;
  const clipped =
    question.length > room ? `${question.slice(0, room - ELLIPSIS.length).trimEnd()}${ELLIPSIS}` : question;
  return `${LEAD}“${clipped}”`;
}

/** Slack's message markup as a reader sees it, on one line. */
function plainTextOf(text: string): string {
  const shown = text
    // <https://example.com|label> → label; <https://example.com> → the address; <mailto:…> likewise.
    .replace(/<((?:https?|mailto):[^|>]*)\|([^>]*)>/g, '$2')
    .replace(/<((?:https?|mailto):[^|>]*)>/g, '$1')
    // <#C123|general> → #general; a bare <#C123> names no channel a note could show.
    .replace(/<#[A-Z0-9]+\|([^>]*)>/g, '#$1')
    // Mentions (<@U123>), bare channels and broadcasts (<!here>) mean nothing in a partner's note.
    .replace(/<[@#!][^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
  return withoutControlCharacters(shown).replace(/\s+/g, ' ').trim();
}
