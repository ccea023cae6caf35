import { selectAnchors, type Anchor, type AnchorSet } from './anchors.js';
import { ChainSearch, type SkipCosts } from './chain-search.js';
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
 * A chain is a sequence of anchors moving forward in both documents (in the source it may step back up to
 * `maxReorder` sentences, over sentences shuffled inside a passage), each step skipping at
 * most `maxGap` sentences on either side (or jumping up to `maxSourceJump` source sentences, see options),
 * at a cost of `gapCost` per skipped sentence plus the skipped sentence's best anchor weight anywhere (its opportunity cost: a chain may step over unmatched sentences,
 * but not over sentences that are evidence of reuse elsewhere, as in a text whose sentences were shuffled; a
 * sentence whose best, non-copied anchor lies next to the step on the other side costs nothing: it is this
 * passage's, taken or passed out of order).
 * Its score is the sum of its anchors' weights minus those costs. A rewrite shows up as a long, dense chain; two articles on the
 * same topic give scattered anchors whose chains stay below `minPassageScore`, and are dropped as
 * coincidences. One sentence rewritten as two, or two as one, are steps that stay on the same sentence on
 * one side. Later chains may not overlap or straddle earlier ones on either side, so passages never overlap.
 * `anchors` must be in set order (by candidate, then source sentence), as `findAnchors` and `anchorSet` give them.
 * `taken` spans are out of the search from the start; `costs` are `chainCosts` of the same anchors.
 */
export function extractChains(
  anchors: AnchorSet,
  options: AlignOptions,
  taken: readonly { source: SentenceSpan; candidate: SentenceSpan }[] = [],
  costs: SkipCosts = chainCosts(anchors, options),
): Chain[] {
  let free = anchors;
  if (taken.length) {
    const takenSource = takenSentences(taken, (t) => t.source, costs.source.length - 1);
    const takenCandidate = takenSentences(taken, (t) => t.candidate, costs.candidate.length - 1);
    free = selectAnchors(anchors, (s, c) => !takenSource[s] && !takenCandidate[c]);
  }
  const dp = new ChainSearch(free, options, costs);
  for (const span of taken) dp.take(span);
  const chains: Chain[] = [];
  for (;;) {
    const best = dp.best();
    if (!best || best.score < options.minPassageScore) break;
    chains.push(best);
    dp.take(best);
  }
  return chains;
}

/**
 * What skipping sentences costs a chain, from every anchor of the pair (taken or not: a sentence that is evidence
 * of reuse stays costly to skip). The same for every search over one anchor set, so a caller searching twice
 * computes it once.
 */
export function chainCosts(anchors: AnchorSet, options: AlignOptions): SkipCosts {
  const sources = sentenceCount(anchors.source, anchors.length);
  const candidates = sentenceCount(anchors.candidate, anchors.length);
  return {
    source: skipCosts(anchors.source, sources, anchors),
    candidate: skipCosts(anchors.candidate, candidates, anchors),
    jump: skipCosts(anchors.source, sources, anchors, options.jumpTolerance),
    sourcePartner: bestPartners(anchors.source, sources, anchors.candidate, anchors, options.maxReorderSimilarity),
    candidatePartner: bestPartners(anchors.candidate, candidates, anchors.source, anchors, options.maxReorderSimilarity),
    sourceCopies: copiedSentences(anchors.source, sources, anchors, options.maxReorderSimilarity),
    ...bestCopies(anchors.candidate, candidates, anchors.source, anchors, options.maxReorderSimilarity, options.minCopyRun),
  };
}

/**
 * Each sentence's (on side `own`) best copy anchor (at least `copySimilarity`): its other side's sentence (-1:
 * none) and weight; only inside a run of at least `minRun` sentences copied in order (see `minCopyRun`).
 */
function bestCopies(own: Int32Array, n: number, other: Int32Array, anchors: AnchorSet, copySimilarity: number, minRun: number) {
  const copy = new Int32Array(n).fill(-1);
  const weight = new Float64Array(n);
  const copies = new Uint8Array(n);
  for (let k = 0; k < anchors.length; k++) {
    const i = own[k]!;
    if (anchors.similarity[k]! < copySimilarity) continue;
    copies[i] = Math.min(2, copies[i]! + 1);
    if (anchors.weight[k]! <= weight[i]!) continue;
    copy[i] = other[k]!;
    weight[i] = anchors.weight[k]!;
  }
  // A sentence copied from two places (repeated in the source) belongs to neither in particular.
  for (let i = 0; i < n; i++) if (copies[i]! > 1) copy[i] = -1;
  // Each copy's run length: counted forward, then handed back to the run's earlier sentences.
  const run = new Int32Array(n);
  for (let i = 0; i < n; i++) run[i] = copy[i]! < 0 ? 0 : i > 0 && copy[i - 1] === copy[i]! - 1 ? run[i - 1]! + 1 : 1;
  for (let i = n - 2; i >= 0; i--) if (run[i]! > 0 && copy[i + 1] === copy[i]! + 1) run[i] = run[i + 1]!;
  return { candidateCopy: copy.map((s, i) => (run[i]! >= minRun ? s : -1)), candidateCopyWeight: weight };
}

