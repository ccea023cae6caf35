import { anchorAt, type Anchor, type AnchorSet } from './anchors.js';
import type { Chain, SentenceSpan } from './chain.js';
import { DirtySet, ScoreHeap } from './chain-queues.js';
import type { AlignOptions } from './options.js';
import { lowerBound } from '../util/sorted.js';

/** Prefix sums of the sentences' best anchor weights, per side (see `extractChains`). */
export interface SkipCosts {
  source: Float64Array;
  candidate: Float64Array;
  jump: Float64Array;
  /** Each sentence's best non-copied anchor's sentence on the other side (-1: none): where its evidence of reuse lies. */
  sourcePartner: Int32Array;
  candidatePartner: Int32Array;
  /** Prefix counts of the source sentences copied somewhere (an anchor at least `maxReorderSimilarity`). */
  sourceCopies: Int32Array;
  /** Each candidate sentence's best copy anchor (at least `maxReorderSimilarity`), if inside a run copied in order: its source sentence (-1: none) and weight. */
  candidateCopy: Int32Array;
  candidateCopyWeight: Float64Array;
}

/**
 * The chaining dynamic programme over anchors in set order (by candidate sentence), kept up to date as
 * chains are taken, at a cost proportional to what a chain changes rather than to the number of anchors.
 *
 * Taking a chain only removes options (its anchors, and steps that straddle it), so scores only fall, and an
 * anchor whose best predecessor is alive, unchanged, and not straddling the new chain keeps its score and
 * its predecessor exactly (the others it could pick were no better before and are no better now). So only
 * the anchors whose predecessor died or changed, or whose last step straddles the new chain, are
 * recomputed, in anchor order (a predecessor always comes first): the result equals recomputing every anchor
 * after every chain. They are found without scanning all anchors: each anchor lists its successors (the
 * anchors whose best predecessor it is), and a step straddling the new chain ends within `maxGap + 1`
 * candidate sentences after it, or within max(`maxGap + 1`, `maxSourceJump`) source sentences after it (or,
 * stepping back, within `maxReorder` source sentences before it).
 * The best chain comes from a heap of scores, stale entries dropped when they surface.
 */
export class ChainSearch {
  private readonly alive: Uint8Array;
  private readonly score: Float64Array;
  private readonly previous: Int32Array;
  /** Successor lists: anchors whose best predecessor is k, doubly linked (first, next, back). */
  private readonly firstSuccessor: Int32Array;
  private readonly nextSuccessor: Int32Array;
  private readonly backSuccessor: Int32Array;
  /** The anchors of candidate sentence c are [candidateStart[c], candidateStart[c + 1]). */
  private readonly candidateStart: Int32Array;
  /** The anchors of source sentence s are bySource[sourceStart[s] .. sourceStart[s + 1]). */
  private readonly sourceStart: Int32Array;
  private readonly bySource: Int32Array;
  /** Sentences inside a taken chain's span, per side. */
  private readonly takenCandidate: Uint8Array;
  private readonly takenSource: Uint8Array;
  private anyTaken = false;
  private readonly heap = new ScoreHeap();
  private readonly dirty: DirtySet;
  private readonly reach: number;

  constructor(
    private readonly anchors: AnchorSet,
    private readonly options: AlignOptions,
    private readonly costs: SkipCosts,
  ) {
    const n = anchors.length;
    this.reach = options.maxGap + 1;
    this.alive = new Uint8Array(n).fill(1);
    this.score = new Float64Array(n);
    this.previous = new Int32Array(n).fill(-1);
    this.firstSuccessor = new Int32Array(n).fill(-1);
    this.nextSuccessor = new Int32Array(n).fill(-1);
    this.backSuccessor = new Int32Array(n).fill(-1);
    const candidates = costs.candidate.length - 1;
    const sources = costs.source.length - 1;
    this.candidateStart = new Int32Array(candidates + 2);
    for (let k = 0; k < n; k++) this.candidateStart[anchors.candidate[k]! + 1]!++;
    for (let c = 0; c <= candidates; c++) this.candidateStart[c + 1]! += this.candidateStart[c]!;
    this.sourceStart = new Int32Array(sources + 2);
    for (let k = 0; k < n; k++) this.sourceStart[anchors.source[k]! + 1]!++;
    for (let s = 0; s <= sources; s++) this.sourceStart[s + 1]! += this.sourceStart[s]!;
    this.bySource = new Int32Array(n);
    const fill = this.sourceStart.slice();
    for (let k = 0; k < n; k++) this.bySource[fill[anchors.source[k]!]!++] = k;
    this.takenCandidate = new Uint8Array(candidates + 1);
    this.takenSource = new Uint8Array(sources + 1);
    this.dirty = new DirtySet(n);
    for (let k = 0; k < n; k++) {
      this.relax(k);
      this.heap.push(this.score[k]!, k);
    }
  }

