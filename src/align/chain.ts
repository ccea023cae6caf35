import type { Anchor } from './anchors.js';
import type { AlignOptions } from './options.js';

/** Inclusive range of sentence indices. */
export interface SentenceSpan {
  first: number;
  last: number;
}

/** A chain of anchors that runs forward through both documents: the skeleton of one passage. */
export interface Chain {
  anchors: Anchor[];
  score: number;
  source: SentenceSpan;
  candidate: SentenceSpan;
}

/**
 * Extract chains, best first, the way local alignment extracts hits from a dot plot.
 *
 * A chain is a sequence of anchors moving forward (never backward) in both documents, each step skipping at
 * most `maxGap` sentences on either side (or jumping up to `maxSourceJump` source sentences, see options),
 * at a cost of `gapCost` per skipped sentence plus the skipped sentence's best anchor weight anywhere (its opportunity cost: a chain may step over unmatched sentences,
 * but not over sentences that are evidence of reuse elsewhere, as in a text whose sentences were shuffled).
 * Its score is the sum of its anchors' weights minus those costs. A rewrite shows up as a long, dense chain; two articles on the
 * same topic give scattered anchors whose chains stay below `minPassageScore`, and are dropped as
 * coincidences. One sentence rewritten as two, or two as one, are steps that stay on the same sentence on
 * one side. Later chains may not overlap or straddle earlier ones on either side, so passages never overlap.
 */
export function extractChains(anchors: readonly Anchor[], options: AlignOptions): Chain[] {
  const sorted = [...anchors].sort((a, b) => a.candidate - b.candidate || a.source - b.source);
  const dp = new ChainSearch(sorted, options, {
    source: skipCosts(anchors, 'source'),
    candidate: skipCosts(anchors, 'candidate'),
    jump: skipCosts(anchors, 'source', options.jumpTolerance),
  });
  const chains: Chain[] = [];
  for (;;) {
    const best = dp.best();
    if (!best || best.score < options.minPassageScore) break;
    chains.push(best);
    dp.take(best);
  }
  return chains;
}

function inside(i: number, span: SentenceSpan): boolean {
  return i >= span.first && i <= span.last;
}

/** True when a step from p to q jumps over a span already taken by chain c. */
function straddlesChain(p: Anchor, q: Anchor, c: Chain): boolean {
  return (p.candidate < c.candidate.first && q.candidate > c.candidate.last) || (p.source < c.source.first && q.source > c.source.last);
}

/** Prefix sums of each sentence's best anchor weight (above `tolerance`), so the cost of skipping any run is O(1). */
function skipCosts(anchors: readonly Anchor[], side: 'source' | 'candidate', tolerance = 0): Float64Array {
  let n = 0;
  for (const a of anchors) n = Math.max(n, a[side] + 1);
  const best = new Float64Array(n);
  for (const a of anchors) best[a[side]] = Math.max(best[a[side]]!, a.weight);
  const prefix = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) prefix[i + 1] = prefix[i]! + Math.max(0, best[i]! - tolerance);
  return prefix;
}

/** Summed best weights of sentences strictly between `from` and `to`. */
function between(prefix: Float64Array, from: number, to: number): number {
  return to - from <= 1 ? 0 : prefix[to]! - prefix[from + 1]!;
}

/**
 * The chaining dynamic programme over anchors sorted by candidate sentence, kept up to date as chains are
 * taken. Taking a chain only removes options (its anchors, and steps that straddle it), so scores only fall,
 * and an anchor whose best predecessor is untouched and whose last step does not straddle the new chain keeps
 * its score exactly. Only the others are recomputed: the result equals recomputing everything after every
 * chain, which made the search quadratic in chains × anchors (70 s of a 1 MB pair with 1,300 passages).
 */
class ChainSearch {
  private readonly alive: Uint8Array;
  private readonly score: Float64Array;
  private readonly previous: Int32Array;
  private readonly taken: Chain[] = [];

  constructor(
    private readonly anchors: readonly Anchor[],
    private readonly options: AlignOptions,
    private readonly costs: { source: Float64Array; candidate: Float64Array; jump: Float64Array },
  ) {
    const n = anchors.length;
    this.alive = new Uint8Array(n).fill(1);
    this.score = new Float64Array(n);
    this.previous = new Int32Array(n).fill(-1);
    for (let k = 0; k < n; k++) this.relax(k);
  }

