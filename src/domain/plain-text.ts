/**
 * Control characters other than tab and line breaks. PostgreSQL refuses a NUL byte in text, so
 * one pasted NUL failed every save of the form it was in; the rest render as nothing in Slack
 * and only confuse what members see. None has a place in what a member types.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/** What a member typed, without control characters (tab, line feed and carriage return stay). */
export function withoutControlCharacters(text: string): string {
  return text.replace(CONTROL_CHARACTERS, '');
}
