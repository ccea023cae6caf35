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
 * most `maxGap` sentences on either side, at a cost of `gapCost` per skipped sentence plus the skipped
 * sentence's best anchor weight anywhere (its opportunity cost: a chain may step over unmatched sentences,
 * but not over sentences that are evidence of reuse elsewhere, as in a text whose sentences were shuffled).
 * Its score is the sum of its anchors' weights minus those costs. A rewrite shows up as a long, dense chain; two articles on the
 * same topic give scattered anchors whose chains stay below `minPassageScore`, and are dropped as
 * coincidences. One sentence rewritten as two, or two as one, are steps that stay on the same sentence on
 * one side. Later chains may not overlap or straddle earlier ones on either side, so passages never overlap.
 */
export function extractChains(anchors: readonly Anchor[], options: AlignOptions): Chain[] {
  let live = [...anchors].sort((a, b) => a.candidate - b.candidate || a.source - b.source);
  const costs = { source: skipCosts(anchors, 'source'), candidate: skipCosts(anchors, 'candidate') };
  const chains: Chain[] = [];
  while (live.length > 0) {
    const best = bestChain(live, chains, costs, options);
    if (!best || best.score < options.minPassageScore) break;
    chains.push(best);
    live = live.filter((a) => !inside(a.candidate, best.candidate) && !inside(a.source, best.source));
  }
  return chains;
}

function inside(i: number, span: SentenceSpan): boolean {
  return i >= span.first && i <= span.last;
}

/** True when a step from p to q jumps over a span already taken by a chain. */
function straddles(p: Anchor, q: Anchor, taken: readonly Chain[]): boolean {
  for (const c of taken) {
    if (p.candidate < c.candidate.first && q.candidate > c.candidate.last) return true;
    if (p.source < c.source.first && q.source > c.source.last) return true;
  }
  return false;
}

/** Prefix sums of each sentence's best anchor weight, so the cost of skipping any run is O(1). */
function skipCosts(anchors: readonly Anchor[], side: 'source' | 'candidate'): Float64Array {
  let n = 0;
  for (const a of anchors) n = Math.max(n, a[side] + 1);
  const best = new Float64Array(n);
  for (const a of anchors) best[a[side]] = Math.max(best[a[side]]!, a.weight);
  const prefix = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) prefix[i + 1] = prefix[i]! + best[i]!;
  return prefix;
}

/** Summed best weights of sentences strictly between `from` and `to`. */
function between(prefix: Float64Array, from: number, to: number): number {
  return to - from <= 1 ? 0 : prefix[to]! - prefix[from + 1]!;
}

function bestChain(
  anchors: readonly Anchor[],
  taken: readonly Chain[],
  costs: { source: Float64Array; candidate: Float64Array },
  options: AlignOptions,
): Chain | undefined {
  const reach = options.maxGap + 1;
  const score = new Float64Array(anchors.length);
  const previous = new Int32Array(anchors.length).fill(-1);
  let bestIndex = -1;
  for (let k = 0; k < anchors.length; k++) {
    const q = anchors[k]!;
    let bestHere = q.weight;
    // Anchors are sorted by candidate sentence, so predecessors within reach are just behind k.
    for (let p = k - 1; p >= 0; p--) {
      const a = anchors[p]!;
      const dc = q.candidate - a.candidate;
      if (dc > reach) break;
      const ds = q.source - a.source;
      if (ds < 0 || ds > reach || (dc === 0 && ds === 0)) continue;
      const skipped = Math.max(0, Math.max(dc, ds) - 1);
      const opportunity = between(costs.source, a.source, q.source) + between(costs.candidate, a.candidate, q.candidate);
      const s = score[p]! - options.gapCost * skipped - opportunity + q.weight;
      if (s > bestHere && !straddles(a, q, taken)) {
        bestHere = s;
        previous[k] = p;
      }
    }
    score[k] = bestHere;
    if (bestIndex < 0 || bestHere > score[bestIndex]!) bestIndex = k;
  }
  if (bestIndex < 0) return undefined;
  const chain: Anchor[] = [];
  for (let k = bestIndex; k >= 0; k = previous[k]!) chain.unshift(anchors[k]!);
  const sources = chain.map((a) => a.source);
  return {
    anchors: chain,
    score: score[bestIndex]!,
    candidate: { first: chain[0]!.candidate, last: chain[chain.length - 1]!.candidate },
    source: { first: Math.min(...sources), last: Math.max(...sources) },
  };
}
