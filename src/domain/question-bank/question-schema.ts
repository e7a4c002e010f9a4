import { z } from 'zod';
import { BUILT_IN_INTERVIEW_TYPES } from '../interview-types.ts';
import { LEVELS } from '../matching/types.ts';

/**
 * The shape of content/questions/<type>.yaml (the data format spec shared by every writer) and of
 * one question an organizer imports. Limits come from where the text ends up: a prompt is read out
 * in a Slack message, follow-ups and rubric hints are short list items, and everything is plain
 * text because Block Kit would otherwise render stray markup.
 */

/** How a type's questions are told apart in the bank: `ps-design-grocery-elderly`. */
export interface QuestionTypeRule {
  slug: string;
  /** Every question id of this type starts with it, dash included (`ps-`). */
  idPrefix: string;
}

// Prefixes are part of the stable ids already written into content/, so they are fixed here rather
// than derived from labels that may be reworded.
const BUILT_IN_ID_PREFIXES: Readonly<Record<string, string>> = {
  'product-sense': 'ps-',
  execution: 'ex-',
  strategy: 'st-',
  technical: 'te-',
  behavioural: 'bh-',
  'reverse-interview': 'ri-',
};

export const BUILT_IN_QUESTION_TYPES: readonly QuestionTypeRule[] = BUILT_IN_INTERVIEW_TYPES.map((type) => {
  const idPrefix = BUILT_IN_ID_PREFIXES[type.slug];
  // A new built-in type without a prefix would make every one of its questions fail validation
  // with a confusing message; failing at start-up names the real omission.
  if (!idPrefix) throw new Error(`interview type "${type.slug}" has no question id prefix`);
  return { slug: type.slug, idPrefix };
});

export const TEXT_LIMITS = {
  text: { min: 40, max: 280 },
  followUp: { min: 20, max: 200 },
  followUps: { min: 2, max: 4 },
  rubricHint: { min: 10, max: 80 },
  rubricHints: { min: 1, max: 3 },
  hint: { min: 40, max: 300 },
  rolePlayNote: { min: 20, max: 200 },
  rolePlayNotes: { min: 1, max: 3 },
} as const;

const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

