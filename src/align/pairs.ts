import type { Chain, SentenceSpan } from './chain.js';
import type { SentenceFeatures } from './features.js';
import type { AlignOptions } from './options.js';
import { sparseCosine, type SparseVector } from './similarity.js';

/** A sentence-level alignment inside a passage, in sentence indices (inclusive spans). */
export interface SentencePairIndex {
  candidate: number;
  sourceFirst: number;
  sourceLast: number;
  similarity: number;
}

/** Sentence i's tf-idf vector. */
export function sentenceVector(f: SentenceFeatures, i: number): SparseVector {
  return { ids: f.termId, weights: f.weight, from: f.termStart[i]!, to: f.termStart[i + 1]!, norm: f.norm[i]! };
}

/** The tf-idf vector of consecutive sentences `first`..`last` (two by default) rewritten as one: their term counts merged, as `mergeCounts` and `weigh` do. */
export function mergedVector(f: SentenceFeatures, first: number, idf: Float64Array, last = first + 1): SparseVector {
  const ids: number[] = [];
  const counts: number[] = [];
  for (let k = f.termStart[first]!; k < f.termStart[last + 1]!; k++) {
    const id = f.termId[k]!;
    const at = ids.indexOf(id);
    if (at >= 0) counts[at]! += f.termCount[k]!;
    else {
      ids.push(id);
      counts.push(f.termCount[k]!);
    }
  }
  let sq = 0;
  const weights = counts.map((c, k) => {
    const w = (1 + Math.log(c)) * idf[ids[k]!]!;
    sq += w * w;
    return w;
  });
  return { ids, weights, from: 0, to: ids.length, norm: Math.sqrt(sq) };
}

/** Term occurrences in sentences `first`..`last`. */
function termTotal(f: SentenceFeatures, first: number, last: number): number {
  let n = 0;
  for (let k = f.termStart[first]!; k < f.termStart[last + 1]!; k++) n += f.termCount[k]!;
  return n;
}

/** Similarities this close are a tie (float noise between identical sentences). */
const TIE = 1e-9;

/** One zeroed slot per term id for `sparseCosine`, per pair (allocating it per passage was most of the pairing time). */
const scratches = new WeakMap<Float64Array, Float64Array>();

function scratchFor(idf: Float64Array): Float64Array {
  let scratch = scratches.get(idf);
  if (!scratch) scratches.set(idf, (scratch = new Float64Array(idf.length)));
  return scratch;
}

/**
 * Pair each candidate sentence of a passage with the source sentence it came from. The search is limited
 * to the passage's source span, which is what lets pairs follow reordering inside a passage that the chain
 * itself (moving forward, but for short steps back) stepped over. When the best source sentence's neighbour improves the
 * match once merged with it, the pair covers both: two source sentences rewritten as one.
 */
export function pairSentences(
  chain: Chain,
  source: SentenceFeatures,
  candidate: SentenceFeatures,
  idf: Float64Array,
  options: AlignOptions,
): SentencePairIndex[] {
  const scratch = scratchFor(idf);
  const pairs: SentencePairIndex[] = [];
  for (let c = chain.candidate.first; c <= chain.candidate.last; c++) {
    const cv = sentenceVector(candidate, c);
    // Of equally similar source sentences (one sentence repeated in the source), the one next in order.
    const next = pairs.length ? pairs[pairs.length - 1]!.sourceLast + 1 : chain.source.first;
    let best = -1;
    let bestSim = 0;
    for (let s = chain.source.first; s <= chain.source.last; s++) {
      const sim = sparseCosine(sentenceVector(source, s), cv, scratch);
      if (sim > bestSim + TIE || (sim >= bestSim - TIE && best >= 0 && Math.abs(s - next) < Math.abs(best - next))) {
        bestSim = Math.max(sim, bestSim);
        best = s;
      }
    }
    if (best < 0 || bestSim < options.minPairSimilarity) continue;
    let pair: SentencePairIndex = { candidate: c, sourceFirst: best, sourceLast: best, similarity: bestSim };
    for (const neighbour of [best - 1, best + 1]) {
      if (neighbour < chain.source.first || neighbour > chain.source.last) continue;
      if (sparseCosine(sentenceVector(source, neighbour), cv, scratch) < options.minPairSimilarity) continue;
      const first = Math.min(best, neighbour);
      const sim = sparseCosine(mergedVector(source, first, idf), cv, scratch);
      if (sim > pair.similarity) pair = { candidate: c, sourceFirst: first, sourceLast: first + 1, similarity: sim };
    }
    // A long candidate sentence (a list, or text without full stops) may hold more source sentences still: the
    // pair grows by one neighbour at a time while the merged match improves and the candidate sentence has
    // room for them (as many words), so a rewrite's pair does not grow into a neighbour by chance.
    const room = termTotal(candidate, c, c);
    for (let grown = pair.sourceLast > pair.sourceFirst; grown; ) {
      grown = false;
      for (const [first, last] of [[pair.sourceFirst - 1, pair.sourceLast], [pair.sourceFirst, pair.sourceLast + 1]] as const) {
        if (first < chain.source.first || last > chain.source.last || termTotal(source, first, last) > room) continue;
        const edge = first < pair.sourceFirst ? first : last;
        if (sparseCosine(sentenceVector(source, edge), cv, scratch) < options.minPairSimilarity) continue;
        const sim = sparseCosine(mergedVector(source, first, idf, last), cv, scratch);
        if (sim > pair.similarity) [pair, grown] = [{ candidate: c, sourceFirst: first, sourceLast: last, similarity: sim }, true];
      }
    }
    pairs.push(pair);
  }
  return pairs;
}

