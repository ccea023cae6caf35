import { joinNeighbours, type SentenceSpan } from './chain.js';
import type { SentenceFeatures } from './features.js';
import { sentenceVector } from './pairs.js';
import { sparseCosine } from './similarity.js';

/** A passage's sentence spans, and (if known) its sentence pairs' source sentences. */
export interface PassageSpans {
  source: SentenceSpan;
  candidate: SentenceSpan;
  sentencePairs?: readonly { sourceFirst: number; sourceLast: number }[];
}

/**
 * Source-side extent of summaries. A summary condenses a long source passage into a few dense sentences; the
 * chain finds the source sentences it restates most closely, but a summary draws on the whole passage, and its
 * weaker matches (source sentences at least `minSimilarity` similar to one of its sentences, too weak to be
 * anchors) mark how far that passage reaches. So a passage that condenses its source (spans at least `ratio`
 * times as many source sentences and content words as candidate ones) extends, on the source side, to the hull
 * of those matches, stopping short of any other passage's source span. Passages that do not condense keep their
 * span: for a copy or a sentence-by-sentence rewrite, weak matches are same-topic sentences, not reuse.
 */
export function summarySourceSpans(
  spans: readonly PassageSpans[],
  source: SentenceFeatures,
  candidate: SentenceFeatures,
  idf: Float64Array,
  ratio: number,
  minSimilarity: number,
): SentenceSpan[] {
  let scratch: Float64Array | undefined;
  const sentences = source.norm.length;
  return spans.map((span, k) => {
    if (!condenses(span, source, candidate, ratio)) return span.source;
    scratch ??= new Float64Array(idf.length);
    // The free source run around the passage: up to the nearest other passage on either side.
    let low = 0;
    let high = sentences - 1;
    spans.forEach((other, j) => {
      if (j === k) return;
      if (other.source.last < span.source.first) low = Math.max(low, other.source.last + 1);
      if (other.source.first > span.source.last) high = Math.min(high, other.source.first - 1);
    });
    const matches = (s: number): boolean => {
      const sv = sentenceVector(source, s);
      for (let c = span.candidate.first; c <= span.candidate.last; c++) {
        if (sparseCosine(sv, sentenceVector(candidate, c), scratch!) >= minSimilarity) return true;
      }
      return false;
    };
    let { first, last } = span.source;
    for (let s = low; s < first; s++) if (matches(s)) first = s;
    for (let s = high; s > last; s--) if (matches(s)) last = s;
    return { first, last };
  });
}

/**
 * Whether a passage spans at least `ratio` times as many source sentences, and content words, as candidate
 * ones. Its `sentencePairs`, if given, say which source sentences were rewritten two as one.
 */
export function condenses(
  span: PassageSpans,
  source: SentenceFeatures,
  candidate: SentenceFeatures,
  ratio: number,
): boolean {
  // Two source sentences that a pair rewrote as one count once: a 2:1 rewrite is sentence by sentence, not a
  // summary (counted twice, a single such pair looked condensed and extended over its whole source).
  const merged = (span.sentencePairs ?? []).filter((p) => p.sourceLast > p.sourceFirst).length;
  const sourceLength = span.source.last - span.source.first + 1 - merged;
  const candidateLength = span.candidate.last - span.candidate.first + 1;
  // Counted in sentences alone, a copied sentence that straddles two source sentences would look condensed.
  return sourceLength >= ratio * candidateLength && contentTerms(source, span.source) >= ratio * contentTerms(candidate, span.candidate);
}

/**
 * Join a summary with the passage right next to it in the candidate (no sentence between them): a summary is
 * written in one piece, but its sentences draw on the source out of order, so the chain search finds it in
 * pieces, some of them (a sentence restating one source sentence) not condensing on their own. `items` are in
 * candidate order; joined items are combined by `join`. A join never swallows a third item's source span. Two
 * passages neither of which condenses are never joined here: two copies pasted side by side are two passages.
 */
export function joinSummaries<T extends { source: SentenceSpan; candidate: SentenceSpan }>(
  items: readonly T[],
  isSummary: (item: T) => boolean,
  join: (a: T, b: T) => T,
): T[] {
  return joinNeighbours(items, (a, b) => b.candidate.first <= a.candidate.last + 1 && (isSummary(a) || isSummary(b)), join);
}

/** Content-term occurrences in a run of sentences: the passage's length in words that carry meaning. */
function contentTerms(doc: SentenceFeatures, span: SentenceSpan): number {
  let n = 0;
  for (let k = doc.termStart[span.first]!; k < doc.termStart[span.last + 1]!; k++) n += doc.termCount[k]!;
  return n;
}