/** One flag per sentence of a side: inside one of the spans. */
function takenSentences<T>(spans: readonly T[], side: (span: T) => SentenceSpan, sentences: number): Uint8Array {
  const flags = new Uint8Array(sentences);
  for (const span of spans) flags.fill(1, side(span).first, side(span).last + 1);
  return flags;
}

/** Prefix sums of each sentence's best anchor weight (above `tolerance`), so the cost of skipping any run is O(1). */
function skipCosts(side: Int32Array, n: number, anchors: AnchorSet, tolerance = 0): Float64Array {
  const best = new Float64Array(n);
  for (let k = 0; k < anchors.length; k++) best[side[k]!] = Math.max(best[side[k]!]!, anchors.weight[k]!);
  const prefix = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) prefix[i + 1] = prefix[i]! + Math.max(0, best[i]! - tolerance);
  return prefix;
}

/** Prefix counts of the sentences (on `side`) copied somewhere: with an anchor at least `copySimilarity` similar. */
function copiedSentences(side: Int32Array, n: number, anchors: AnchorSet, copySimilarity: number): Int32Array {
  const copied = new Uint8Array(n);
  for (let k = 0; k < anchors.length; k++) if (anchors.similarity[k]! >= copySimilarity) copied[side[k]!] = 1;
  const prefix = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) prefix[i + 1] = prefix[i]! + copied[i]!;
  return prefix;
}

/**
 * Each sentence's (on side `own`) best anchor's sentence on the other side (the first best, in set order); -1 if
 * it has none, or if that anchor is a copy (at least `copySimilarity`): a copied sentence is a passage of its own.
 */
function bestPartners(own: Int32Array, n: number, other: Int32Array, anchors: AnchorSet, copySimilarity: number): Int32Array {
  const bestAnchor = new Int32Array(n).fill(-1);
  for (let k = 0; k < anchors.length; k++) {
    const b = bestAnchor[own[k]!]!;
    if (b < 0 || anchors.weight[k]! > anchors.weight[b]!) bestAnchor[own[k]!] = k;
  }
  return bestAnchor.map((k) => (k < 0 || anchors.similarity[k]! >= copySimilarity ? -1 : other[k]!));
}

function sentenceCount(side: Int32Array, length: number): number {
  let n = 0;
  for (let k = 0; k < length; k++) n = Math.max(n, side[k]! + 1);
  return n;
}

/** Distance in sentences between two spans: 0 when they touch or overlap. */
function distance(a: SentenceSpan, b: SentenceSpan): number {
  return Math.max(0, Math.max(a.first, b.first) - Math.min(a.last, b.last) - 1);
}

/**
 * Join chains that lie close together on both sides into one. The chain search leaves a passage in pieces
 * where a few sentences in it were rewritten past recognition (the gap costs more than the pieces gain), but
 * pieces of one passage are neighbours on both sides; PAN counts a passage found in pieces as worse than one
 * found whole. A join never swallows a third chain on either side. In the candidate the pieces are nearly
 * adjacent (`maxCandidateDistance`): the rewritten sentences between them are few, while a summary or a
 * reordering spreads their sources further apart; two copies pasted a few sentences apart are two passages.
 */
export function mergeChains(chains: readonly Chain[], maxDistance: number, maxCandidateDistance = maxDistance): Chain[] {
  return joinNeighbours(
    [...chains].sort((a, b) => a.candidate.first - b.candidate.first),
    (a, b) => distance(a.candidate, b.candidate) <= maxCandidateDistance && distance(a.source, b.source) <= maxDistance,
    joinChains,
  );
}

/** Two chains as one: their anchors, summed scores, and both spans' hull. */
export function joinChains(a: Chain, b: Chain): Chain {
  return { anchors: [...a.anchors, ...b.anchors], score: a.score + b.score, candidate: hull(a.candidate, b.candidate), source: hull(a.source, b.source) };
}

/** The smallest span holding both. */
export function hull(a: SentenceSpan, b: SentenceSpan): SentenceSpan {
  return { first: Math.min(a.first, b.first), last: Math.max(a.last, b.last) };
}

/**
 * Join neighbours in candidate order (`items` sorted by candidate start) while `canJoin` allows, repeatedly, so a
 * joined pair may join its next neighbour too. A join never swallows a third item's source span.
 */
export function joinNeighbours<T extends { source: SentenceSpan; candidate: SentenceSpan }>(
  items: readonly T[],
  canJoin: (a: T, b: T) => boolean,
  join: (a: T, b: T) => T,
): T[] {
  const out = [...items];
  for (let i = 0; i + 1 < out.length; ) {
    const a = out[i]!;
    const b = out[i + 1]!;
    const { first, last } = hull(a.source, b.source);
    const clear = out.every((c, k) => k === i || k === i + 1 || c.source.first > last || c.source.last < first);
    if (canJoin(a, b) && clear) out.splice(i, 2, join(a, b));
    else i++;
  }
  return out;
}
