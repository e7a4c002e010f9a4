import type { QuestionRowProblem } from './validate-question-rows.ts';

/**
 * One question as read from an organizer's paste, before it is judged: what the CSV or YAML
 * reader found, and where, so the report can point at it.
 */
export interface SourceRow {
  /** As the organizer counts: a spreadsheet's row (the header is row 1), or the nth YAML item. */
  number: number;
  /** The line of the pasted text the row starts on. */
  line: number;
  /** A map of question fields, not yet checked. */
  data: unknown;
  /** What the reader already knows is wrong with the row (a CSV row with too many cells). */
  problems: QuestionRowProblem[];
}

/** A paste is read as a whole first: a format it cannot read gets one message, not a row each. */
export type SourceRows = { ok: true; rows: SourceRow[] } | { ok: false; message: string };
