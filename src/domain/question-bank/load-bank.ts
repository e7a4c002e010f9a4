import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Document, isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import {
  type BankProblem,
  BankValidationError,
  fieldIssues,
  formatField,
  formatPosition,
} from './bank-problems.ts';
import { type BankQuestion, BUILT_IN_QUESTION_TYPES, builtInQuestionSchemas } from './question-schema.ts';
import { type RubricFile, rubricFileSchema } from './rubric-schema.ts';

export type { BankProblem } from './bank-problems.ts';
export { BankValidationError, formatBankProblem } from './bank-problems.ts';
export { type QuestionRowResult, validateQuestionRows } from './validate-question-rows.ts';

/**
 * Loads the built-in bank from content/ and refuses to go on unless all of it is valid. Several
 * writers edit these files, so a failure lists every problem at once, each with its file, line and
 * question, the way a compiler does: one run shows everything there is to fix.
 *
 * validateBank is the pure part (file texts in, bank or problems out); loadBank only reads files.
 */

export const DEFAULT_CONTENT_DIR = fileURLToPath(new URL('../../../content/', import.meta.url));

export interface QuestionBank {
  questions: BankQuestion[];
  rubrics: RubricFile[];
}

export interface BankSourceFile {
  /** The name problems are reported under; its base name must be the interview type. */
  name: string;
  text: string;
}

/** Validates every file and the rules that span files; throws BankValidationError listing them all. */
export function validateBank(sources: {
  questions: BankSourceFile[];
  rubrics: BankSourceFile[];
}): QuestionBank {
  const problems: BankProblem[] = [];
  const questions: BankQuestion[] = [];
  const rubrics: RubricFile[] = [];
  const idsSeen = new Map<string, BankProblem>();
  const rubricTypes = new Set(sources.rubrics.map((source) => typeFromFileName(source.name)));

  if (sources.questions.length === 0)
    problems.push({ file: 'questions/', field: '', message: 'holds no question files (*.yaml)' });

  for (const source of sources.questions) {
    const file = parseYaml(source, problems);
    if (!file) continue;
    const raw = file.data as { type?: unknown; questions?: unknown };
    const rawQuestions = Array.isArray(raw.questions) ? (raw.questions as unknown[]) : [];
    const result = builtInQuestionSchemas.file.safeParse(raw);
    if (!result.success) {
      for (const problem of describeIssues(result.error, file))
        problems.push(withQuestion(problem, rawQuestions));
    }
    checkFileType(raw.type, source, file, problems);
    if (typeof raw.type === 'string' && !rubricTypes.has(raw.type) && isBuiltInType(raw.type)) {
      problems.push({
        ...file.locate(['type']),
        field: 'type',
        message: `no rubric for ${raw.type}: add rubrics/${raw.type}.yaml`,
      });
    }
    rawQuestions.forEach((item, index) => {
      const id = (item as { id?: unknown } | null)?.id;
      if (typeof id !== 'string') return;
      const here: BankProblem = {
        ...file.locate(['questions', index, 'id']),
        questionIndex: index,
        questionId: id,
        field: 'id',
        message: '',
      };
      const first = idsSeen.get(id);
      if (first) problems.push({ ...here, message: `“${id}” is already used at ${formatPosition(first)}` });
      else idsSeen.set(id, here);
    });
    if (result.success) {
      for (const question of result.data.questions) questions.push({ ...question, type: result.data.type });
    }
  }

  for (const source of sources.rubrics) {
    const checked = checkRubricFile(source, problems);
    if (!checked) continue;
    rubrics.push(checked.rubric);
    checkRubricTopics(checked.rubric, questions, checked.file, problems);
  }

  if (problems.length > 0) throw new BankValidationError(problems);
  return { questions, rubrics };
}

