import { sourceHull } from './pair-bounds.js';
import type { PairedPassage, SentencePairIndex } from './pairs.js';

/** Word-level evidence of copying for `splitCopyRuns`, beyond pair similarity. */
export interface CopyEvidence {
  /** Whether a pair's candidate sentence is copied on into a neighbouring one (see `copiedAcross` in copy-edges.ts). */
  copiedAcross?: (pair: SentencePairIndex) => boolean;
  /** Whether the words of a pair's candidate sentence run on verbatim, from its source, into the next one. */
  runsOnVerbatim?: (pair: SentencePairIndex) => boolean;
  /** Runs of this many sentences copied in order on either side of a break in the source are two copies. */
  minCopyRun?: number;
}

/**
 * Split a passage where its pairs jump in the source (more than `maxGap` sentences on, or more than `maxReorder`
 * back) between two runs that each hold two or more copied pairs (at least `copySimilarity`), or a pair whose
 * sentence is copied on into the next (`copiedAcross`, see copy-edges.ts): two copies pasted side by side from
 * two places in the source are two passages, not one summary of everything between them. A
 * jump next to a run of fewer copies stays (a summary picks single sentences from all over its source), and so
 * does one over source sentences that are mostly this passage's own (its sentences shuffled). Likewise two
 * copies with only barely related pairs (below `weakSimilarity`) between them are two passages, unless a
 * candidate sentence between them is `derivedElsewhere` (it is the passage's, taken out of order); so are two
 * copies with only unpaired sentences between them, if one of those `hasTerms` and the copies' sources do not
 * interleave (or, where a copy further on spans them, each side split on its own leaves disjoint sources). And
 * two runs of `minCopyRun` sentences copied in order are two passages where the source goes back between them.
 */