/**
 * The source sentences a passage's pairs point to, first to last. A weak pair (below `weakSimilarity`) at either
 * end that lies more than `maxGap` source sentences away from a copied neighbour (at least `copySimilarity`) is
 * left out: a copy is
 * taken in one run, so such a pair is a same-topic sentence elsewhere that the chain's summary jump reached,
 * not the source of the candidate sentence (typically a copied sentence's tail, split off differently).
 */
export function pairedSourceSpan(
  pairs: readonly SentencePairIndex[],
  maxGap: number,
  copySimilarity: number,
  weakSimilarity: number,
): { first: number; last: number } | undefined {
  let lo = 0;
  let hi = pairs.length - 1;
  const detached = (p: SentencePairIndex, neighbour: SentencePairIndex) =>
    p.similarity < weakSimilarity &&
    neighbour.similarity >= copySimilarity &&
    Math.max(p.sourceFirst - neighbour.sourceLast, neighbour.sourceFirst - p.sourceLast) > maxGap + 1;
  while (lo < hi && detached(pairs[lo]!, pairs[lo + 1]!)) lo++;
  while (hi > lo && detached(pairs[hi]!, pairs[hi - 1]!)) hi--;
  if (lo > hi) return undefined;
  let first = Infinity;
  let last = -Infinity;
  for (let k = lo; k <= hi; k++) {
    first = Math.min(first, pairs[k]!.sourceFirst);
    last = Math.max(last, pairs[k]!.sourceLast);
  }
  return { first, last };
}

/**
 * A passage's pairs without the weak pairs detached from its core. The core runs from the first to the last pair
 * at least `coreSimilarity` similar, if there are two or more (a single one may be a short sentence that an
 * obfuscation left intact). The pairs before it that do not run on into it in the source (each next pair at
 * most `maxStep` source sentences on), if all are weak (below `weakSimilarity`), are host sentences on the
 * same topic that the chain walked into, not part of the reuse; likewise after it. Applied to copies (core:
 * copied pairs) and to any passage (core: pairs that are clearly derived, weak: barely related ones). A pair
 * below `minRunOn` never runs on: next to a copy, a barely related sentence is host text, and the copy's
 * own words that run on into it are found word by word (`extendVerbatim`).
 */
export function coreRun(
  pairs: readonly SentencePairIndex[],
  coreSimilarity: number,
  weakSimilarity: number,
  maxStep: number,
  minRunOn = 0,
): readonly SentencePairIndex[] {
  if (pairs.filter((p) => p.similarity >= coreSimilarity).length < 2) return pairs;
  let lo = pairs.findIndex((p) => p.similarity >= coreSimilarity);
  let hi = pairs.length - 1;
  while (pairs[hi]!.similarity < coreSimilarity) hi--;
  const runsOn = (p: SentencePairIndex, next: SentencePairIndex) => next.sourceFirst >= p.sourceLast && next.sourceFirst <= p.sourceLast + maxStep;
  const weak = (from: number, to: number) => pairs.slice(from, to).every((p) => p.similarity < weakSimilarity);
  while (lo > 0 && pairs[lo - 1]!.similarity >= minRunOn && runsOn(pairs[lo - 1]!, pairs[lo]!)) lo--;
  if (!weak(0, lo)) lo = 0;
  while (hi < pairs.length - 1 && pairs[hi + 1]!.similarity >= minRunOn && runsOn(pairs[hi]!, pairs[hi + 1]!)) hi++;
  if (!weak(hi + 1, pairs.length)) hi = pairs.length - 1;
  return pairs.slice(lo, hi + 1);
}

