/** The priority queues of the chain search (chain-search.ts), over typed arrays: millions of anchors pass through them. */

/** Max-heap of (score, anchor index): higher score first, then lower index ("first best in anchor order"). */
export class ScoreHeap {
  private scores = new Float64Array(1024);
  private indices = new Int32Array(1024);
  size = 0;

  topScore(): number {
    return this.scores[0]!;
  }

  topIndex(): number {
    return this.indices[0]!;
  }

  push(score: number, index: number): void {
    if (this.size === this.scores.length) {
      const scores = new Float64Array(this.size * 2);
      const indices = new Int32Array(this.size * 2);
      scores.set(this.scores);
      indices.set(this.indices);
      [this.scores, this.indices] = [scores, indices];
    }
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!above(score, index, this.scores[parent]!, this.indices[parent]!)) break;
      this.scores[i] = this.scores[parent]!;
      this.indices[i] = this.indices[parent]!;
      i = parent;
    }
    this.scores[i] = score;
    this.indices[i] = index;
  }

  pop(): void {
    const n = --this.size;
    const score = this.scores[n]!;
    const index = this.indices[n]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      if (child + 1 < n && above(this.scores[child + 1]!, this.indices[child + 1]!, this.scores[child]!, this.indices[child]!)) child++;
      if (!above(this.scores[child]!, this.indices[child]!, score, index)) break;
      this.scores[i] = this.scores[child]!;
      this.indices[i] = this.indices[child]!;
      i = child;
    }
    this.scores[i] = score;
    this.indices[i] = index;
  }
}

function above(score: number, index: number, otherScore: number, otherIndex: number): boolean {
  return score > otherScore || (score === otherScore && index < otherIndex);
}

/** Anchor indices waiting to be recomputed, smallest first, each at most once. */
export class DirtySet {
  private readonly queued: Uint8Array;
  private heap = new Int32Array(256);
  private size = 0;

  constructor(n: number) {
    this.queued = new Uint8Array(n);
  }

  add(k: number): void {
    if (this.queued[k]) return;
    this.queued[k] = 1;
    if (this.size === this.heap.length) {
      const grown = new Int32Array(this.size * 2);
      grown.set(this.heap);
      this.heap = grown;
    }
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.heap[parent]! <= k) break;
      this.heap[i] = this.heap[parent]!;
      i = parent;
    }
    this.heap[i] = k;
  }

  /** The smallest queued index (no longer queued), or -1. */
  pop(): number {
    if (this.size === 0) return -1;
    const top = this.heap[0]!;
    this.queued[top] = 0;
    const n = --this.size;
    const last = this.heap[n]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      if (child + 1 < n && this.heap[child + 1]! < this.heap[child]!) child++;
      if (this.heap[child]! >= last) break;
      this.heap[i] = this.heap[child]!;
      i = child;
    }
    this.heap[i] = last;
    return top;
  }
}
