import { firstTokenAt, sentenceAt, type TextDocument } from '../text/document.js';
import type { Range } from '../util/range.js';
import { lowerBound } from '../util/sorted.js';
import { wordTokenIndices } from '../fingerprint/shingles.js';
import type { SentenceSpan } from './chain.js';
import type { SentencePairIndex } from './pairs.js';

/**
 * A copy's source edges re-cut to where its candidate edges' words occur in the first and last paired source
 * sentences (the source sentence may hold words before or after what was copied; see `alignCopyEdges`). Only the
 * source side: measured on PAN13, re-cutting the candidate side the same way lost more recall than it gained.
 */
export function copyEdges(
  source: TextDocument,
  candidate: TextDocument,
  edge: { source: Range; candidate: Range },
  pairs: readonly SentencePairIndex[],
  sourceSpan: SentenceSpan,
  size: number,
) {
  if (size <= 0 || pairs.length === 0) return edge;
  let first = pairs[0]!;
  let last = first;
  for (const p of pairs) {
    if (p.candidate < first.candidate) first = p;
    if (p.candidate > last.candidate) last = p;
  }
  // A summary's source span reaches past its pairs: its edges are searched from there, not from the pairs.
  const from = Math.min(first.sourceFirst, sourceSpan.first);
  const to = Math.max(last.sourceLast, sourceSpan.last);
  return { source: alignCopyEdges(source, edge.source, from, to, candidate, edge.candidate, size), candidate: edge.candidate };
}

/** How many times `size` words are compared to choose among occurrences of a copy's edge words (a long repeated block). */
const COMPARED_RUN = 64;

/**
 * A copy's edges on one side where the other side's edge words occur. Reuse is often cut out of the source
 * mid-sentence but pasted into the candidate whole, so the first source sentence may open with words the copy
 * left behind; when they share the passage's topic, the passage-wide word evidence (edges.ts) cannot tell them
 * from the copy, but the copy's own first words can: if the other side's range starts with `size` words that
 * occur, in that order, inside `first` (this side's first paired sentence), this side starts at their
 * occurrence there where the copy's words go on matching longest, the first of equals (or before it, back to
 * where `range` starts). Likewise at the end, in `last`, the last of equals. Measured on PAN13, moving edges
 * already inside the sentence too gained (02 .9778 -> .9784); the longest rather than the first occurrence,
 * 02 .9859 -> .9864, and compared on past the sentence (repeated blocks), .9866 -> .9867 (with `followCopiedEnds`).
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
  // The other side's words from each edge inwards: the first `size` must occur, the rest pick among occurrences.
  const head = wordsIn(other, otherRange.start, otherRange.end, size * COMPARED_RUN, 1);
  const tail = wordsIn(other, otherRange.start, otherRange.end, size * COMPARED_RUN, -1);
  if (head.length < size || tail.length < size) return range;
  // The edge moves to the copied words' occurrence in the paired sentence (where the word evidence may have
  // cut it a few words off), or, if it ran on past that sentence (a run-on edge), anywhere back to it.
  const firstSentence = doc.sentences[first]!;
  const from = Math.min(start, firstSentence.start);
  const headWords = wordsIn(doc, from, firstSentence.end, Infinity, 1);
  const headAt = longestRun(doc, headWords, head.map((i) => other.tokens[i]!.norm), size, 1);
  // At the first words, the range's or sentence's own start stays (an opening quote or bracket).
  if (headAt >= 0) start = headAt === 0 ? from : doc.tokens[headWords[headAt]!]!.start;
  const lastSentence = doc.sentences[last]!;
  const to = Math.max(end, lastSentence.end);
  const tailWords = wordsIn(doc, lastSentence.start, to, Infinity, 1);
  const tailAt = longestRun(doc, tailWords, tail.map((i) => other.tokens[i]!.norm), size, -1);
  // At a sentence's last words that sentence's own end stays (its closing punctuation).
  if (tailAt >= 0) end = sentenceEndAfter(doc, tailWords[tailAt]!, to);
  return end > start ? { start, end } : range;
}

/**
 * Whether candidate sentence `pair.candidate` is part of a verbatim copy running on into a neighbouring candidate
 * sentence: a run of at least `minWords` words, `size` or more of them either side of its start or end, occurs in
 * the source starting near the pair's source sentences (within one sentence of them). Evidence of copying that does
 * not depend on where the sentence splitter cut: a sentence straddling two pasted copies pairs poorly with either
 * source, yet its words run on from one. A rewrite keeps a phrase now and then, rarely `minWords` in a row.
 * With `at` 'start' or 'end', only a run across that boundary counts.
 */
