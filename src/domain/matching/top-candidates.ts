/**
 * For every request, the best `capacity` partners seen so far: one small min-heap per request,
 * all in flat typed arrays, with the worst kept candidate at the root so a better one replaces it
 * in O(log k). Ties go to the lower partner index, so the result never depends on visit order.
 */
export class TopCandidates {
  readonly capacity: number;
  private readonly scores: Float64Array;
  private readonly partners: Int32Array;
  private readonly sizes: Int32Array;

  constructor(requestCount: number, capacity: number) {
    this.capacity = capacity;
    this.scores = new Float64Array(requestCount * capacity);
    this.partners = new Int32Array(requestCount * capacity);
    this.sizes = new Int32Array(requestCount);
  }

  /** The score a new candidate must beat to get in, or −Infinity while there is room. */
  threshold(request: number): number {
    return this.sizes[request]! < this.capacity
      ? Number.NEGATIVE_INFINITY
      : this.scores[request * this.capacity]!;
  }

  offer(request: number, partner: number, score: number): void {
    const base = request * this.capacity;
    const size = this.sizes[request]!;
    if (size < this.capacity) {
      this.sizes[request] = size + 1;
      this.siftUp(base, size, partner, score);
    } else if (this.worse(this.scores[base]!, this.partners[base]!, score, partner)) {
      this.siftDown(base, size, partner, score);
    }
  }

  partnersOf(request: number): Int32Array {
    const base = request * this.capacity;
    return this.partners.subarray(base, base + this.sizes[request]!);
  }

  /** Whether candidate (scoreA, partnerA) ranks below (scoreB, partnerB). */
  private worse(scoreA: number, partnerA: number, scoreB: number, partnerB: number): boolean {
    return scoreA < scoreB || (scoreA === scoreB && partnerA > partnerB);
  }

  private siftUp(base: number, at: number, partner: number, score: number): void {
    let i = at;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.worse(score, partner, this.scores[base + parent]!, this.partners[base + parent]!)) break;
      this.scores[base + i] = this.scores[base + parent]!;
      this.partners[base + i] = this.partners[base + parent]!;
      i = parent;
    }
    this.scores[base + i] = score;
    this.partners[base + i] = partner;
  }

  /** Replaces the root (the worst kept candidate) and restores heap order. */
  private siftDown(base: number, size: number, partner: number, score: number): void {
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= size) break;
      const right = child + 1;
      if (
        right < size &&
        this.worse(
          this.scores[base + right]!,
          this.partners[base + right]!,
          this.scores[base + child]!,
          this.partners[base + child]!,
        )
      ) {
        child = right;
      }
      if (!this.worse(this.scores[base + child]!, this.partners[base + child]!, score, partner)) break;
      this.scores[base + i] = this.scores[base + child]!;
      this.partners[base + i] = this.partners[base + child]!;
      i = child;
    }
    this.scores[base + i] = score;
    this.partners[base + i] = partner;
  }
}
