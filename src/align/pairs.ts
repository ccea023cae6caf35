import type { Chain, SentenceSpan } from './chain.js';
import type { SentenceFeatures } from './features.js';
import type { AlignOptions } from './options.js';
import { coreRun, isolatedEnds, pairedSourceSpan, reusedEnds } from './pair-bounds.js';
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
  const evidence = (p: SentencePairIndex) => sharedTerms(candidate, p.candidate, source, p.sourceFirst, p.sourceLast) >= options.minPairTerms;
  const span = (pairs: readonly SentencePairIndex[]) =>
    pairedSourceSpan(pairs, options.maxGap, options.maxReorderSimilarity, options.detachedPairSimilarity, evidence);
  // Next to a copy, only a clearly derived pair runs on into it: a same-topic host sentence often reaches the
  // stray level, and the copy's own words that run on into it are found word by word.
  const copy = coreRun(
    sentencePairs,
    options.maxReorderSimilarity,
    options.detachedPairSimilarity,
    options.maxGap,
    options.detachedPairSimilarity,
    options.separatedPairSimilarity,
  );
  const derived = coreRun(
    copy,
    options.detachedPairSimilarity,
    options.strayPairSimilarity,
    options.maxGap,
    0,
    options.detachedPairSimilarity,
    options.maxReorder,
  );
  const core = reusedEnds(isolatedEnds(derived, options.detachedPairSimilarity, options.strayPairSimilarity, options.maxGap), options.strayPairSimilarity);
  if (core.length === sentencePairs.length) return { chain, sentencePairs, source: span(sentencePairs) ?? chain.source, candidate: chain.candidate };
  const candidateSpan = {
    first: core[0] === sentencePairs[0] ? chain.candidate.first : core[0]!.candidate,
    last: core[core.length - 1] === sentencePairs[sentencePairs.length - 1] ? chain.candidate.last : core[core.length - 1]!.candidate,
  };
  return { chain: { ...chain, candidate: candidateSpan }, sentencePairs: [...core], source: span(core)!, candidate: candidateSpan };
}

/** Distinct content terms candidate sentence `c` shares with source sentences `first`..`last`. */
function sharedTerms(candidate: SentenceFeatures, c: number, source: SentenceFeatures, first: number, last: number): number {
  let n = 0;
  for (let k = candidate.termStart[c]!; k < candidate.termStart[c + 1]!; k++) {
    const id = candidate.termId[k]!;
    for (let j = source.termStart[first]!; j < source.termStart[last + 1]!; j++) {
      if (source.termId[j] === id) {
        n++;
        break;
      }
    }
  }
  return n;
}
