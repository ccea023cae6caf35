import { Lru } from './lru.js';

/**
 * The pool's queue of pending pairs, handed out with document affinity: each worker caches the documents it
 * analyzed, so a free worker gets, among the next few pending pairs, the one whose documents it already holds,
 * and avoids one whose documents another worker holds. Analysis costs about as much as alignment, and with
 * plain first-come dispatch two workers would each analyze most shared documents.
 *
 * The queue mirrors each worker's cache with an identical LRU, touched in the same order (candidate, then
 * source), so the mirror is exact as long as the worker succeeds; after a failure it is merely a good guess.
 */
export class AffinityQueue<T> {
  readonly #pending: T[];
  readonly #mirrors: Lru<string, true>[];

  constructor(
    items: readonly T[],
    private readonly keysOf: (item: T) => readonly string[],
    workers: number,
    private readonly cacheSize: number,
    /** How far down the queue to look: far enough to skip a run of pairs sharing one document. */
    private readonly lookahead = 64,
  ) {
    this.#pending = [...items];
    this.#mirrors = Array.from({ length: workers }, () => new Lru<string, true>(cacheSize));
  }

  get size(): number {
    return this.#pending.length;
  }

  /** The next item for `worker`, or undefined when the queue is empty. */
  take(worker: number): T | undefined {
    const mirror = this.#mirrors[worker];
    if (!mirror) throw new RangeError(`no worker ${worker}`);
    let best = -1;
    let bestScore = -Infinity;
    const window = Math.min(this.lookahead, this.#pending.length);
    for (let i = 0; i < window; i++) {
      const score = this.#score(worker, this.#pending[i]!);
      if (score > bestScore) {
        best = i;
        bestScore = score;
      }
    }
    if (best < 0) return undefined;
    const [item] = this.#pending.splice(best, 1) as [T];
    for (const key of this.keysOf(item)) mirror.set(key, true);
    return item;
  }

  /** A worker was replaced by a fresh one with an empty cache. */
  reset(worker: number): void {
    this.#mirrors[worker] = new Lru<string, true>(this.cacheSize);
  }

  #score(worker: number, item: T): number {
    let score = 0;
    for (const key of this.keysOf(item)) {
      if (this.#mirrors[worker]!.has(key)) score += 2;
      else if (this.#mirrors.some((m, w) => w !== worker && m.has(key))) score -= 1;
    }
    return score;
  }
}
