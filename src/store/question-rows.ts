import type { BankQuestion } from '../domain/question-bank/question-schema.ts';
import type { Question } from '../generated/prisma/client.ts';

/**
 * A bank question as a row's columns, and whether a row already holds exactly that: shared by the
 * built-in sync and the workspace import, so "nothing changed" means the same thing in both.
 */
export function contentOf(question: BankQuestion) {
  return {
    slug: question.id,
    type: question.type,
    topic: question.topic,
    levels: [...question.levels],
    text: question.text,
    followUps: [...question.followUps],
    rubricHints: [...question.rubricHints],
    hint: question.hint,
    rolePlayNotes: [...(question.rolePlayNotes ?? [])],
  };
}

export function sameContent(row: Question, content: ReturnType<typeof contentOf>): boolean {
  const sameList = (a: readonly string[], b: readonly string[]) =>
    a.length === b.length && a.every((item, i) => item === b[i]);
  return (
    row.type === content.type &&
    row.topic === content.topic &&
    row.text === content.text &&
    row.hint === content.hint &&
    sameList(row.levels, content.levels) &&
    sameList(row.followUps, content.followUps) &&
    sameList(row.rubricHints, content.rubricHints) &&
    sameList(row.rolePlayNotes, content.rolePlayNotes)
  );
}
