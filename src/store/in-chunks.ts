/**
 * Splits rows into runs of at most `size`, in order: a write or read of thousands of rows becomes
 * one statement per run, each well within PostgreSQL's limit of bind parameters.
 */
export function* inChunks<T>(rows: readonly T[], size: number): Generator<T[]> {
  for (let start = 0; start < rows.length; start += size) yield rows.slice(start, start + size);
}
