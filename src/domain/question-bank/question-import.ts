import { csvQuestionRows, looksLikeCsvHeader } from './csv-rows.ts';
import type { SourceRow } from './import-rows.ts';
import { type BankQuestion, BUILT_IN_QUESTION_TYPES, type QuestionTypeRule } from './question-schema.ts';
import { questionSlug, sameQuestionText } from './question-slug.ts';
import { type QuestionRowProblem, validateQuestionRows } from './validate-question-rows.ts';
import { yamlQuestionRows } from './yaml-rows.ts';

/**
 * An organizer's paste of questions (CSV or YAML), judged row by row with the bank's own rules
 * (validateQuestionRows): the good rows can be taken and each bad one is reported with what is
 * wrong, field by field. Pure: what the workspace already holds comes in as data.
 *
 * Unlike the bank's files, `id` and `topic` may be left out: an id is then made from the text
 * (the same text always finds the question it made before, so importing twice changes nothing)
 * and the topic is WORKSPACE_TOPIC.
 */

/** Slack caps a plain_text_input at 3000 characters; a forged submission is held to the same. */
export const IMPORT_MAX_CHARACTERS = 3000;

/** The topic of a question whose author gave none (the form has no topic field). */
export const WORKSPACE_TOPIC = 'workspace';

export interface ImportContext {
  /** Ids of the built-in bank: a workspace question may not take one, to keep ids unambiguous. */
  builtInSlugs: ReadonlySet<string>;
  /** The workspace's own questions, retired ones included (an id is never reused). */
  existing: readonly { slug: string; type: string; text: string }[];
  types?: readonly QuestionTypeRule[];
}

interface RowPlace {
  /** CSV: the spreadsheet row (header = 1); YAML: the question's position in the list. */
  number: number;
  line: number;
  /** The id as the organizer gave it, if they did. */
  id?: string;
  /** The start of the text, to recognise the row by. */
  excerpt: string;
}

export type ImportRowResult =
  | (RowPlace & { ok: true; question: BankQuestion })
  | (RowPlace & { ok: false; problems: QuestionRowProblem[] });

export type ImportPlan =
  | { ok: true; format: 'csv' | 'yaml'; rows: ImportRowResult[] }
  | { ok: false; message: string };

const EXCERPT_LENGTH = 60;

export function planQuestionImport(text: string, context: ImportContext): ImportPlan {
  if (text.length > IMPORT_MAX_CHARACTERS) {
    return {
      ok: false,
      message: `Paste at most ${IMPORT_MAX_CHARACTERS} characters at a time (this has ${text.length}); split the file and import each part.`,
    };
  }
  const firstLine = text.split(/\r?\n/).find((line) => line.trim() !== '') ?? '';
  if (firstLine === '') return { ok: false, message: 'There is nothing to import: the text is empty.' };
  const format = looksLikeCsvHeader(firstLine) ? 'csv' : 'yaml';
  const source = format === 'csv' ? csvQuestionRows(text) : yamlQuestionRows(text);
  if (!source.ok) return source;
  if (source.rows.length === 0)
    return { ok: false, message: 'There is nothing to import: no question follows the header.' };

  const types = context.types ?? BUILT_IN_QUESTION_TYPES;
  const rows = withDefaults(source.rows, context, types);
  const results = validateQuestionRows(
    rows.map((row) => row.data),
    { types },
  );
  return {
    ok: true,
    format,
    rows: results.map((result, index): ImportRowResult => {
      const row = rows[index]!;
      // The report names a bad row by the id the organizer wrote, not one made for it.
      const place = placeOf(source.rows[index]!);
      const id = result.ok ? result.question.id : idOf(row.data);
      // An id may be left out; when none could be made (no type or text), those say what is missing.
      const given = source.rows[index]?.data;
      const idLeftOut = !isRecord(given) || given.id === undefined;
      const schemaProblems = result.ok
        ? []
        : result.problems
            .filter((problem) => !(idLeftOut && problem.field === 'id' && problem.message === 'is required'))
            .map((problem) => renumbered(problem, id, rows, format));
      const problems = [...row.problems, ...schemaProblems];
      if (id !== undefined && context.builtInSlugs.has(id)) {
        problems.push({
          field: 'id',
          message: `“${id}” is a built-in question’s id; give yours another (or leave id out)`,
        });
      }
      if (result.ok && problems.length === 0) return { ...place, ok: true, question: result.question };
      return { ...place, ok: false, problems };
    }),
  };
}

/** Fills in a missing id (from the text) and topic, so the bank's schema can judge the rest. */
function withDefaults(
  rows: readonly SourceRow[],
  context: ImportContext,
  types: readonly QuestionTypeRule[],
): SourceRow[] {
  const taken = new Set([...context.builtInSlugs, ...context.existing.map((question) => question.slug)]);
  const known = context.existing.map((question) => ({ ...question }));
  return rows.map((row) => {
    if (!isRecord(row.data)) return row;
    const data: Record<string, unknown> = { ...row.data };
    data.topic ??= WORKSPACE_TOPIC;
    const prefix = types.find((type) => type.slug === data.type)?.idPrefix;
    // Without a usable type or text the row fails anyway; an invented id would only add noise.
    if (data.id === undefined && prefix && typeof data.text === 'string' && data.text.trim() !== '') {
      const text = data.text;
      const same = known.find(
        (question) => question.type === data.type && sameQuestionText(question.text, text),
      );
      data.id = same?.slug ?? questionSlug(text, prefix, taken);
      taken.add(data.id as string);
      known.push({ slug: data.id as string, type: String(data.type), text });
    }
    return { ...row, data };
  });
}

/**
 * validateQuestionRows names an id's first row by its index in the list it was given; the
 * organizer counts rows as the paste shows them.
 */
function renumbered(
  problem: QuestionRowProblem,
  id: string | undefined,
  rows: readonly SourceRow[],
  format: 'csv' | 'yaml',
): QuestionRowProblem {
  if (id === undefined || problem.field !== 'id') return problem;
  const first = rows.findIndex((row) => isRecord(row.data) && row.data.id === id);
  if (first < 0 || problem.message !== `“${id}” is also used by row ${first}`) return problem;
  return { ...problem, message: `“${id}” is also used by ${importRowName(rows[first]!, format)}` };
}

/** "row 4" of a CSV (as a spreadsheet numbers it), "question 2 (line 14)" of a YAML list. */
export function importRowName(row: { number: number; line: number }, format: 'csv' | 'yaml'): string {
  return format === 'csv' ? `row ${row.number}` : `question ${row.number} (line ${row.line})`;
}

function idOf(data: unknown): string | undefined {
  return isRecord(data) && typeof data.id === 'string' ? data.id : undefined;
}

function placeOf(row: SourceRow): RowPlace {
  const data = isRecord(row.data) ? row.data : {};
  const text = typeof data.text === 'string' ? data.text.trim().replace(/\s+/g, ' ') : '';
  const excerpt = text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH - 1)}…` : text;
  return {
    number: row.number,
    line: row.line,
    ...(typeof data.id === 'string' ? { id: data.id } : {}),
    excerpt,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