export function copiedAcross(
  source: TextDocument,
  candidate: TextDocument,
  pair: SentencePairIndex,
  size: number,
  minWords: number,
  at: 'start or end' | 'start' | 'end' = 'start or end',
): boolean {
  if (size <= 0) return false;
  const sw = wordTokens(source);
  const cw = wordTokens(candidate);
  // Source words where the run may cross: those of the pair's source sentences and the one either side.
  const lo = lowerBound(sw, source.sentences[Math.max(0, pair.sourceFirst - 1)]!.firstToken);
  const beyond = pair.sourceLast + 2;
  const hi = beyond < source.sentences.length ? lowerBound(sw, source.sentences[beyond]!.firstToken) : sw.length;
  const sentence = candidate.sentences[pair.candidate]!;
  const norm = (doc: TextDocument, words: readonly number[], k: number) => doc.tokens[words[k]!]!.norm;
  const boundaries = { 'start or end': [sentence.firstToken, sentence.endToken], start: [sentence.firstToken], end: [sentence.endToken] }[at];
  for (const boundaryToken of boundaries) {
    // The candidate's words after the boundary start at b; a run crossing it matches cw[b - 1] at some sw[j].
    const b = lowerBound(cw, boundaryToken);
    if (b < size || b + size > cw.length) continue;
    for (let j = lo; j < hi && j + 1 < sw.length; j++) {
      if (norm(source, sw, j) !== norm(candidate, cw, b - 1) || norm(source, sw, j + 1) !== norm(candidate, cw, b)) continue;
      let back = 1;
      while (back <= j && back < b && norm(source, sw, j - back) === norm(candidate, cw, b - 1 - back)) back++;
      let on = 1;
      while (j + 1 + on < sw.length && b + on < cw.length && norm(source, sw, j + 1 + on) === norm(candidate, cw, b + on)) on++;
      if (back >= size && on >= size && back + on >= minWords) return true;
    }
  }
  return false;
}

/** A document's word and number tokens, in order (computed once per document). */
const wordTokenCache = new WeakMap<TextDocument, number[]>();
function wordTokens(doc: TextDocument): number[] {
  let words = wordTokenCache.get(doc);
  if (!words) wordTokenCache.set(doc, (words = wordTokenIndices(doc)));
  return words;
}

/** The end of word token `i`, or of its sentence if no word follows it there (at most `limit`). */
function sentenceEndAfter(doc: TextDocument, i: number, limit: number): number {
  const t = doc.tokens[i]!;
  const sentence = doc.sentences[sentenceAt(doc, i)]!;
  const rest = wordsIn(doc, t.end, sentence.end, 1, 1);
  return rest.length ? t.end : Math.min(sentence.end, limit);
}

/**
 * Index in `words` where the run of `norms` starts (step 1: `norms` in text order from there) or ends (step -1:
 * `norms` backwards from there), at least `size` of them matching, or -1. Of several occurrences, the one where
 * the most of `norms` go on matching, through the rest of the document's words (a copy's first words may also open
 * an earlier sentence of a list or catalogue; its later words tell where it was cut from); of equal ones, the first
 * (step 1) or last (step -1).
 */
