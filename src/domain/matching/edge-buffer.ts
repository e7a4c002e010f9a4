import type { EdgeList } from './blossom-state.ts';
import { scoreToWeight } from './score-pair.ts';

/**
 * A growable edge list in typed arrays: the unsparsified graph of a large pool has millions of
 * edges, which as JavaScript tuples would cost hundreds of megabytes.
 */
export class EdgeBuffer {
  private from = new Int32Array(1024);
  private to = new Int32Array(1024);
  private weight = new Float64Array(1024);
  private count = 0;

  constructor(private readonly resolution: number) {}

  push(i: number, j: number, score: number): void {
    if (this.count === this.from.length) this.grow();
    this.from[this.count] = i;
    this.to[this.count] = j;
    this.weight[this.count] = scoreToWeight(score, this.resolution);
    this.count++;
  }

  toEdgeList(): EdgeList {
    const { count } = this;
    return {
      count,
      from: this.from.slice(0, count),
      to: this.to.slice(0, count),
      weight: this.weight.slice(0, count),
    };
  }

  private grow(): void {
    const size = this.from.length * 2;
    const from = new Int32Array(size);
    const to = new Int32Array(size);
    const weight = new Float64Array(size);
    from.set(this.from);
    to.set(this.to);
    weight.set(this.weight);
    this.from = from;
    this.to = to;
    this.weight = weight;
  }
}