/** One rubric file parsed and checked on its own; undefined (with its problems noted) when invalid. */
function checkRubricFile(
  source: BankSourceFile,
  problems: BankProblem[],
): { rubric: RubricFile; file: ParsedFile } | undefined {
  const file = parseYaml(source, problems);
  if (!file) return undefined;
  const raw = file.data as { type?: unknown };
  const result = rubricFileSchema.safeParse(raw);
  if (!result.success) problems.push(...describeIssues(result.error, file));
  checkFileType(raw.type, source, file, problems);
  return result.success ? { rubric: result.data, file } : undefined;
}

/** Reads content/questions/*.yaml and content/rubrics/*.yaml and validates them (see validateBank). */
export async function loadBank(contentDir: string = DEFAULT_CONTENT_DIR): Promise<QuestionBank> {
  const problems: BankProblem[] = [];
  const [questions, rubrics] = await Promise.all([
    readYamlFiles(path.join(contentDir, 'questions'), problems),
    readYamlFiles(path.join(contentDir, 'rubrics'), problems),
  ]);
  try {
    const bank = validateBank({ questions, rubrics });
    if (problems.length > 0) throw new BankValidationError(problems);
    return bank;
  } catch (error) {
    if (error instanceof BankValidationError) throw new BankValidationError([...problems, ...error.problems]);
    throw error;
  }
}

/**
 * Reads and checks content/rubrics alone: what a process that only shows feedback forms needs. The
 * web role leaves the question bank to the workers (src/prepare-database.ts), whose start-up also
 * checks each rubric against the questions; parsing all the questions here for the rubrics' sake
 * would cost the web role the memory it saves there.
 */
export async function loadRubrics(contentDir: string = DEFAULT_CONTENT_DIR): Promise<RubricFile[]> {
  const problems: BankProblem[] = [];
  const sources = await readYamlFiles(path.join(contentDir, 'rubrics'), problems);
  const rubrics: RubricFile[] = [];
  for (const source of sources) {
    const checked = checkRubricFile(source, problems);
    if (checked) rubrics.push(checked.rubric);
  }
  if (problems.length > 0) throw new BankValidationError(problems);
  return rubrics;
}

// ---------------------------------------------------------------------------------------------

interface ParsedFile {
  data: unknown;
  /** Where the value at `fieldPath` is (its key with `atKey`), or its nearest enclosing node. */
  locate(fieldPath: readonly PropertyKey[], atKey?: boolean): Pick<BankProblem, 'file' | 'line' | 'column'>;
}

function parseYaml(source: BankSourceFile, problems: BankProblem[]): ParsedFile | undefined {
  const lineCounter = new LineCounter();
  const document = parseDocument(source.text, { lineCounter, prettyErrors: false });
  const at = (offset: number | undefined) => {
    if (offset === undefined) return { file: source.name };
    const { line, col } = lineCounter.linePos(offset);
    return { file: source.name, line, column: col };
  };
  const [syntaxError] = document.errors;
  if (syntaxError) {
    // Only the first: one slip (a wrong indent) makes the parser report several follow-on errors.
    problems.push({
      ...at(syntaxError.pos[0]),
      field: '',
      message: `YAML: ${syntaxError.message.split('\n')[0]}`,
    });
    return undefined;
  }
  const data: unknown = document.toJS();
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    problems.push({
      file: source.name,
      field: '',
      message: 'must be a YAML map (type: …), but the file is empty or not a map',
    });
    return undefined;
  }
  return { data, locate: (fieldPath, atKey = false) => at(offsetOf(document, fieldPath, atKey)) };
}

function offsetOf(document: Document, fieldPath: readonly PropertyKey[], atKey: boolean): number | undefined {
  let node: unknown = document.contents;
  let offset = (node as { range?: [number] } | null)?.range?.[0];
  for (const [depth, part] of fieldPath.entries()) {
    let next: unknown;
    if (isMap(node)) {
      // YAML keys can be numbers (anchors' `1:`) while zod paths say "1": compare as text.
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(part));
      next = atKey && depth === fieldPath.length - 1 ? pair?.key : (pair?.value ?? pair?.key);
    } else if (isSeq(node) && typeof part === 'number') {
      next = node.items[part];
    }
    const start = (next as { range?: [number] } | null | undefined)?.range?.[0];
    if (start === undefined) break;
    node = next;
    offset = start;
  }
  return offset;
}

