import type { z } from 'zod';

/**
 * How the bank reports what is wrong with it: one line per problem, in the form a compiler uses
 * (`file:line:column subject: message`), so a writer can jump to each one from a terminal.
 */

export interface BankProblem {
  /** As shown to the reader, e.g. `content/questions/execution.yaml`. */
  file: string;
  line?: number;
  column?: number;
  /** Set when the problem is inside one question. */
  questionIndex?: number;
  questionId?: string;
  /** The field, e.g. `followUps[1]`; empty for the file as a whole. */
  field: string;
  message: string;
}

/** Thrown once for a whole bank, listing every problem found, never only the first. */
export class BankValidationError extends Error {
  constructor(readonly problems: readonly BankProblem[]) {
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    super(`The question bank has ${count}:\n${problems.map((p) => `  ${formatBankProblem(p)}`).join('\n')}`);
    this.name = 'BankValidationError';
  }
}

/** `content/questions/execution.yaml:42:9 questions[3] (ex-metric-drop).followUps[1]: must be …` */
export function formatBankProblem(problem: BankProblem): string {
  const question =
    problem.questionIndex === undefined
      ? ''
      : `questions[${problem.questionIndex}]${problem.questionId ? ` (${problem.questionId})` : ''}`;
  const subject = [question, problem.field].filter(Boolean).join('.');
  return `${formatPosition(problem)} ${subject ? `${subject}: ` : ''}${problem.message}`;
}

/** `file:line:column`, or just the file when the problem has no position. */
export function formatPosition(problem: Pick<BankProblem, 'file' | 'line' | 'column'>): string {
  return problem.line === undefined ? problem.file : `${problem.file}:${problem.line}:${problem.column ?? 1}`;
}

export interface FieldIssue {
  path: PropertyKey[];
  message: string;
  /** The problem is the key itself (an unknown field), not its value. */
  atKey: boolean;
}

/** Zod reports unknown keys as one issue per object; a reader wants one line per key, at the key. */
export function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.flatMap((issue): FieldIssue[] =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({
          path: [...issue.path, key],
          message: `unknown field “${key}”`,
          atKey: true,
        }))
      : [{ path: issue.path, message: issue.message, atKey: false }],
  );
}

/** `['questions', 3, 'followUps', 1]` → `questions[3].followUps[1]`. */
export function formatField(fieldPath: readonly PropertyKey[]): string {
  return fieldPath.reduce<string>((text, part) => {
    if (typeof part === 'number') return `${text}[${part}]`;
    return text ? `${text}.${String(part)}` : String(part);
  }, '');
}