// Slack turns these into mentions, links, code or emoji; the spec asks for plain text everywhere.
const MARKUP: readonly { pattern: RegExp; name: string }[] = [
  { pattern: /<[@#!]|<https?:/i, name: 'Slack mention or link syntax' },
  { pattern: /`/, name: 'a backtick' },
  { pattern: /\*\*|__/, name: 'markdown emphasis' },
  { pattern: /\]\(/, name: 'a markdown link' },
  { pattern: /:[a-z][a-z0-9_+-]*:/, name: 'an emoji code' },
  { pattern: /\p{Emoji_Presentation}/u, name: 'an emoji' },
];

function requiredValue(kind: string) {
  return {
    error: (issue: { input: unknown }) =>
      issue.input === undefined ? 'is required' : `must be ${kind}, not ${describeValue(issue.input)}`,
  };
}

function describeValue(value: unknown): string {
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  return `${typeof value} ${JSON.stringify(value)}`;
}

/** Trimmed plain text whose length is checked after trimming, so YAML's folding cannot pad it. */
export function plainText(min: number, max: number) {
  return z
    .string(requiredValue('text'))
    .trim()
    .superRefine((value, context) => {
      if (value.length < min || value.length > max) {
        context.addIssue({
          code: 'custom',
          message: `must be ${min}-${max} characters; it has ${value.length}`,
        });
      }
      const markup = MARKUP.find((item) => item.pattern.test(value));
      if (markup)
        context.addIssue({ code: 'custom', message: `must be plain text; it contains ${markup.name}` });
    });
}

function textList(items: { min: number; max: number }, length: { min: number; max: number }) {
  return z.array(plainText(length.min, length.max), requiredValue('a list')).superRefine((list, context) => {
    if (list.length < items.min || list.length > items.max) {
      context.addIssue({
        code: 'custom',
        message: `must have ${items.min}-${items.max} items; it has ${list.length}`,
      });
    }
  });
}

export const kebabCaseSchema = z.string(requiredValue('text')).regex(KEBAB_CASE, {
  error: (issue) => `“${String(issue.input)}” must be kebab-case (a-z, 0-9 and dashes)`,
});

/** A non-empty run of consecutive levels in LEVELS order: [SENIOR, STAFF], not [PM, STAFF]. */
export const levelsSchema = z
  .array(
    z.enum(LEVELS, {
      error: (issue) => `“${String(issue.input)}” is not a level; use ${LEVELS.join(', ')}`,
    }),
    requiredValue('a list'),
  )
  .superRefine((levels, context) => {
    if (levels.length === 0) {
      context.addIssue({ code: 'custom', message: 'must name at least one level' });
      return;
    }
    const positions = levels.map((level) => LEVELS.indexOf(level));
    // An unknown level already has its own message; judging the order too would only add noise.
    if (positions.includes(-1)) return;
    if (positions.some((position, i) => i > 0 && position !== (positions[i - 1] ?? 0) + 1)) {
      context.addIssue({
        code: 'custom',
        message: `must be consecutive levels in the order ${LEVELS.join(', ')}; got ${levels.join(', ')}`,
      });
    }
  });

/**
 * The fields every question has, wherever it comes from. Unknown keys are errors: they are typos.
 *
 * `rolePlayNotes` is the one optional field: directions for an interviewer who plays a part (the
 * hiring manager in a reverse interview, a hostile stakeholder), such as a fact to give away only
 * when asked well. Only the interviewer's brief shows them; a member practising alone never sees
 * them, so the hidden fact stays hidden. Follow-ups, by contrast, are questions anyone may read.
 */
export const questionFieldsSchema = z.strictObject(
  {
    id: kebabCaseSchema,
    topic: kebabCaseSchema,
    levels: levelsSchema,
    text: plainText(TEXT_LIMITS.text.min, TEXT_LIMITS.text.max),
    followUps: textList(TEXT_LIMITS.followUps, TEXT_LIMITS.followUp),
    rubricHints: textList(TEXT_LIMITS.rubricHints, TEXT_LIMITS.rubricHint),
    hint: plainText(TEXT_LIMITS.hint.min, TEXT_LIMITS.hint.max),
    rolePlayNotes: textList(TEXT_LIMITS.rolePlayNotes, TEXT_LIMITS.rolePlayNote).optional(),
  },
  {
    error:
      'must be a map with id, topic, levels, text, followUps, rubricHints and hint (and, optionally, rolePlayNotes)',
  },
);

export type QuestionFields = z.infer<typeof questionFieldsSchema>;

/** A validated question together with the interview type its file (or import row) declares. */
export interface BankQuestion extends QuestionFields {
  type: string;
}

function checkIdPrefix(
  id: unknown,
  type: unknown,
  prefixes: ReadonlyMap<string, string>,
  context: z.RefinementCtx,
  path: (string | number)[],
): void {
  if (typeof id !== 'string' || typeof type !== 'string') return;
  const prefix = prefixes.get(type);
  if (prefix && !(id.startsWith(prefix) && id.length > prefix.length)) {
    context.addIssue({
      code: 'custom',
      path,
      message: `“${id}” must start with “${prefix}” for type ${type}`,
    });
  }
}

/**
 * Schemas for a given set of interview types: the built-in six today, a workspace's own types
 * once organizers can add them (a later issue), without a second copy of the rules.
 */
export function createQuestionSchemas(types: readonly QuestionTypeRule[]) {
  const [first, ...rest] = types.map((type) => type.slug);
  if (first === undefined) throw new Error('createQuestionSchemas needs at least one interview type');
  const prefixes = new Map(types.map((type) => [type.slug, type.idPrefix]));
  const typeSchema = z.enum([first, ...rest], {
    error: (issue) =>
      issue.input === undefined
        ? 'is required'
        : `“${String(issue.input)}” is not an interview type; use one of ${[first, ...rest].join(', ')}`,
  });

  /** One question carrying its own type: a row of an organizer's CSV or YAML import. */
  const question = z
    .strictObject(
      { type: typeSchema, ...questionFieldsSchema.shape },
      {
        error:
          'must be a map with type, id, topic, levels, text, followUps, rubricHints and hint (and, optionally, rolePlayNotes)',
      },
    )
    .superRefine((row, context) => checkIdPrefix(row.id, row.type, prefixes, context, ['id']));

  /** A whole content/questions/<type>.yaml file. */
  const file = z
    .strictObject({
      type: typeSchema,
      questions: z
        .array(questionFieldsSchema, requiredValue('a list'))
        .min(1, { error: 'must not be empty' }),
    })
    .superRefine((data, context) => {
      // Zod runs this even when some questions failed (so one report lists every wrong prefix),
      // which means the data here may be only partly valid.
      const questions: unknown = data.questions;
      if (!Array.isArray(questions)) return;
      questions.forEach((item: unknown, index) => {
        const id = typeof item === 'object' && item !== null ? (item as { id?: unknown }).id : undefined;
        checkIdPrefix(id, data.type, prefixes, context, ['questions', index, 'id']);
      });
    });

  return { type: typeSchema, question, file };
}

export type QuestionSchemas = ReturnType<typeof createQuestionSchemas>;
export type QuestionFile = z.infer<QuestionSchemas['file']>;

export const builtInQuestionSchemas: QuestionSchemas = createQuestionSchemas(BUILT_IN_QUESTION_TYPES);
