import { loadBank } from '../domain/question-bank/load-bank.ts';
import type { RubricFile } from '../domain/question-bank/rubric-schema.ts';

/**
 * The rubrics in content/rubrics, read once per process. They are not in PostgreSQL (only
 * questions are), and start-up has already refused an invalid bank, so the first read succeeds.
 */
let rubrics: Promise<ReadonlyMap<string, RubricFile>> | undefined;

export function rubricFor(interviewType: string): Promise<RubricFile | undefined> {
  rubrics ??= loadBank().then(
    (bank) => new Map(bank.rubrics.map((rubric) => [rubric.type, rubric])),
    (error: unknown) => {
      // Not cached: a passing file-system hiccup should not stick for the life of the process.
      rubrics = undefined;
      throw error;
    },
  );
  return rubrics.then((byType) => byType.get(interviewType));
}
