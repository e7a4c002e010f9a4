/**
 * A cell a spreadsheet will show as text, never run as a formula. Excel, LibreOffice and Google
 * Sheets evaluate a CSV cell that starts with `=`, `+`, `-` or `@` (and some do after a leading tab,
 * carriage return or line feed), so a member who could get `=HYPERLINK(…)` into an export could
 * make the organizer's spreadsheet fetch a URL with other cells' contents. OWASP's advice (CSV
 * Injection; ASVS 1.2.10) is to put a single quote in front of such a cell, which the spreadsheet
 * shows as text. The full-width forms are included: some locales' spreadsheets read them as the
 * ASCII ones. NUL is included too, per ASVS. CSV quoting (commas, quotes, line breaks) is the
 * CSV writer's job, not this function's.
 */
const FORMULA_STARTS = new Set(['=', '+', '-', '@', '\t', '\r', '\n', '\0', '＝', '＋', '－', '＠']);

export function neutraliseFormula(cell: string): string {
  return FORMULA_STARTS.has(cell.charAt(0)) ? `'${cell}` : cell;
}
