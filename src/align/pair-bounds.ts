import type { Chain, SentenceSpan } from './chain.js';
import type { SentencePairIndex } from './pairs.js';

/*
 * Which of a passage's sentence pairs bound it. A chain walks into host sentences on its passage's topic at
 * either end; these rules tell them from the reuse by the pairs' similarity and where they point.
 */

/** The source sentences a run of pairs spans, first to last (a loop: a spread of a long passage's pairs overflows the stack). */
export function sourceHull(pairs: readonly SentencePairIndex[]): SentenceSpan {
  let first = Infinity;
  let last = -Infinity;
  for (const p of pairs) {
    if (p.sourceFirst < first) first = p.sourceFirst;
    if (p.sourceLast > last) last = p.sourceLast;
  }
  return { first, last };
}

/**
 * The source sentences a passage's pairs point to, first to last. A weak pair (below `weakSimilarity`) at either
 * end that lies more than `maxGap` source sentences away from a copied neighbour (at least `copySimilarity`) is
 * left out, and so is one at any similarity that shares a single content word with its source sentence
 * (`evidence`: a short host sentence reaches a high cosine on one word). A copy is taken in one run, so such a pair is a same-topic sentence elsewhere that the chain's summary jump reached,
 * not the source of the candidate sentence (typically a copied sentence's tail, split off differently).
 */
export function pairedSourceSpan(
  pairs: readonly SentencePairIndex[],
  maxGap: number,
  copySimilarity: number,
  weakSimilarity: number,
  evidence: (p: SentencePairIndex) => boolean = () => true,
): { first: number; last: number } | undefined {
  let lo = 0;
  let hi = pairs.length - 1;
  const detached = (p: SentencePairIndex, neighbour: SentencePairIndex) =>
    (p.similarity < weakSimilarity || !evidence(p)) &&
    neighbour.similarity >= copySimilarity &&
    Math.max(p.sourceFirst - neighbour.sourceLast, neighbour.sourceFirst - p.sourceLast) > maxGap + 1;
  while (lo < hi && detached(pairs[lo]!, pairs[lo + 1]!)) lo++;
  while (hi > lo && detached(pairs[hi]!, pairs[hi - 1]!)) hi--;
  return lo > hi ? undefined : sourceHull(pairs.slice(lo, hi + 1));
}

/**
 * A passage's pairs without the weak pairs detached from its core. The core runs from the first to the last pair
 * at least `coreSimilarity` similar (or that pass it, if a test), if there are two or more (a single one may be a short sentence that an
 * obfuscation left intact). The pairs before it that do not run on into it in the source (each next pair at
 * most `maxStep` source sentences on, after a weak pair at most as far as the core's own pairs step), if all
 * are weak (below `weakSimilarity`), are host sentences on the
 * same topic that the chain walked into, not part of the reuse; likewise after it. Applied to copies (core:
 * copied pairs) and to any passage (core: pairs that are clearly derived, weak: barely related ones). A pair
 * below `minRunOn` never runs on: next to a copy, a barely related sentence is host text, and the copy's
 * own words that run on into it are found word by word (`extendVerbatim`). A pair with an unpaired candidate
 * sentence between it and the core (host text) counts as weak below `separatedSimilarity` instead: a same-topic
 * sentence a few lines from a copy often reaches the weak level with a source sentence near the copy's. With
 * `separatedReorder` given, only if its source sentence is also away from its neighbour's (more than that many
 * back or `maxStep` on): a rewrite drops and reorders sentences, so host text alone does not end it.
 */
