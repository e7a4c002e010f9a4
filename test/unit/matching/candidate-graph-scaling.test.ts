import { describe, expect, it } from 'vitest';
import { generatePool } from '../../../bench/matching-pool-generator.ts';
import { buildCandidateGraph } from '../../../src/domain/matching/build-candidate-graph.ts';
import { rulesFor } from './request-fixtures.ts';

/** Candidates the shortlist search looks at per request, on a generated pool of `size`. */
function visitsPerRequest(size: number): number {
  const pool = generatePool(size, 11);
  const graph = buildCandidateGraph(pool.requests, pool.context, rulesFor(pool.context));
  return graph.pairsVisited / size;
}

describe('the candidate graph at scale', () => {
  // Counts, not time: searching whole (type, level, zone) groups looked at three times as many
  // candidates per request at 16,000 as at 4,000; the windowed search looks at about as many.
  it('looks at about as many candidates per request at 16,000 requests as at 4,000', () => {
    const small = visitsPerRequest(4_000);
    const large = visitsPerRequest(16_000);
    expect(large / small).toBeLessThan(1.3);
  });
});
