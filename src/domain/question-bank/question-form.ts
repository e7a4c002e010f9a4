import { LEVELS } from '../matching/types.ts';
import { fieldIssues } from './bank-problems.ts';
import { WORKSPACE_TOPIC } from './question-import.ts';
import {
  type BankQuestion,
  BUILT_IN_QUESTION_TYPES,
  builtInQuestionSchemas,
  createQuestionSchemas,
  type QuestionTypeRule,
} from './question-schema.ts';
import { questionSlug } from './question-slug.ts';

/**
 * The organizer's add/edit question form, read into a bank question and checked with the bank's
 * own schema, so a question typed in Slack meets exactly the limits of one written in
 * content/questions. Every problem comes back next to its field in one round.
 */

/** What the modal holds, before it is checked; list fields are one item per line. */
export interface QuestionFormFields {
  type: string | undefined;
  levelFrom: string | undefined;
  /** Blank means the question suits `levelFrom` alone. */
  levelTo: string | undefined;
  text: string;
  followUps: string;
  rubricHints: string;
  hint: string;
}

export type QuestionFormField = keyof QuestionFormFields;

export type QuestionFormOutcome =
  | { ok: true; value: BankQuestion }
  | { ok: false; errors: Partial<Record<QuestionFormField, string>> };

/** An edited question keeps its id (and topic) unless its type changes: the id's prefix is the type. */
export interface EditedQuestion {
  slug: string;
  type: string;
  topic: string;
  /**
   * The question's role-play notes, which the form does not show (they come from an import): an
   * edit keeps them rather than dropping them silently.
   */
  rolePlayNotes?: readonly string[];
}

const REQUIRED: Record<QuestionFormField, string> = {
  type: 'Pick the interview type.',
  levelFrom: 'Pick the lowest level the question suits.',
  levelTo: 'Pick the highest level the question suits.',
  text: 'Write the question.',
  followUps: 'Write the follow-ups, one per line.',
  rubricHints: 'Write the rubric hints, one per line.',
  hint: 'Write a hint.',
};

/** Lines of a multiline input, trimmed, blank ones dropped (a trailing Enter is not an item). */
export function formLines(value: string): string[] {
  return value
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

export function readQuestionForm(
  fields: QuestionFormFields,
  options: {
    /** Ids in use (the bank's and the workspace's), which a new id must avoid. */
    takenSlugs: ReadonlySet<string>;
    edited?: EditedQuestion;
    types?: readonly QuestionTypeRule[];
  },
): QuestionFormOutcome {
  const types = options.types ?? BUILT_IN_QUESTION_TYPES;
  const schema =
    types === BUILT_IN_QUESTION_TYPES
      ? builtInQuestionSchemas.question
      : createQuestionSchemas(types).question;
  const errors: Partial<Record<QuestionFormField, string>> = {};

  const from = levelIndex(fields.levelFrom);
  const to = fields.levelTo ? levelIndex(fields.levelTo) : from;
  if (!fields.levelFrom) errors.levelFrom = REQUIRED.levelFrom;
  else if (from < 0) errors.levelFrom = 'Pick a level from the list.';
  if (fields.levelTo && to < 0) errors.levelTo = 'Pick a level from the list.';
  else if (from >= 0 && to >= 0 && to < from)
    errors.levelTo = 'The highest level must be the same as the lowest or above it.';

  const type = types.find((each) => each.slug === fields.type);
  const text = fields.text.trim();
  const { edited } = options;
  const slug =
    edited && edited.type === fields.type
      ? edited.slug
      : type
        ? questionSlug(text, type.idPrefix, withoutOwnSlug(options.takenSlugs, edited))
        : undefined;

  // Blank fields go in as missing, so the schema says "is required" and the form asks for them.
  const list = (value: string) => (formLines(value).length > 0 ? formLines(value) : undefined);
  const parsed = schema.safeParse({
    type: fields.type || undefined,
    // Without a known type there is no prefix to make an id with; the type's own error says why.
    id: slug ?? 'question',
    topic: edited?.topic ?? WORKSPACE_TOPIC,
    levels: from >= 0 && to >= from ? LEVELS.slice(from, to + 1) : [LEVELS[0]],
    text: text || undefined,
    followUps: list(fields.followUps),
    rubricHints: list(fields.rubricHints),
    hint: fields.hint.trim() || undefined,
    ...(edited?.rolePlayNotes && edited.rolePlayNotes.length > 0
      ? { rolePlayNotes: [...edited.rolePlayNotes] }
      : {}),
  });
  if (!parsed.success) {
    for (const issue of fieldIssues(parsed.error)) {
      const [key, position] = issue.path;
      const field = formFieldOf(key);
      if (errors[field]) continue;
      if (issue.message === 'is required') errors[field] = REQUIRED[field];
      else if (typeof position === 'number') errors[field] = `Line ${position + 1}: ${issue.message}.`;
      else errors[field] = sentence(issue.message, field);
    }
  }
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: parsed.data };
}

function levelIndex(value: string | undefined): number {
  return (LEVELS as readonly string[]).indexOf(value ?? '');
}

/** An edited question whose type changes gets a new id; its old one need not be avoided. */
function withoutOwnSlug(taken: ReadonlySet<string>, edited: EditedQuestion | undefined): ReadonlySet<string> {
  if (!edited) return taken;
  const rest = new Set(taken);
  rest.delete(edited.slug);
  return rest;
}

/**
 * Where a schema issue belongs on the form. The id and topic are made here, not typed, so a
 * problem with them can only come from the text they were made from.
 */
function formFieldOf(key: PropertyKey | undefined): QuestionFormField {
  switch (key) {
    case 'type':
      return 'type';
    case 'levels':
      return 'levelFrom';
    case 'followUps':
      return 'followUps';
    case 'rubricHints':
      return 'rubricHints';
    case 'hint':
      return 'hint';
    default:
      return 'text';
  }
}

/** "must be 40-280 characters; it has 12" → "Must be 40-280 characters; it has 12." */
function sentence(message: string, field: QuestionFormField): string {
  const listed = field === 'followUps' || field === 'rubricHints';
  const text = listed && message.startsWith('must have') ? `One per line: ${message}` : message;
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}