  /** The best-scoring chain among the live anchors (the first best, in anchor order), or undefined. */
  best(): Chain | undefined {
    const { heap, alive, score, previous, anchors } = this;
    let bestIndex = -1;
    while (heap.size > 0) {
      const k = heap.topIndex();
      if (alive[k] && score[k] === heap.topScore()) {
        bestIndex = k;
        break;
      }
      heap.pop();
    }
    if (bestIndex < 0) return undefined;
    const chain: Anchor[] = [];
    for (let k = bestIndex; k >= 0; k = previous[k]!) chain.push(anchorAt(anchors, k));
    chain.reverse();
    let first = Infinity;
    let last = -Infinity;
    for (const a of chain) [first, last] = [Math.min(first, a.source), Math.max(last, a.source)];
    return {
      anchors: chain,
      score: score[bestIndex]!,
      candidate: { first: chain[0]!.candidate, last: chain[chain.length - 1]!.candidate },
      source: { first, last },
    };
  }

  /** Take a chain: its spans leave the search on both sides, and later steps may not straddle it. */
  take(chain: { source: SentenceSpan; candidate: SentenceSpan }): void {
    const { anchors, alive, previous, candidateStart, sourceStart, bySource, reach } = this;
    const dirty = this.dirty;
    this.anyTaken = true;
    this.takenCandidate.fill(1, chain.candidate.first, chain.candidate.last + 1);
    this.takenSource.fill(1, chain.source.first, chain.source.last + 1);
    const kill = (k: number) => {
      if (!alive[k]) return;
      alive[k] = 0;
      this.detach(k);
      for (let j = this.firstSuccessor[k]!; j >= 0; j = this.nextSuccessor[j]!) dirty.add(j);
    };
    for (let k = candidateStart[chain.candidate.first]!; k < candidateStart[chain.candidate.last + 1]!; k++) kill(k);
    for (let i = sourceStart[chain.source.first]!; i < sourceStart[chain.source.last + 1]!; i++) kill(bySource[i]!);
    // Steps that straddle the new chain end just after it, on the side they straddle.
    const straddles = (k: number) => {
      const p = previous[k]!;
      if (!alive[k] || p < 0 || !alive[p]) return;
      const candidateSide = anchors.candidate[p]! < chain.candidate.first && anchors.candidate[k]! > chain.candidate.last;
      const [low, high] = [Math.min(anchors.source[p]!, anchors.source[k]!), Math.max(anchors.source[p]!, anchors.source[k]!)];
      const sourceSide = low < chain.source.first && high > chain.source.last;
      if (candidateSide || sourceSide) dirty.add(k);
    };
    const candidateEnd = Math.min(chain.candidate.last + reach + 1, candidateStart.length - 1);
    for (let k = candidateStart[chain.candidate.last + 1]!; k < candidateStart[candidateEnd]!; k++) straddles(k);
    const sourceEnd = Math.min(chain.source.last + Math.max(reach, this.options.maxSourceJump) + 1, sourceStart.length - 1);
    for (let i = sourceStart[chain.source.last + 1]!; i < sourceStart[sourceEnd]!; i++) straddles(bySource[i]!);
    // ... or, stepping back in the source, just before it.
    const sourceBack = Math.max(0, chain.source.first - this.options.maxReorder);
    for (let i = sourceStart[sourceBack]!; i < sourceStart[chain.source.first]!; i++) straddles(bySource[i]!);

    // Successors come after their predecessor in anchor order, so each is recomputed after its predecessor is final.
    for (let k = dirty.pop(); k >= 0; k = dirty.pop()) {
      if (!alive[k]) continue;
      const [before, from] = [this.score[k], previous[k]];
      this.detach(k);
      this.relax(k);
      if (this.score[k] !== before || previous[k] !== from) {
        if (this.score[k] !== before) this.heap.push(this.score[k]!, k);
        for (let j = this.firstSuccessor[k]!; j >= 0; j = this.nextSuccessor[j]!) dirty.add(j);
      }
    }
  }

