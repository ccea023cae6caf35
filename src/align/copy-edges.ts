import { firstTokenAt, type TextDocument } from '../text/document.js';
import type { Range } from '../util/range.js';
import type { SentencePairIndex } from './pairs.js';

/**
 * A copy's source edges re-cut to where its candidate edges' words occur in the first and last paired source
 * sentences (the source sentence may hold words before or after what was copied; see `alignCopyEdges`). Only the
 * source side: measured on PAN13, re-cutting the candidate side the same way lost more recall than it gained.
 */
export function copyEdges(source: TextDocument, candidate: TextDocument, edge: { source: Range; candidate: Range }, pairs: readonly SentencePairIndex[], size: number) {
  if (size <= 0 || pairs.length === 0) return edge;
  let first = pairs[0]!;
  let last = first;
  for (const p of pairs) {
    if (p.candidate < first.candidate) first = p;
    if (p.candidate > last.candidate) last = p;
  }
  return { source: alignCopyEdges(source, edge.source, first.sourceFirst, last.sourceLast, candidate, edge.candidate, size), candidate: edge.candidate };
}

/**
 * A copy's edges on one side where the other side's edge words occur. Reuse is often cut out of the source
 * mid-sentence but pasted into the candidate whole, so the first source sentence may open with words the copy
 * left behind; when they share the passage's topic, the passage-wide word evidence (edges.ts) cannot tell them
 * from the copy, but the copy's own first words can: if the other side's range starts with `size` words that
 * occur, in that order, inside `first` (this side's first sentence, where `range` starts), this side starts at
 * their first occurrence there. Likewise at the end, in `last`, at the last occurrence.
 */
export function alignCopyEdges(
  doc: TextDocument,
  range: Range,
  first: number,
  last: number,
  other: TextDocument,
  otherRange: Range,
  size: number,
): Range {
  let { start, end } = range;
  const head = wordsIn(other, otherRange.start, otherRange.end, size, 1);
  const tail = wordsIn(other, otherRange.start, otherRange.end, size, -1);
  if (head.length < size || tail.length < size) return range;
  const firstSentence = doc.sentences[first]!;
  if (start === firstSentence.start) {
    const words = wordsIn(doc, firstSentence.start, firstSentence.end, Infinity, 1);
    const k = findRun(doc, words, head.map((i) => other.tokens[i]!.norm), 1);
    if (k > 0) start = doc.tokens[words[k]!]!.start;
  }
  const lastSentence = doc.sentences[last]!;
  if (end === lastSentence.end) {
    const words = wordsIn(doc, lastSentence.start, lastSentence.end, Infinity, 1);
    const k = findRun(doc, words, tail.reverse().map((i) => other.tokens[i]!.norm), -1);
    // At the sentence's last words the sentence's own end stays (its closing punctuation).
    if (k >= 0 && k + size < words.length) end = doc.tokens[words[k + size - 1]!]!.end;
  }
  return end > start ? { start, end } : range;
}

/** Index in `words` where the run of `norms` occurs first (step 1) or last (step -1), or -1. */
function findRun(doc: TextDocument, words: readonly number[], norms: readonly string[], step: 1 | -1): number {
  const n = norms.length;
  for (let k = step === 1 ? 0 : words.length - n; k >= 0 && k + n <= words.length; k += step) {
    if (norms.every((w, m) => doc.tokens[words[k + m]!]!.norm === w)) return k;
  }
  return -1;
}

/** Up to `limit` word and number tokens inside [from, to), from the start (step 1) or the end (step -1). */
function wordsIn(doc: TextDocument, from: number, to: number, limit: number, step: 1 | -1): number[] {
  const out: number[] = [];
  const lo = firstTokenAt(doc, from);
  const hi = firstTokenAt(doc, to);
  for (let i = step === 1 ? lo : hi - 1; i >= lo && i < hi && out.length < limit; i += step) {
    const t = doc.tokens[i]!;
    if ((t.kind === 'word' || t.kind === 'number') && t.end <= to) out.push(i);
  }
  return out;
}
