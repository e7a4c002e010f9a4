import { fieldIssues, formatField } from './bank-problems.ts';
import {
  type BankQuestion,
  BUILT_IN_QUESTION_TYPES,
  builtInQuestionSchemas,
  createQuestionSchemas,
  type QuestionTypeRule,
} from './question-schema.ts';

/**
 * Validates questions one row at a time, for an organizer's CSV or YAML import (a later issue):
 * unlike the built-in bank, which is all or nothing, every row gets its own verdict, so a report
 * can say "row 7: text must be 40-280 characters" and the good rows can still be taken.
 */

export interface QuestionRowProblem {
  /** The field, e.g. `followUps[1]`; empty for the row as a whole. */
  field: string;
  message: string;
}

export type QuestionRowResult =
  | { index: number; ok: true; question: BankQuestion }
  | { index: number; ok: false; id?: string; problems: QuestionRowProblem[] };

/**
 * `rows` are already parsed (one object per question, each with its `type`); `index` in a result
 * is the row's position in `rows`. `takenIds` are ids that exist already, e.g. the workspace's.
 */
export function validateQuestionRows(
  rows: readonly unknown[],
  options: { types?: readonly QuestionTypeRule[]; takenIds?: ReadonlySet<string> } = {},
): QuestionRowResult[] {
  const schema =
    options.types && options.types !== BUILT_IN_QUESTION_TYPES
      ? createQuestionSchemas(options.types).question
      : builtInQuestionSchemas.question;
  const firstRowOfId = new Map<string, number>();
  return rows.map((row, index): QuestionRowResult => {
    const problems: QuestionRowProblem[] = [];
    const result = schema.safeParse(row);
    if (!result.success) {
      for (const issue of fieldIssues(result.error)) {
        problems.push({ field: formatField(issue.path), message: issue.message });
      }
    }
    const id = typeof row === 'object' && row !== null ? (row as { id?: unknown }).id : undefined;
    if (typeof id === 'string') {
      const earlier = firstRowOfId.get(id);
      if (earlier === undefined) firstRowOfId.set(id, index);
      else problems.push({ field: 'id', message: `“${id}” is also used by row ${earlier}` });
      if (options.takenIds?.has(id)) problems.push({ field: 'id', message: `“${id}” already exists` });
    }
    if (result.success && problems.length === 0) return { index, ok: true, question: result.data };
    return { index, ok: false, ...(typeof id === 'string' ? { id } : {}), problems };
  });
}
