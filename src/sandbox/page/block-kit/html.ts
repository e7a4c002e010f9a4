/** Escapes text for HTML element content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** `name="value"` pairs for the defined entries, escaped; objects are written as JSON. */
export function attributes(entries: Record<string, unknown>): string {
  return Object.entries(entries)
    .filter(([, value]) => value !== undefined && value !== null && value !== false)
    .map(([name, value]) => {
      if (value === true) return ` ${name}`;
      const text =
        typeof value === 'string' ? value : typeof value === 'number' ? String(value) : JSON.stringify(value);
      return ` ${name}="${escapeHtml(text)}"`;
    })
    .join('');
}
