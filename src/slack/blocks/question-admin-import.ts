import type { KnownBlock, ModalView } from '@slack/types';
import { CSV_COLUMNS_HELP } from '../../domain/question-bank/csv-rows.ts';
import {
  IMPORT_MAX_CHARACTERS,
  type ImportRowResult,
  importRowName,
} from '../../domain/question-bank/question-import.ts';
import { TEXT_LIMITS } from '../../domain/question-bank/question-schema.ts';
import type { ImportOutcome } from '../../store/workspace-questions.ts';
import { escapeText } from './escape-text.ts';

/**
 * Importing questions by pasting a CSV or YAML file into a modal, and the per-row report that
 * replaces it. A paste rather than Slack's file_input: a file would need the files:read scope (a
 * new consent for every workspace) and a download from files.slack.com before the three-second
 * acknowledgement; a paste is read in place. Its cost is Slack's 3000-character cap on a text
 * input, which the hint states.
 */
export const QUESTION_IMPORT_MODAL = {
  callbackId: 'question-admin-import',
  block: 'question-import-text',
  actionId: 'value',
} as const;

/** Section blocks of problem rows shown before "and N more": the view stays far below 100 blocks. */
const MAX_PROBLEM_ROWS = 40;
const SECTION_TEXT_MAX = 3000;

function plain(text: string) {
  return { type: 'plain_text' as const, text };
}

function mrkdwn(text: string): KnownBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: clip(text, SECTION_TEXT_MAX) } };
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

const CSV_EXAMPLE = [
  'type,levels,text,followUp1,followUp2,rubricHint1,hint',
  'execution,SENIOR STAFF,"Weekly active teams fell 8% …","What would you check first?…","…","Segments before solving","…"',
].join('\n');

const YAML_EXAMPLE = [
  '- type: strategy',
  '  levels: [SENIOR, STAFF]',
  '  text: Should a grocery app launch its own brand …',
  '  followUps: [Who loses if it works? …, …]',
  '  rubricHints: [Names the trade-off]',
  '  hint: Start from the customer, then …',
].join('\n');

/** The bank's limits in a line, from the schema's own numbers. */
function limitsSummary(): string {
  const { text, followUps, rubricHints, hint } = TEXT_LIMITS;
  return `text ${text.min}–${text.max} characters, ${followUps.min}–${followUps.max} follow-ups, ${rubricHints.min}–${rubricHints.max} rubric hints, a hint of ${hint.min}–${hint.max} characters`;
}

/** The paste form, stacked on the list; `page` is the list's, refreshed after the import. */
export function questionImportModal({ page }: { page: number }): ModalView {
  return {
    type: 'modal',
    callback_id: QUESTION_IMPORT_MODAL.callbackId,
    private_metadata: JSON.stringify({ page }),
    title: plain('Import questions'),
    submit: plain('Import'),
    close: plain('Back'),
    blocks: [
      mrkdwn(
        `Paste questions as *CSV* (a header line, then one question per row; a text with a comma goes in double quotes) or as *YAML* (a list of questions, or a copy of a bank file with \`type:\` and \`questions:\`). Columns and fields: ${CSV_COLUMNS_HELP}. \`id\` and \`topic\` may be left out: an id is made from the text. Levels are PM, SENIOR, STAFF, DIRECTOR, one or several in a row.`,
      ),
      mrkdwn(`For example, CSV:\n\`\`\`${CSV_EXAMPLE}\`\`\`\nor YAML:\n\`\`\`${YAML_EXAMPLE}\`\`\``),
      {
        type: 'input',
        block_id: QUESTION_IMPORT_MODAL.block,
        label: plain('CSV or YAML'),
        hint: plain(
          `Slack takes at most ${IMPORT_MAX_CHARACTERS} characters here, about three or four questions: split a longer file and import each part. Each row is checked like the built-in bank (${limitsSummary()}); good rows are saved, the others reported. Importing the same rows again changes nothing.`,
        ),
        element: {
          type: 'plain_text_input',
          action_id: QUESTION_IMPORT_MODAL.actionId,
          multiline: true,
          max_length: IMPORT_MAX_CHARACTERS,
          placeholder: plain('type,levels,text,followUp1,followUp2,rubricHint1,hint'),
        },
      } as KnownBlock,
    ],
  };
}

export interface ImportReportInput {
  format: 'csv' | 'yaml';
  rows: readonly ImportRowResult[];
  /** What became of each row that was saved, by its id. */
  saved: ReadonlyMap<string, { outcome: ImportOutcome; retired: boolean }>;
}

const OUTCOME_WORDS: Record<ImportOutcome, string> = {
  created: 'added',
  updated: 'updated',
  unchanged: 'unchanged',
};

/** The report that replaces the paste form: how many were imported, then every row's problems. */
export function questionImportReport({ format, rows, saved }: ImportReportInput): ModalView {
  const good = rows.filter((row) => row.ok);
  const bad = rows.filter((row) => !row.ok);
  const count = (outcome: ImportOutcome) =>
    [...saved.values()].filter((each) => each.outcome === outcome).length;
  const unit = format === 'csv' ? 'row' : 'question';
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

  const summary = [
    `*Imported ${good.length} of ${plural(rows.length, unit)}*: ${count('created')} added, ${count('updated')} updated, ${count('unchanged')} unchanged.`,
    bad.length > 0
      ? `${plural(bad.length, unit)} ${bad.length === 1 ? 'has' : 'have'} problems and ${bad.length === 1 ? 'was' : 'were'} not imported. Fix them and import again: what is already imported will not change.`
      : 'Every row was imported.',
  ].join('\n');
  const blocks: KnownBlock[] = [mrkdwn(summary)];

  if (good.length > 0) {
    const lines = good.map((row) => {
      const id = row.ok ? row.question.id : '';
      const result = saved.get(id);
      const what = result ? OUTCOME_WORDS[result.outcome] : 'saved';
      const retired = result?.retired ? ' (retired: restore it in the list to use it)' : '';
      return `• ${capitalised(importRowName(row, format))}: \`${id}\` ${what}${retired}`;
    });
    blocks.push(mrkdwn(lines.join('\n')));
  }

  if (bad.length > 0) blocks.push({ type: 'divider' });
  for (const row of bad.slice(0, MAX_PROBLEM_ROWS)) {
    if (row.ok) continue;
    const name = [
      `*${capitalised(importRowName(row, format))}*`,
      row.id ? `\`${escapeText(clip(row.id, 80))}\`` : '',
      row.excerpt ? `“${escapeText(row.excerpt)}”` : '',
    ]
      .filter(Boolean)
      .join('  ·  ');
    const problems = row.problems.map(
      (problem) => `• ${problem.field ? `${escapeText(problem.field)}: ` : ''}${escapeText(problem.message)}`,
    );
    blocks.push(mrkdwn([name, ...problems].join('\n')));
  }
  if (bad.length > MAX_PROBLEM_ROWS) {
    blocks.push({
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: `…and ${bad.length - MAX_PROBLEM_ROWS} more ${unit}s with problems, not shown.`,
        },
      ],
    });
  }

  return {
    type: 'modal',
    callback_id: `${QUESTION_IMPORT_MODAL.callbackId}-report`,
    title: plain('Import report'),
    close: plain('Done'),
    blocks,
  };
}

function capitalised(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}