export function coreRun(
  pairs: readonly SentencePairIndex[],
  coreSimilarity: number | ((p: SentencePairIndex) => boolean),
  weakSimilarity: number,
  maxStep: number,
  minRunOn = 0,
  separatedSimilarity = weakSimilarity,
  separatedReorder?: number,
): readonly SentencePairIndex[] {
  const isCore = typeof coreSimilarity === 'number' ? (p: SentencePairIndex) => p.similarity >= coreSimilarity : coreSimilarity;
  if (pairs.filter(isCore).length < 2) return pairs;
  let lo = pairs.findIndex(isCore);
  let hi = pairs.length - 1;
  while (!isCore(pairs[hi]!)) hi--;
  // A weak pair runs on no further than the core's own pairs step in the source: a sentence-by-sentence rewrite
  // moves one source sentence per pair, so a weak pair that skips some is a same-topic host sentence (a summary's
  // core skips, and so may its weak pairs).
  let coreStep = 1;
  for (let k = lo; k < hi; k++) coreStep = Math.max(coreStep, pairs[k + 1]!.sourceFirst - pairs[k]!.sourceLast);
  const runsOn = (p: SentencePairIndex, next: SentencePairIndex, weak: boolean) =>
    next.sourceFirst >= p.sourceLast && next.sourceFirst <= p.sourceLast + (weak ? Math.min(coreStep, maxStep) : maxStep);
  // Whether the pairs beyond `edge` (`step` -1: before it, 1: after it) are all weak; from the first one with host
  // text (an unpaired candidate sentence) between it and the core on, only below `separatedSimilarity`.
  const weakBeyond = (edge: number, step: 1 | -1) => {
    let separated = false;
    for (let k = edge + step; k >= 0 && k < pairs.length; k += step) {
      const [a, b] = step < 0 ? [pairs[k]!, pairs[k - step]!] : [pairs[k - step]!, pairs[k]!];
      const near = b.sourceFirst - a.sourceLast >= -(separatedReorder ?? 0) && b.sourceFirst - a.sourceLast <= maxStep;
      separated ||= b.candidate - a.candidate > 1 && (separatedReorder === undefined || !near);
      if (pairs[k]!.similarity >= (separated ? separatedSimilarity : weakSimilarity)) return false;
    }
    return true;
  };
  const isWeak = (p: SentencePairIndex) => p.similarity < weakSimilarity;
  while (lo > 0 && pairs[lo - 1]!.similarity >= minRunOn && runsOn(pairs[lo - 1]!, pairs[lo]!, isWeak(pairs[lo - 1]!))) lo--;
  if (!weakBeyond(lo, -1)) lo = 0;
  while (hi < pairs.length - 1 && pairs[hi + 1]!.similarity >= minRunOn && runsOn(pairs[hi]!, pairs[hi + 1]!, isWeak(pairs[hi + 1]!))) hi++;
  if (!weakBeyond(hi, 1)) hi = pairs.length - 1;
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

/**
 * A passage without the end pairs whose candidate sentence lies wholly outside its word-level edges (`inside`
 * false): the edges found no reuse there, so those pairs bound neither side. The source side shrinks to the pairs
 * left, never widens; a summary's (wider than its pairs, see summary.ts) stays. Unchanged, the same object.
 */
export function withoutCutEnds<T extends { chain: Chain; sentencePairs: SentencePairIndex[]; source: SentenceSpan; candidate: SentenceSpan }>(
  span: T,
  inside: (candidateSentence: number) => boolean,
): T {
  const pairs = span.sentencePairs;
  if (pairs.length < 2) return span;
  const all = sourceHull(pairs);
  if (span.source.first < all.first || span.source.last > all.last) return span;
  let lo = 0;
  let hi = pairs.length - 1;
  while (lo < hi && !inside(pairs[lo]!.candidate)) lo++;
  while (hi > lo && !inside(pairs[hi]!.candidate)) hi--;
  if (lo === 0 && hi === pairs.length - 1) return span;
  const kept = pairs.slice(lo, hi + 1);
  const left = sourceHull(kept);
  const source = { first: Math.max(span.source.first, left.first), last: Math.min(span.source.last, left.last) };
  if (source.first > source.last) return span;
  const candidate = {
    first: lo > 0 ? kept[0]!.candidate : span.candidate.first,
    last: hi < pairs.length - 1 ? kept[kept.length - 1]!.candidate : span.candidate.last,
  };
  return { ...span, chain: { ...span.chain, candidate }, sentencePairs: kept, source, candidate };
}

/**
 * A passage's end pairs re-pointed where a copy's words run on verbatim into them: an end sentence holding only
 * part of a source sentence (cut mid-sentence) or a line repeated further on may pair better with a same-topic or
 * repeated sentence elsewhere, but if its copied neighbour (at least `copySimilarity`) `runsOn` into it across their
 * boundary, it came from the source sentence next to the neighbour's, and `repair` pairs it with that one.
 */
export function followCopiedEnds(
  pairs: readonly SentencePairIndex[],
  copySimilarity: number,
  sentences: number,
  runsOn: (neighbour: SentencePairIndex, at: 'start' | 'end') => boolean,
  repair: (candidate: number, source: number) => SentencePairIndex,
): readonly SentencePairIndex[] {
  if (pairs.length < 2) return pairs;
  let out = pairs;
  const [first, second] = [pairs[0]!, pairs[1]!];
  const before = second.sourceFirst - 1;
  if (second.similarity >= copySimilarity && second.candidate === first.candidate + 1 && first.sourceLast !== before && before >= 0 && runsOn(second, 'start')) {
    out = [repair(first.candidate, before), ...out.slice(1)];
  }
  const [last, previous] = [out[out.length - 1]!, out[out.length - 2]!];
  const after = previous.sourceLast + 1;
  if (previous.similarity >= copySimilarity && last.candidate === previous.candidate + 1 && last.sourceFirst !== after && after < sentences && runsOn(previous, 'end')) {
    out = [...out.slice(0, -1), repair(last.candidate, after)];
  }
  return out;
}

/** A passage with `followCopiedEnds` applied, its source side moved with a re-pointed end. Unchanged, the same object. */
export function withCopiedEnds<T extends { sentencePairs: SentencePairIndex[]; source: SentenceSpan }>(
  passage: T,
  copySimilarity: number,
  sentences: number,
  runsOn: (neighbour: SentencePairIndex, at: 'start' | 'end') => boolean,
  repair: (candidate: number, source: number) => SentencePairIndex,
): T {
  const old = passage.sentencePairs;
  const pairs = followCopiedEnds(old, copySimilarity, sentences, runsOn, repair);
  if (pairs === old) return passage;
  const rest = sourceHull(pairs.slice(1, -1));
  const [first, last] = [pairs[0]!, pairs[pairs.length - 1]!];
  const source = {
    first: first === old[0] ? passage.source.first : Math.min(first.sourceFirst, rest.first),
    last: last === old[old.length - 1] ? passage.source.last : Math.max(last.sourceLast, rest.last),
  };
  return { ...passage, sentencePairs: [...pairs], source };
}

/**
 * A passage without the end pairs that `coreRun` leaves out around its copied pairs, where `copied` also knows
 * copies by their words (a sentence copied on into the next, however weakly it pairs): a copy cut mid-sentence
 * pairs no sentence whole, so `pairPassage` found no copy to bound it. Unchanged, the same object.
 */
export function withCopyCore<T extends { chain: Chain; sentencePairs: SentencePairIndex[]; source: SentenceSpan; candidate: SentenceSpan }>(
  passage: T,
  copied: (p: SentencePairIndex) => boolean,
  weakSimilarity: number,
  maxStep: number,
  separatedSimilarity: number,
): T {
  const pairs = passage.sentencePairs;
  const core = coreRun(pairs, copied, weakSimilarity, maxStep, weakSimilarity, separatedSimilarity);
  if (core.length === pairs.length) return passage;
  const candidate = {
    first: core[0] === pairs[0] ? passage.candidate.first : core[0]!.candidate,
    last: core[core.length - 1] === pairs[pairs.length - 1] ? passage.candidate.last : core[core.length - 1]!.candidate,
  };
  const hull = sourceHull(core);
  // Only a side the left-out pairs bounded shrinks (a summary's source reaches past its pairs).
  const all = sourceHull(pairs);
  const source = {
    first: passage.source.first === all.first ? Math.max(passage.source.first, hull.first) : passage.source.first,
    last: passage.source.last === all.last ? Math.min(passage.source.last, hull.last) : passage.source.last,
  };
  return { ...passage, chain: { ...passage.chain, candidate }, sentencePairs: [...core], source, candidate };
}

