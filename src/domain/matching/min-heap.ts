/**
 * A binary min-heap of (key, a, b) entries in growable typed arrays. The blossom algorithm keeps
 * its pending "this edge becomes tight at time t" events here; stale entries are left in place
 * and skipped when they surface (lazy deletion), which is cheaper than locating and removing them.
 */
export class MinHeap {
  private keys = new Float64Array(64);
  private first = new Int32Array(64);
  private second = new Int32Array(64);
  size = 0;

  push(key: number, a: number, b: number): void {
    if (this.size === this.keys.length) this.grow();
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.keys[parent]! <= key) break;
      this.move(parent, i);
      i = parent;
    }
    this.keys[i] = key;
    this.first[i] = a;
    this.second[i] = b;
  }

  get topKey(): number {
    return this.keys[0]!;
  }
  get topA(): number {
    return this.first[0]!;
  }
  get topB(): number {
    return this.second[0]!;
  }

  pop(): void {
    const last = --this.size;
    if (last <= 0) return;
    const key = this.keys[last]!;
    const a = this.first[last]!;
    const b = this.second[last]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= last) break;
      if (child + 1 < last && this.keys[child + 1]! < this.keys[child]!) child++;
      if (this.keys[child]! >= key) break;
      this.move(child, i);
      i = child;
    }
    this.keys[i] = key;
    this.first[i] = a;
    this.second[i] = b;
  }

  private move(from: number, to: number): void {
    this.keys[to] = this.keys[from]!;
    this.first[to] = this.first[from]!;
    this.second[to] = this.second[from]!;
  }

  private grow(): void {
    const keys = new Float64Array(this.keys.length * 2);
    const first = new Int32Array(this.keys.length * 2);
    const second = new Int32Array(this.keys.length * 2);
    keys.set(this.keys);
    first.set(this.first);
    second.set(this.second);
    this.keys = keys;
    this.first = first;
    this.second = second;
  }
}