function longestRun(doc: TextDocument, words: readonly number[], norms: readonly string[], size: number, step: 1 | -1): number {
  const all = wordTokens(doc);
  let best = -1;
  let bestLength = size - 1;
  for (let k = step === 1 ? 0 : words.length - 1; k >= 0 && k < words.length; k += step) {
    if (doc.tokens[words[k]!]!.norm !== norms[0]) continue;
    const at = lowerBound(all, words[k]!);
    let m = 0;
    while (m < norms.length && at + m * step >= 0 && at + m * step < all.length && doc.tokens[all[at + m * step]!]!.norm === norms[m]) m++;
    if (m > bestLength) [best, bestLength] = [k, m];
  }
  return best;
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

/**
 * A copy's edges pushed out over the words that go on matching, in order, on both sides: a copy cut out and
 * pasted mid-sentence ends inside sentences on both sides, and the sentence-level evidence (edges.ts) may stop
 * a few copied words short of it. Each side only ever grows, by the same run of words.
 */
export function extendVerbatim(
  source: TextDocument,
  candidate: TextDocument,
  edge: { source: Range; candidate: Range },
  limit: { source: Range; candidate: Range },
) {
  let { source: s, candidate: c } = edge;
  // Backwards from the starts: the last tokens ending at or before them.
  let i = firstTokenAt(source, s.start) - 1;
  let j = firstTokenAt(candidate, c.start) - 1;
  for (;;) {
    i = nextWord(source, i, -1);
    j = nextWord(candidate, j, -1);
    if (i < 0 || j < 0 || source.tokens[i]!.norm !== candidate.tokens[j]!.norm) break;
    if (source.tokens[i]!.start < limit.source.start || candidate.tokens[j]!.start < limit.candidate.start) break;
    s = { start: source.tokens[i]!.start, end: s.end };
    c = { start: candidate.tokens[j]!.start, end: c.end };
    i--;
    j--;
  }
  // Forwards from the ends: the first tokens starting at or after them.
  i = firstTokenAt(source, s.end);
  j = firstTokenAt(candidate, c.end);
  for (;;) {
    i = nextWord(source, i, 1);
    j = nextWord(candidate, j, 1);
    if (i < 0 || j < 0 || source.tokens[i]!.norm !== candidate.tokens[j]!.norm) break;
    if (source.tokens[i]!.end > limit.source.end || candidate.tokens[j]!.end > limit.candidate.end) break;
    s = { start: s.start, end: source.tokens[i]!.end };
    c = { start: c.start, end: candidate.tokens[j]!.end };
    i++;
    j++;
  }
  return { source: s, candidate: c };
}

/**
 * Word-level edges of a pair's passages: a copy's (`isCopy`) source edges re-cut to its candidate edges' words
 * (`copyEdges`), then pushed out over words that go on matching (`extendVerbatim`), never into another passage.
 * Passages are taken in order, each bounded by the final edges of those before it and the drafted edges of
 * those after, so passages stay disjoint on both sides.
 */
export function passageEdges(
  source: TextDocument,
  candidate: TextDocument,
  drafted: readonly { source: Range; candidate: Range }[],
  isCopy: (k: number) => boolean,
  recut: (k: number) => { source: Range; candidate: Range },
): { source: Range; candidate: Range }[] {
  const out = drafted.map((e, k) => (isCopy(k) ? recut(k) : e));
  for (let k = 0; k < out.length; k++) {
    if (!isCopy(k)) continue;
    const limit = { source: freeAround(out, k, 'source', source.text.length), candidate: freeAround(out, k, 'candidate', candidate.text.length) };
    out[k] = extendVerbatim(source, candidate, out[k]!, limit);
  }
  return out;
}

/** The text around passage k's range on one side that no other passage's range holds. */
function freeAround(edges: readonly { source: Range; candidate: Range }[], k: number, side: 'source' | 'candidate', length: number): Range {
  const own = edges[k]![side];
  let start = 0;
  let end = length;
  edges.forEach((e, j) => {
    if (j === k) return;
    const r = e[side];
    if (r.end <= own.start) start = Math.max(start, r.end);
    else if (r.start >= own.end) end = Math.min(end, r.start);
  });
  return { start, end };
}

/** The first word or number token at or after (step 1) / before (step -1) index `i`, or -1. */
function nextWord(doc: TextDocument, i: number, step: 1 | -1): number {
  for (; i >= 0 && i < doc.tokens.length; i += step) {
    const kind = doc.tokens[i]!.kind;
    if (kind === 'word' || kind === 'number') return i;
  }
  return -1;
}
