/**
 * Ids for organizers' own questions, made from the text so an organizer never has to invent one:
 * "Design a way for nurses to swap shifts…" of type product-sense becomes
 * `ps-design-way-nurses-swap-shifts`. The type's prefix keeps the bank's rule that an id says its
 * type; the words keep ids readable in an export and in logs.
 */

// Words that would make every id start the same way ("how-would-you-…") and say nothing.
const FILLER = new Set(
  (
    'a an the and or but of to for in on at by with from into about as is are was were be been it its ' +
    'this that these those how what which who whom why when where would could should will can do does ' +
    'did you your yours we our they their them i me my he she his her if then than so not no'
  ).split(' '),
);

const MAX_WORDS = 6;
/** Room for the prefix and a `-99` suffix within a length that still reads as a name. */
const MAX_BODY_LENGTH = 48;

/** The text's telling words in kebab-case, without the prefix: `design-way-nurses-swap-shifts`. */
export function slugBody(text: string): string {
  const words = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // accents, split off by NFKD: "café" → "cafe"
    .toLowerCase()
    .replace(/['’]/g, '') // "colleague's" is one word, not "colleague" and "s"
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '' && !FILLER.has(word));
  let body = '';
  for (const word of words.slice(0, MAX_WORDS)) {
    const next = body ? `${body}-${word}` : word;
    if (next.length > MAX_BODY_LENGTH) break;
    body = next;
  }
  // A text of filler words only, or in a script without Latin letters, still needs an id.
  return body || 'question';
}

/**
 * An id for `text` that is not in `taken`: the telling words after `prefix`, then `-2`, `-3`…
 * when that is already used (by the bank or by the workspace, retired questions included, because
 * an id is never reused).
 */
export function questionSlug(text: string, prefix: string, taken: ReadonlySet<string>): string {
  const base = `${prefix}${slugBody(text)}`;
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** How two texts are compared to tell "the same question again": spacing and case aside. */
export function sameQuestionText(a: string, b: string): boolean {
  const key = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();
  return key(a) === key(b);
}
