import type { AnchorSet } from './anchors.js';
import type { SentenceSpan } from './chain.js';

/**
 * Source-side extent of summaries. A summary condenses a long source passage into a few dense sentences; the
 * chain finds the source sentences it restates most closely, but a summary draws on the whole passage, and its
 * weaker matches (anchors of its sentences that no chain step used) mark how far that passage reaches. So a
 * passage that condenses its source (spans at least `ratio` times as many source sentences as candidate
 * sentences) extends, on the source side, to the hull of every anchor of its candidate sentences, stopping
 * short of any other passage's source span. Passages that do not condense keep their span: for a copy or a
 * sentence-by-sentence rewrite, weak anchors are same-topic sentences, not reuse.
 */
export function summarySourceSpans(
  spans: readonly { source: SentenceSpan; candidate: SentenceSpan }[],
  anchors: AnchorSet,
  ratio: number,
): SentenceSpan[] {
  return spans.map((span, k) => {
    const sourceLength = span.source.last - span.source.first + 1;
    const candidateLength = span.candidate.last - span.candidate.first + 1;
    if (sourceLength < ratio * candidateLength) return span.source;
    // The free source run around the passage: up to the nearest other passage on either side.
    let low = 0;
    let high = Number.MAX_SAFE_INTEGER;
    spans.forEach((other, j) => {
      if (j === k) return;
      if (other.source.last < span.source.first) low = Math.max(low, other.source.last + 1);
      if (other.source.first > span.source.last) high = Math.min(high, other.source.first - 1);
    });
    let { first, last } = span.source;
    for (let a = 0; a < anchors.length; a++) {
      const [c, s] = [anchors.candidate[a]!, anchors.source[a]!];
      if (c < span.candidate.first || c > span.candidate.last || s < low || s > high) continue;
      first = Math.min(first, s);
      last = Math.max(last, s);
    }
    return { first, last };
  });
}
