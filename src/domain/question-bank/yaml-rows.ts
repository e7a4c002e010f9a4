import { isMap, isSeq, LineCounter, parseDocument } from 'yaml';
import type { SourceRow, SourceRows } from './import-rows.ts';

/** Aliases a paste may expand to; a real question list needs a handful at most. */
const MAX_ALIAS_COUNT = 100;

/**
 * The question rows of a YAML paste, in either of two shapes: a list of questions each with its
 * own `type`, or a bank file as in content/questions (`type:` once, then `questions:`), so an
 * organizer can start from a copy of one. A single question map is read as a list of one.
 */
export function yamlQuestionRows(text: string): SourceRows {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  const lineOf = (node: unknown) => {
    const offset = (node as { range?: [number] } | null | undefined)?.range?.[0];
    return offset === undefined ? 1 : lineCounter.linePos(offset).line;
  };
  const [syntaxError] = document.errors;
  if (syntaxError) {
    // Only the first: one slip (a wrong indent) makes the parser report several follow-on errors.
    const { line } = lineCounter.linePos(syntaxError.pos[0]);
    return { ok: false, message: `YAML line ${line}: ${syntaxError.message.split('\n')[0]}` };
  }

  const root = document.contents;
  // Plain data through the document, so aliases resolve. The parser caps how far they expand and
  // throws past the cap (an "alias bomb": a few lines that would grow to gigabytes); that is a
  // fault of the paste, said as such, not a failure to try again.
  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    return {
      ok: false,
      message:
        'YAML: this paste repeats anchors (`&name`) through aliases (`*name`) so many times that it would ' +
        'grow far beyond a question list. Write each question out in full instead of using aliases.',
    };
  }
  let items: readonly unknown[];
  let values: readonly unknown[];
  let inherited: Record<string, unknown> = {};
  if (isSeq(root)) {
    items = root.items;
    values = data as unknown[];
  } else if (isMap(root) && root.has('questions')) {
    const questions = root.get('questions', true);
    if (!isSeq(questions))
      return {
        ok: false,
        message: 'YAML: `questions:` must be a list of questions (each starting with `- `).',
      };
    const unknown = root.items
      .map((pair) => String((pair.key as { value?: unknown } | null)?.value ?? pair.key))
      .filter((key) => key !== 'type' && key !== 'questions');
    if (unknown.length > 0) {
      return {
        ok: false,
        message: `YAML: a bank file has only \`type\` and \`questions\` at the top, not ${unknown.map((key) => `\`${key}\``).join(', ')}.`,
      };
    }
    items = questions.items;
    values = (data as { questions: unknown[] }).questions;
    const type: unknown = (data as { type?: unknown }).type;
    if (type !== undefined) inherited = { type };
  } else if (isMap(root)) {
    items = [root];
    values = [data];
  } else {
    return {
      ok: false,
      message:
        'There is nothing to import: paste a CSV with a header line, or YAML questions (a list, each starting with `- type:`).',
    };
  }

  const rows = items.map(
    (item, index): SourceRow => ({
      number: index + 1,
      line: lineOf(item),
      // A question's own `type` wins over the file's, as the file format would have it.
      data: isPlainMap(values[index]) ? { ...inherited, ...values[index] } : (values[index] ?? null),
      problems: [],
    }),
  );
  return { ok: true, rows };
}

function isPlainMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