  /** The best score of a chain ending at anchor k, over its live predecessors within reach; links k as its successor. */
  private relax(k: number): void {
    const { anchors, alive, score, previous, options, costs, reach } = this;
    const qc = anchors.candidate[k]!;
    const qs = anchors.source[k]!;
    let weight = anchors.weight[k]!;
    // A sentence copied from elsewhere in the source, taken here through a weak anchor, forgoes its copy: the
    // chain pays what it gives up, so it cannot drift through a copied passage over weak anchors for free.
    const copyAt = costs.candidateCopy[qc]!;
    if (copyAt >= 0 && anchors.similarity[k]! < options.maxReorderSimilarity && Math.abs(copyAt - qs) > reach) {
      weight -= costs.candidateCopyWeight[qc]! - weight;
    }
    let bestHere = weight;
    let from = -1;
    // Predecessors lie at most `reach` candidate sentences back, and at most `reach` source sentences back
    // (`maxSourceJump` from the same or the previous candidate sentence) or `maxReorder` ahead (a step back). Anchors are sorted by candidate, then
    // source, so each candidate sentence's predecessors are one run of indices, found by binary search and
    // visited in descending index order, as a scan back from k would meet them.
    const farJump = Math.max(reach, options.maxSourceJump);
    for (let pc = qc; pc >= 0 && qc - pc <= reach; pc--) {
      const dc = qc - pc;
      const groupStart = this.candidateStart[pc]!;
      const groupEnd = pc === qc ? k : this.candidateStart[pc + 1]!;
      const lo = lowerBound(anchors.source, qs - (dc <= 1 ? farJump : reach), groupStart, groupEnd);
      const hi = lowerBound(anchors.source, qs + (dc === 0 ? 1 : options.maxReorder + 1), lo, groupEnd);
      for (let p = hi - 1; p >= lo; p--) {
        if (!alive[p]) continue;
        const ps = anchors.source[p]!;
        let ds = qs - ps;
        if (dc === 0 && ds === 0) continue;
        // A step back in the source: sentences shuffled inside a passage. It skips like a step forward. Two
        // sentences both copied word for word are not joined so: each is a passage of its own, with its own
        // exact source span (joined, the span would hide their neighbours' sources).
        const back = ds < 0;
        if (back && Math.min(anchors.similarity[p]!, anchors.similarity[k]!) >= options.maxReorderSimilarity) continue;
        ds = Math.abs(ds);
        // A jump: far ahead in the source while dense in the candidate, as a summary reads its source.
        const jump = ds > reach;
        if (jump && (dc > 1 || ds > options.maxSourceJump)) continue;
        const skipped = Math.max(0, Math.max(dc, Math.min(ds, reach)) - 1);
        const [low, high] = back ? [qs, ps] : [ps, qs];
        // A summary may pass over source sentences weakly related to it, never over one copied somewhere: the jump
        // would claim it, and the copy taken from it would be lost.
        if (jump && costs.sourceCopies[high]! - costs.sourceCopies[low + 1]! > 0) continue;
        // Stepping back passes over no evidence of reuse elsewhere: the sentences between are the shuffled
        // passage's own, which the chain may still take.
        const sourceCost = back ? 0 : jump ? options.jumpCost + between(costs.jump, low, high) : this.skipCost(costs.source, costs.sourcePartner, low, high, pc, qc);
        const opportunity = sourceCost + this.skipCost(costs.candidate, costs.candidatePartner, pc, qc, low, high);
        const s = score[p]! - options.gapCost * skipped - opportunity + weight;
        if (s > bestHere && !this.straddlesTaken(pc, qc, low, high)) {
          bestHere = s;
          from = p;
        }
      }
    }
    score[k] = bestHere;
    previous[k] = from;
    if (from >= 0) {
      const head = this.firstSuccessor[from]!;
      this.nextSuccessor[k] = head;
      this.backSuccessor[k] = -1;
      if (head >= 0) this.backSuccessor[head] = k;
      this.firstSuccessor[from] = k;
    }
  }

  /**
   * The opportunity cost of a short step over the sentences strictly between `from` and `to` on one side, while
   * the other side goes from `otherFrom` to `otherTo`: the skipped sentences' best anchor weights (`prefix`), but
   * for those whose best non-copied anchor (`partner`) lies within `maxGap + 1` of the step on the other side:
   * a sentence shuffled inside the passage, which the chain took or passed by a step back, is evidence of this
   * reuse, not of reuse elsewhere. Steps are short, so this loops over at most `maxGap` sentences.
   */
  private skipCost(prefix: Float64Array, partner: Int32Array, from: number, to: number, otherFrom: number, otherTo: number): number {
    const { reach } = this;
    let cost = 0;
    for (let i = from + 1; i < to; i++) {
      const p = partner[i]!;
      if (p >= 0 && p >= otherFrom - reach && p <= otherTo + reach) continue;
      cost += prefix[i + 1]! - prefix[i]!;
    }
    return cost;
  }

  /**
   * True when the step from (pc, ps) to (qc, qs) jumps over a taken chain. Both ends are live anchors, so
   * outside every taken span, and a span lies wholly between them exactly when one of its sentences does.
   */
  private straddlesTaken(pc: number, qc: number, ps: number, qs: number): boolean {
    if (!this.anyTaken) return false;
    for (let c = pc + 1; c < qc; c++) if (this.takenCandidate[c]) return true;
    for (let s = ps + 1; s < qs; s++) if (this.takenSource[s]) return true;
    return false;
  }

  /** Unlink k from its predecessor's successor list. */
  private detach(k: number): void {
    const p = this.previous[k]!;
    if (p < 0) return;
    const next = this.nextSuccessor[k]!;
    const back = this.backSuccessor[k]!;
    if (back >= 0) this.nextSuccessor[back] = next;
    else this.firstSuccessor[p] = next;
    if (next >= 0) this.backSuccessor[next] = back;
    this.nextSuccessor[k] = -1;
    this.backSuccessor[k] = -1;
  }
}

/** Summed best weights of sentences strictly between `from` and `to`. */
function between(prefix: Float64Array, from: number, to: number): number {
  return to - from <= 1 ? 0 : prefix[to]! - prefix[from + 1]!;
}