async function readYamlFiles(directory: string, problems: BankProblem[]): Promise<BankSourceFile[]> {
  const shown = displayName(directory);
  let names: string[];
  try {
    names = await readdir(directory);
  } catch (error) {
    problems.push({
      file: shown,
      field: '',
      message: `cannot read the folder (${(error as Error).message})`,
    });
    return [];
  }
  const files: BankSourceFile[] = [];
  // Sorted so the report and the bank's order do not depend on the file system.
  for (const name of names.sort()) {
    if (name.startsWith('.')) continue; // editors' swap and lock files
    if (name.endsWith('.yml')) {
      problems.push({
        file: path.join(shown, name),
        field: '',
        message: 'only .yaml files are read: rename it to .yaml',
      });
    }
    if (!name.endsWith('.yaml')) continue;
    const file = path.join(directory, name);
    files.push({ name: displayName(file), text: await readFile(file, 'utf8') });
  }
  return files;
}

/** Relative to the working directory when inside it, so editors and terminals can open the path. */
function displayName(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}

function typeFromFileName(name: string): string {
  return path.basename(name, '.yaml');
}

function isBuiltInType(slug: string): boolean {
  return BUILT_IN_QUESTION_TYPES.some((type) => type.slug === slug);
}

function checkFileType(
  type: unknown,
  source: BankSourceFile,
  file: ParsedFile,
  problems: BankProblem[],
): void {
  const expected = typeFromFileName(source.name);
  // An unknown type already has the schema's message; a second one about the name adds nothing.
  if (typeof type === 'string' && isBuiltInType(type) && type !== expected) {
    problems.push({
      ...file.locate(['type']),
      field: 'type',
      message: `says “${type}” but the file is named ${expected}.yaml; the name must be the type`,
    });
  }
}

/**
 * A dimension's `notFor`, and a timing's `byTopic`, name topics of the rubric's own type; a topic
 * no question of the type has is a typo (or a topic renamed in the questions but not here), and
 * the rule would silently never apply.
 */
function checkRubricTopics(
  rubric: RubricFile,
  questions: readonly BankQuestion[],
  file: ParsedFile,
  problems: BankProblem[],
): void {
  const topics = new Set(
    questions.filter((question) => question.type === rubric.type).map((question) => question.topic),
  );
  // No valid questions of the type: their file has its own problems, and guessing adds noise.
  if (topics.size === 0) return;
  const check = (topic: string, fieldPath: (string | number)[]) => {
    if (topics.has(topic)) return;
    problems.push({
      ...file.locate(fieldPath),
      field: formatField(fieldPath),
      message: `“${topic}” is not a topic of any ${rubric.type} question; use one of ${[...topics].sort().join(', ')}`,
    });
  };
  for (const [index, dimension] of rubric.dimensions.entries()) {
    for (const [at, topic] of (dimension.notFor ?? []).entries())
      check(topic, ['dimensions', index, 'notFor', at]);
  }
  for (const [index, entry] of (rubric.timing.byTopic ?? []).entries()) {
    for (const [at, topic] of entry.topics.entries())
      check(topic, ['timing', 'byTopic', index, 'topics', at]);
  }
}

function describeIssues(error: z.ZodError, file: ParsedFile): BankProblem[] {
  return fieldIssues(error).map((issue) => ({
    ...file.locate(issue.path, issue.atKey),
    field: formatField(issue.path),
    message: issue.message,
  }));
}

/** Moves `questions[3]` out of the field into the problem's question, and names it by its id. */
function withQuestion(problem: BankProblem, rawQuestions: readonly unknown[]): BankProblem {
  const match = /^questions\[(\d+)\]\.?(.*)$/.exec(problem.field);
  if (!match) return problem;
  const index = Number(match[1]);
  const id = (rawQuestions[index] as { id?: unknown } | null | undefined)?.id;
  return {
    ...problem,
    questionIndex: index,
    ...(typeof id === 'string' ? { questionId: id } : {}),
    field: match[2] ?? '',
  };
}
