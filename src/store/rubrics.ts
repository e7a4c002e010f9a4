import { loadRubrics } from '../domain/question-bank/load-bank.ts';
import type { RubricFile } from '../domain/question-bank/rubric-schema.ts';

/**
 * The rubrics in content/rubrics, read once per process (and only them, not the questions). They
 * are not in PostgreSQL (only questions are), and start-up has already refused an invalid bank, so
 * the first read succeeds.
 */
let rubrics: Promise<ReadonlyMap<string, RubricFile>> | undefined;

export function rubricFor(interviewType: string): Promise<RubricFile | undefined> {
  rubrics ??= loadRubrics().then(
    (files) => new Map(files.map((rubric) => [rubric.type, rubric])),
    (error: unknown) => {
      // Not cached: a passing file-system hiccup should not stick for the life of the process.
      rubrics = undefined;
      throw error;
    },
  );
  return rubrics.then((byType) => byType.get(interviewType));
}