/**
 * A passage's pairs without a lone derived pair (at least `coreSimilarity`) at either end that only barely related
 * pairs (below `weakSimilarity`) or unpaired sentences join to the rest, over `minHostRun` or more candidate
 * sentences (as many as a chain may skip): host text that long says the passage ends there, and the lone pair is
 * a same-topic or repeated sentence the chain reached across it. Two or more derived pairs always remain.
 */
export function isolatedEnds(
  pairs: readonly SentencePairIndex[],
  coreSimilarity: number,
  weakSimilarity: number,
  minHostRun: number,
): readonly SentencePairIndex[] {
  const cores = pairs.map((p, k) => (p.similarity >= coreSimilarity ? k : -1)).filter((k) => k >= 0);
  if (cores.length < 3) return pairs;
  // Between two consecutive derived pairs, whether every candidate sentence is host text.
  const hostRun = (a: number, b: number) =>
    pairs[b]!.candidate - pairs[a]!.candidate - 1 >= minHostRun && pairs.slice(a + 1, b).every((p) => p.similarity < weakSimilarity);
  let lo = 0;
  let hi = pairs.length - 1;
  if (hostRun(cores[0]!, cores[1]!)) lo = cores[1]!;
  if (hostRun(cores[cores.length - 2]!, cores[cores.length - 1]!)) hi = cores[cores.length - 2]!;
  return lo === 0 && hi === pairs.length - 1 ? pairs : pairs.slice(lo, hi + 1);
}

/**
 * A passage's pairs without the barely related pairs (below `weakSimilarity`) at either end whose source sentence
 * another of its pairs, more similar, also restates: a rewrite draws on a source sentence once, so an edge
 * sentence that only weakly echoes one already taken is a host sentence on the same topic.
 */
export function reusedEnds(pairs: readonly SentencePairIndex[], weakSimilarity: number): readonly SentencePairIndex[] {
  const taken = (k: number) =>
    pairs[k]!.similarity < weakSimilarity &&
    pairs.some((q, j) => j !== k && q.similarity > pairs[k]!.similarity && q.sourceFirst <= pairs[k]!.sourceLast && pairs[k]!.sourceFirst <= q.sourceLast);
  let lo = 0;
  let hi = pairs.length - 1;
  while (lo < hi && taken(lo)) lo++;
  while (hi > lo && taken(hi)) hi--;
  return lo === 0 && hi === pairs.length - 1 ? pairs : pairs.slice(lo, hi + 1);
}

/** A chain's passage at sentence level: its sentence pairs, and the spans they bound on either side. */
export interface PairedPassage {
  chain: Chain;
  sentencePairs: SentencePairIndex[];
  source: SentenceSpan;
  candidate: SentenceSpan;
}

/**
 * Pair a chain's sentences (`pairSentences`) and bound the passage by them. The source side is bounded by where
 * the pairs point, not by the chain's edge anchors: an edge anchor may match a neighbouring same-topic sentence
 * that no candidate sentence was actually derived from. Weak edge pairs away from a copy, or barely related ones
 * away from a passage's clearly derived pairs, are host sentences: they bound neither side (see `coreRun`); so
 * are a lone derived pair beyond host text (`isolatedEnds`) and edge pairs echoing a taken source sentence (`reusedEnds`).
 */
export function pairPassage(
  chain: Chain,
  source: SentenceFeatures,
  candidate: SentenceFeatures,
  idf: Float64Array,
  options: AlignOptions,
): PairedPassage {
  const sentencePairs = pairSentences(chain, source, candidate, idf, options);
  const span = (pairs: readonly SentencePairIndex[]) =>
    pairedSourceSpan(pairs, options.maxGap, options.maxReorderSimilarity, options.detachedPairSimilarity);
  // Next to a copy, only a clearly derived pair runs on into it: a same-topic host sentence often reaches the
  // stray level, and the copy's own words that run on into it are found word by word.
  const copy = coreRun(sentencePairs, options.maxReorderSimilarity, options.detachedPairSimilarity, options.maxGap, options.detachedPairSimilarity);
  const derived = coreRun(copy, options.detachedPairSimilarity, options.strayPairSimilarity, options.maxGap);
  const core = reusedEnds(isolatedEnds(derived, options.detachedPairSimilarity, options.strayPairSimilarity, options.maxGap), options.strayPairSimilarity);
  if (core.length === sentencePairs.length) return { chain, sentencePairs, source: span(sentencePairs) ?? chain.source, candidate: chain.candidate };
  const candidateSpan = {
    first: core[0] === sentencePairs[0] ? chain.candidate.first : core[0]!.candidate,
    last: core[core.length - 1] === sentencePairs[sentencePairs.length - 1] ? chain.candidate.last : core[core.length - 1]!.candidate,
  };
  return { chain: { ...chain, candidate: candidateSpan }, sentencePairs: [...core], source: span(core)!, candidate: candidateSpan };
}