  /** The best-scoring chain among the live anchors (the first best, in anchor order), or undefined. */
  best(): Chain | undefined {
    let bestIndex = -1;
    for (let k = 0; k < this.anchors.length; k++) {
      if (this.alive[k] && (bestIndex < 0 || this.score[k]! > this.score[bestIndex]!)) bestIndex = k;
    }
    if (bestIndex < 0) return undefined;
    const chain: Anchor[] = [];
    for (let k = bestIndex; k >= 0; k = this.previous[k]!) chain.unshift(this.anchors[k]!);
    const sources = chain.map((a) => a.source);
    return {
      anchors: chain,
      score: this.score[bestIndex]!,
      candidate: { first: chain[0]!.candidate, last: chain[chain.length - 1]!.candidate },
      source: { first: Math.min(...sources), last: Math.max(...sources) },
    };
  }

  /** Take a chain: its spans leave the search on both sides, and later steps may not straddle it. */
  take(chain: Chain): void {
    this.taken.push(chain);
    const { anchors, alive, score, previous } = this;
    for (let k = 0; k < anchors.length; k++) {
      if (alive[k] && (inside(anchors[k]!.candidate, chain.candidate) || inside(anchors[k]!.source, chain.source))) alive[k] = 0;
    }
    // In candidate order every predecessor is final before its successors are looked at.
    const changed = new Uint8Array(anchors.length);
    for (let k = 0; k < anchors.length; k++) {
      if (!alive[k]) continue;
      const p = previous[k]!;
      if (p < 0 || (alive[p] && !changed[p] && !straddlesChain(anchors[p]!, anchors[k]!, chain))) continue;
      const [before, from] = [score[k], p];
      this.relax(k);
      if (score[k] !== before || previous[k] !== from) changed[k] = 1;
    }
  }

  /** The best score of a chain ending at anchor k, over its live predecessors within reach. */
  private relax(k: number): void {
    const { anchors, alive, score, previous, options, costs } = this;
    const reach = options.maxGap + 1;
    const q = anchors[k]!;
    let bestHere = q.weight;
    let from = -1;
    // Anchors are sorted by candidate sentence, so predecessors within reach are just behind k.
    for (let p = k - 1; p >= 0; p--) {
      const a = anchors[p]!;
      const dc = q.candidate - a.candidate;
      if (dc > reach) break;
      if (!alive[p]) continue;
      const ds = q.source - a.source;
      if (ds < 0 || (dc === 0 && ds === 0)) continue;
      // A jump: far ahead in the source while dense in the candidate, as a summary reads its source.
      const jump = ds > reach;
      if (jump && (dc > 1 || ds > options.maxSourceJump)) continue;
      const skipped = Math.max(0, Math.max(dc, Math.min(ds, reach)) - 1);
      const sourceCost = jump ? options.jumpCost + between(costs.jump, a.source, q.source) : between(costs.source, a.source, q.source);
      const opportunity = sourceCost + between(costs.candidate, a.candidate, q.candidate);
      const s = score[p]! - options.gapCost * skipped - opportunity + q.weight;
      if (s > bestHere && !this.taken.some((c) => straddlesChain(a, q, c))) {
        bestHere = s;
        from = p;
      }
    }
    score[k] = bestHere;
    previous[k] = from;
  }
}

/** Distance in sentences between two spans: 0 when they touch or overlap. */
function distance(a: SentenceSpan, b: SentenceSpan): number {
  return Math.max(0, Math.max(a.first, b.first) - Math.min(a.last, b.last) - 1);
}

/**
 * Join chains that lie close together on both sides into one. The chain search leaves a passage in pieces
 * where a few sentences in it were rewritten past recognition (the gap costs more than the pieces gain), but
 * pieces of one passage are neighbours on both sides; PAN counts a passage found in pieces as worse than one
 * found whole. A join never swallows a third chain on either side.
 */
export function mergeChains(chains: readonly Chain[], maxDistance: number): Chain[] {
  const out = [...chains].sort((a, b) => a.candidate.first - b.candidate.first);
  for (let i = 0; i + 1 < out.length; ) {
    const a = out[i]!;
    const b = out[i + 1]!;
    const merged: Chain = {
      anchors: [...a.anchors, ...b.anchors],
      score: a.score + b.score,
      candidate: { first: a.candidate.first, last: Math.max(a.candidate.last, b.candidate.last) },
      source: { first: Math.min(a.source.first, b.source.first), last: Math.max(a.source.last, b.source.last) },
    };
    const near = distance(a.candidate, b.candidate) <= maxDistance && distance(a.source, b.source) <= maxDistance;
    const clear = out.every((c, k) => k === i || k === i + 1 || c.source.first > merged.source.last || c.source.last < merged.source.first);
    if (near && clear) out.splice(i, 2, merged);
    else i++;
  }
  return out;
}