export function splitCopyRuns(
  passage: PairedPassage,
  maxGap: number,
  maxReorder: number,
  copySimilarity: number,
  weakSimilarity: number,
  derivedElsewhere: (candidateSentence: number) => boolean = () => false,
  hasTerms: (candidateSentence: number) => boolean = () => true,
  words: CopyEvidence = {},
): PairedPassage[] {
  const { copiedAcross = () => false, runsOnVerbatim = () => false, minCopyRun = Infinity } = words;
  const pairs = passage.sentencePairs;
  const isCopy = (p: SentencePairIndex) => p.similarity >= copySimilarity;
  // Copied pairs before each index, so any run's count is O(1) however long the passage.
  const copiesBefore = new Int32Array(pairs.length + 1);
  pairs.forEach((p, k) => (copiesBefore[k + 1] = copiesBefore[k]! + (isCopy(p) ? 1 : 0)));
  const copiesIn = (from: number, to: number) => copiesBefore[to]! - copiesBefore[from]!;
  // The source sentences a jump passes over: the passage's own (shuffled) sentences, or another text's.
  const paired = new Set(pairs.flatMap((p) => (p.sourceFirst === p.sourceLast ? [p.sourceFirst] : [p.sourceFirst, p.sourceLast])));
  const passesOwn = (a: SentencePairIndex, b: SentencePairIndex) => {
    const [from, to] = b.sourceFirst > a.sourceLast ? [a.sourceLast + 1, b.sourceFirst - 1] : [b.sourceLast + 1, a.sourceFirst - 1];
    let own = 0;
    for (let s = from; s <= to; s++) if (paired.has(s)) own++;
    return own >= (to - from + 1) / 2;
  };
  // Whether the source spans of the pairs before `k` and from `k` on overlap.
  const interleaved = (k: number) => {
    const [a, b] = [sourceHull(pairs.slice(0, k)), sourceHull(pairs.slice(k))];
    return a.first <= b.last && b.first <= a.last;
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
    // A run holds a copy if two of its pairs are copied, or one of its sentences is copied on into the next (the
    // sentence splitter may have cut a pasted copy so that few of its sentences pair whole).
    const holdsCopy = (from: number, to: number) => copiesIn(from, to) >= 2 || pairs.slice(from, to).some(copiedAcross);
    if (holdsCopy(runStart, k) && holdsCopy(k, runEnd) && !passesOwn(pairs[k - 1]!, pairs[k]!)) cuts.push([k, k]);
    runStart = k;
  }
  // Here too a sentence copied on into the next is copied (a copy's first sentence, cut short by the splitter).
  const copied = (p: SentencePairIndex) => isCopy(p) || (p.similarity >= weakSimilarity && copiedAcross(p));
  // Two runs of `minCopyRun` or more sentences copied in order, the second from before the first in the source,
  // are two copies however near: a copy is taken in one piece. (One skipping source sentences stays one passage:
  // sentences deleted from a copy look the same.) Only if their sources do not interleave: a shuffled text's
  // sentences run in order by chance, and its pieces would span each other's sources.
  const runsOn = (a: SentencePairIndex, b: SentencePairIndex) => b.sourceFirst >= a.sourceLast && b.sourceFirst <= a.sourceLast + 1;
  const copyRun = (from: number, step: 1 | -1) => {
    let n = 0;
    for (let k = from; k >= 0 && k < pairs.length && n < minCopyRun && copied(pairs[k]!); k += step) {
      const [x, y] = step === 1 ? [pairs[k - 1], pairs[k]!] : [pairs[k]!, pairs[k + 1]];
      if (k !== from && !(runsOn(x!, y!) && y!.candidate === x!.candidate + 1)) break;
      n++;
    }
    return n;
  };
  for (let k = 1; k < pairs.length; k++) {
    const [a, b] = [pairs[k - 1]!, pairs[k]!];
    // Words running on verbatim across the break (the pairing chose a repeated sentence elsewhere): one copy.
    if (b.sourceFirst >= a.sourceLast || cuts.some(([end]) => end === k)) continue;
    if (runsOnVerbatim(a)) continue;
    if (copyRun(k - 1, -1) >= minCopyRun && copyRun(k, 1) >= minCopyRun && !interleaved(k)) cuts.push([k, k]);
  }
  for (let a = 0; a < pairs.length; a++) {
    if (pairs[a]!.similarity < weakSimilarity) continue;
    let b = a + 1;
    while (b < pairs.length && pairs[b]!.similarity < weakSimilarity) b++;
    if (b === pairs.length || !copied(pairs[a]!) || !copied(pairs[b]!)) continue;
    // With no pair between them, only unpaired host text with content words of its own (not a termless line inside
    // one copy) separates them, and only if their sources do not interleave (a piece would span the other's).
    let separable: PairedPassage[] | undefined;
    if (b === a + 1) {
      let ownWords = false;
      for (let c = pairs[a]!.candidate + 1; c < pairs[b]!.candidate; c++) ownWords ||= hasTerms(c);
      if (!ownWords) continue;
      // Interleaved with a copy further on (three copies pasted from three places): cut here only if cutting
      // each side on its own leaves pieces whose sources are disjoint.
      if (interleaved(b)) {
        separable = cutPassage(passage, [[b, b]]).flatMap((p) =>
          splitCopyRuns(p, maxGap, maxReorder, copySimilarity, weakSimilarity, derivedElsewhere, hasTerms, words),
        );
        if (!disjointSources(separable)) continue;
      }
    }
    let hostText = true;
    for (let c = pairs[a]!.candidate + 1; c < pairs[b]!.candidate; c++) if (derivedElsewhere(c)) hostText = false;
    if (!hostText) continue;
    if (separable && copiesIn(0, a + 1) >= 2 && copiesIn(b, pairs.length) >= 2) return separable;
    if (copiesIn(0, a + 1) >= 2 && copiesIn(b, pairs.length) >= 2 && !cuts.some(([, start]) => start > a && start <= b)) cuts.push([a + 1, b]);
  }
  if (!cuts.length) return [passage];
  return cutPassage(passage, cuts);
}

/** Whether no two passages' source spans overlap. */
function disjointSources(passages: readonly PairedPassage[]): boolean {
  const spans = passages.map((p) => p.source).sort((x, y) => x.first - y.first);
  return spans.every((s, k) => k === 0 || s.first > spans[k - 1]!.last);
}

/** A passage cut into pieces at `cuts` ([end of one piece, start of the next], in pair indices), the chain score shared out by anchor weight. */
function cutPassage(passage: PairedPassage, cuts: [number, number][]): PairedPassage[] {
  const pairs = passage.sentencePairs;
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
    const source = sourceHull(piece);
    const anchors = passage.chain.anchors.filter((a) => a.candidate >= candidate.first && a.candidate <= candidate.last);
    const score = (passage.chain.score * anchors.reduce((w, a) => w + a.weight, 0)) / totalWeight;
    return { chain: { anchors, score, source, candidate }, sentencePairs: piece, source, candidate };
  });
}