/**
 * Split a passage where its pairs jump in the source (more than `maxGap` sentences on, or more than `maxReorder`
 * back) between two runs that each hold two or more copied pairs (at least `copySimilarity`): two copies pasted
 * side by side from two places in the source are two passages, not one summary of everything between them. A
 * jump next to a run of fewer copies stays (a summary picks single sentences from all over its source), and so
 * does one over source sentences that are mostly this passage's own (its sentences shuffled). Likewise two
 * copies with only barely related pairs (below `weakSimilarity`) between them are two passages, unless a
 * candidate sentence between them is `derivedElsewhere` (it is the passage's, taken out of order).
 */
export function splitCopyRuns(
  passage: PairedPassage,
  maxGap: number,
  maxReorder: number,
  copySimilarity: number,
  weakSimilarity: number,
  derivedElsewhere: (candidateSentence: number) => boolean = () => false,
): PairedPassage[] {
  const pairs = passage.sentencePairs;
  const isCopy = (p: SentencePairIndex) => p.similarity >= copySimilarity;
  const copiesIn = (from: number, to: number) => pairs.slice(from, to).filter(isCopy).length;
  // The source sentences a jump passes over: the passage's own (shuffled) sentences, or another text's.
  const paired = new Set(pairs.flatMap((p) => (p.sourceFirst === p.sourceLast ? [p.sourceFirst] : [p.sourceFirst, p.sourceLast])));
  const passesOwn = (a: SentencePairIndex, b: SentencePairIndex) => {
    const [from, to] = b.sourceFirst > a.sourceLast ? [a.sourceLast + 1, b.sourceFirst - 1] : [b.sourceLast + 1, a.sourceFirst - 1];
    let own = 0;
    for (let s = from; s <= to; s++) if (paired.has(s)) own++;
    return own >= (to - from + 1) / 2;
  };
  const jumps = (a: SentencePairIndex, b: SentencePairIndex) => b.sourceFirst > a.sourceLast + maxGap + 1 || b.sourceLast < a.sourceFirst - maxReorder;
  // Cuts as [end of one piece, start of the next] (indices into `pairs`): at a jump, both the same; across
  // a stretch of weak pairs between two copies, those pairs belong to neither piece.
  const cuts: [number, number][] = [];
  let runStart = 0;
  for (let k = 1; k < pairs.length; k++) {
    if (!jumps(pairs[k - 1]!, pairs[k]!)) continue;
    let runEnd = k + 1;
    while (runEnd < pairs.length && !jumps(pairs[runEnd - 1]!, pairs[runEnd]!)) runEnd++;
    if (copiesIn(runStart, k) >= 2 && copiesIn(k, runEnd) >= 2 && !passesOwn(pairs[k - 1]!, pairs[k]!)) cuts.push([k, k]);
    runStart = k;
  }
  for (let a = 0; a < pairs.length; a++) {
    if (!isCopy(pairs[a]!)) continue;
    let b = a + 1;
    while (b < pairs.length && pairs[b]!.similarity < weakSimilarity) b++;
    if (b === pairs.length || b === a + 1 || !isCopy(pairs[b]!)) continue;
    let hostText = true;
    for (let c = pairs[a]!.candidate + 1; c < pairs[b]!.candidate; c++) if (derivedElsewhere(c)) hostText = false;
    if (!hostText) continue;
    if (copiesIn(0, a + 1) >= 2 && copiesIn(b, pairs.length) >= 2 && !cuts.some(([, start]) => start > a && start <= b)) cuts.push([a + 1, b]);
  }
  if (!cuts.length) return [passage];
  cuts.sort((x, y) => x[0] - y[0]);
  const pieces: [number, number][] = [];
  let from = 0;
  for (const [end, start] of cuts) {
    pieces.push([from, end]);
    from = start;
  }
  pieces.push([from, pairs.length]);
  const totalWeight = passage.chain.anchors.reduce((w, a) => w + a.weight, 0) || 1;
  return pieces.map(([from, to], i) => {
    const piece = pairs.slice(from, to);
    const candidate = {
      first: i === 0 ? passage.candidate.first : piece[0]!.candidate,
      last: to === pairs.length ? passage.candidate.last : piece[piece.length - 1]!.candidate,
    };
    const source = { first: Math.min(...piece.map((p) => p.sourceFirst)), last: Math.max(...piece.map((p) => p.sourceLast)) };
    const anchors = passage.chain.anchors.filter((a) => a.candidate >= candidate.first && a.candidate <= candidate.last);
    const score = (passage.chain.score * anchors.reduce((w, a) => w + a.weight, 0)) / totalWeight;
    return { chain: { anchors, score, source, candidate }, sentencePairs: piece, source, candidate };
  });
}
