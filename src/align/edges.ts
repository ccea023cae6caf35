import { firstTokenAt, type TextDocument } from '../text/document.js';
import type { Range } from '../util/range.js';
import type { SentenceSpan } from './chain.js';
import type { SentencePairIndex } from './pairs.js';
import { CLASSES, classOf, classTotals, clearCopied, edgeContext, markCopied, NOT_A_WORD, otherSide, type EdgeContext } from './word-classes.js';
import { lowerBound } from '../util/sorted.js';

/**
 * Word-level passage edges. Chains are built from whole sentences, but reuse rarely starts and ends at a
 * sentence boundary: a copied passage pasted into a paragraph shares a "sentence" with the host text (web text
 * often has no full stop where they meet). So a copy's edges are re-cut at word level, and any passage may
 * grow into a free neighbouring sentence, where the evidence of reuse starts or stops (a paraphrase never
 * loses a sentence its chain anchored, and keeps a source edge sentence that one of its pairs draws on whole).
 *
 * The evidence is per word: a word inside a word shingle that also occurs on the other side of the passage
 * (copied), a content word whose stem occurs there (reworded), or neither. How telling each class is depends
 * on the passage: in a verbatim copy nearly every word is copied, in a paraphrase few are. So each class
 * scores log(P(class | inside the passage) / P(class | elsewhere in the document)), both estimated from this
 * document and passage, and the edges are those of the best-scoring word span (a maximal-segment problem).
 * Cutting inside a sentence costs `edgeCutCost` (twice that in a paraphrase's edge sentence without copied
 * words), so sentence boundaries win unless the words say otherwise; a line break before a capital inside a
 * sentence costs nothing (a heading or paragraph without a full stop).
 */

/** A passage with at least this share of its words in copied shingles is a copy (see `refineEdges`). */
const COPY_SHARE = 0.5;

/** Cutting inside a paraphrase's edge sentence that holds no copied words costs this many times `edgeCutCost`. */
const UNCOPIED_CUT = 2;

export interface EdgeInput {
  /** The passage's sentences on this side, and the other side's (what words are matched against). */
  span: SentenceSpan;
  otherSpan: SentenceSpan;
  /** Sentences the edges may move into (the neighbours not taken by another passage), inclusive. */
  reach: SentenceSpan;
  /** The other side's reach: a neighbouring sentence here is also matched against the other side's neighbour on
   *  the same end, since a copy running on past a chain's edge sentence runs on in both texts. */
  otherReach: SentenceSpan;
  /** A paraphrase's first and last sentence here that the edges may not cut into, but at a line start (see `wordEdges`). */
  wholeEdges?: { first: boolean; last: boolean };
}

/** The passage's character range on this side, with word-level edges. */
export function refineEdges(ctx: EdgeContext, other: EdgeContext, input: EdgeInput, cutCost: number): Range {
  const { doc } = ctx;
  const { span, reach } = input;
  const sentenceRange: Range = { start: doc.sentences[span.first]!.start, end: doc.sentences[span.last]!.end };
  const from = doc.sentences[reach.first]!.firstToken;
  const to = doc.sentences[reach.last]!.endToken;
  const inFrom = doc.sentences[span.first]!.firstToken;
  const inTo = doc.sentences[span.last]!.endToken;

  // Class counts inside the passage and elsewhere in the document (each starting from 1, a pseudo-count).
  const matching = otherSide(other, input.otherSpan);
  const marked = markCopied(ctx, matching);
  const totals = classTotals(ctx, matching, marked);
  // Only the words the edges may move over (the reach holds the passage) need their class.
  const classes = new Int8Array(to - from);
  for (let i = inFrom; i < inTo; i++) classes[i - from] = classOf(ctx, matching, i);
  clearCopied(ctx, marked);
  const { otherSpan, otherReach } = input;
  classify(ctx, other, { first: otherReach.first, last: otherSpan.last }, from, inFrom, (i, c) => (classes[i - from] = c));
  classify(ctx, other, { first: otherSpan.first, last: otherReach.last }, inTo, to, (i, c) => (classes[i - from] = c));
  const classAt = (i: number) => classes[i - from]!;
  const inside = new Float64Array(CLASSES).fill(1);
  for (let i = inFrom; i < inTo; i++) {
    const c = classAt(i);
    if (c !== NOT_A_WORD) inside[c]!++;
  }
  const outside = Float64Array.from(totals, (n, c) => 1 + n - (inside[c]! - 1));
  const inTotal = inside.reduce((x, y) => x + y, 0);
  const outTotal = outside.reduce((x, y) => x + y, 0);
  const weight = Array.from(inside, (n, c) => Math.log(n / inTotal / (outside[c]! / outTotal)));
  const score = (i: number) => {
    const c = classAt(i);
    return c === NOT_A_WORD ? 0 : weight[c]!;
  };

  // Cutting inside a sentence costs `cutCost`: sentence boundaries are the likelier edges, so a passage's
  // first words are only dropped when the evidence against them outweighs that.
  const words: number[] = [];
  for (let i = from; i < to; i++) if (classAt(i) !== NOT_A_WORD) words.push(i);
  if (words.length === 0) return sentenceRange;
  const prefix = new Float64Array(words.length + 1);
  words.forEach((w, k) => (prefix[k + 1] = prefix[k]! + score(w)));
  // A line break inside a sentence is a boundary too (a heading, list item or paragraph that ends without a
  // full stop runs into the next line's sentence), when the next line starts as a sentence does.
  const opensLine = Uint8Array.from(words, (w, k) => (k > 0 && lineStart(doc, words[k - 1]!, w) ? 1 : 0));
  const boundaryBefore = (k: number) => k === 0 || ctx.sentenceOf[words[k - 1]!] !== ctx.sentenceOf[words[k]!] || opensLine[k] === 1;
  const startCost = (k: number) => (boundaryBefore(k) ? 0 : cutCost);
  const endCost = (k: number) => (k === words.length - 1 || boundaryBefore(k + 1) ? 0 : cutCost);
  let s = -1;
  let e = -1;
  // A copy (most words inside copied shingles) extends exactly as far as its copied words: its whole extent
  // is re-cut at word level, which also drops edge sentences a chain or a pair pulled in. A paraphrase's
  // evidence is too sparse for that; only its edge sentences are re-cut.
  const copied = (inside[0]! + inside[3]! - 2) / Math.max(1, inTotal - CLASSES);
  if (copied >= COPY_SHARE || span.first === span.last) {
    // The best-scoring word span of the whole reach, in one pass:
    // max over j of P[j+1] - endCost(j) - min over i <= j of (P[i] + startCost(i)).
    let best = -Infinity;
    let low = Infinity;
    let lowAt = 0;
    for (let j = 0; j < words.length; j++) {
      const open = prefix[j]! + startCost(j);
      if (open < low) [low, lowAt] = [open, j];
      const gain = prefix[j + 1]! - endCost(j) - low;
      if (gain > best) [best, s, e] = [gain, words[lowAt]!, words[j]! + 1];
    }
  } else {
    // A paraphrase keeps every sentence its chain anchored, edge sentences included: word evidence is too
    // sparse to overrule an anchor (trimming them cost the seed rewrite its last sentence). The edges may
    // grow into a free neighbouring sentence, where the words say the reuse goes on, or move inside an edge
    // sentence (below), but never drop a whole one.
    const spanFrom = lowerBound(words, inFrom);
    const spanTo = lowerBound(words, inTo);
    let best = 0;
    let ks = spanFrom;
    for (let k = spanFrom - 1; k >= 0; k--) {
      const gain = prefix[spanFrom]! - prefix[k]! - startCost(k);
      if (gain > best) [best, ks] = [gain, k];
    }
    best = 0;
    let ke = spanTo;
    for (let k = spanTo; k < words.length; k++) {
      const gain = prefix[k + 1]! - prefix[spanTo]! - endCost(k);
      if (gain > best) [best, ke] = [gain, k + 1];
    }
    // Inside an edge sentence the edge may move to where the words say the reuse starts or stops: a copy glued
    // to host text, or a rewrite pasted into a host sentence. Without copied words to show where, it takes twice
    // the evidence (a rewrite's evidence is sparse); a line start (a line the segmenter joined) takes none.
    // A sentence held whole is only cut at a line start (`times` Infinity).
    const copiedIn = (a: number, b: number) => words.slice(a, b).some((w) => classAt(w) === 0 || classAt(w) === 3);
    const cut = (cost: number, times: number) => (cost === 0 ? 0 : times * cost);
    const firstEnd = sentenceEdge(ctx, words, spanFrom, 1);
    const firstCost = input.wholeEdges?.first ? Infinity : copiedIn(spanFrom, firstEnd) ? 1 : UNCOPIED_CUT;
    if (ks === spanFrom) {
      best = 0;
      for (let k = spanFrom + 1; k < firstEnd && k < spanTo; k++) {
        const gain = prefix[spanFrom]! - prefix[k]! - cut(startCost(k), firstCost);
        if (gain > best) [best, ks] = [gain, k];
      }
    }
    const lastStart = spanTo > 0 ? sentenceEdge(ctx, words, spanTo - 1, -1) : spanTo;
    const lastCost = input.wholeEdges?.last ? Infinity : copiedIn(lastStart, spanTo) ? 1 : UNCOPIED_CUT;
    if (ke === spanTo && spanTo > 0) {
      best = 0;
      for (let k = spanTo - 2; k >= lastStart && k >= ks; k--) {
        const gain = prefix[k + 1]! - prefix[spanTo]! - cut(endCost(k), lastCost);
        if (gain > best) [best, ke] = [gain, k + 1];
      }
    }
    if (ks < words.length) s = words[ks]!;
    if (ke > 0) e = words[ke - 1]! + 1;
  }
  // Snap to words: skip leading non-words, drop trailing ones.
  while (s >= 0 && s < e && classAt(s) === NOT_A_WORD) s++;
  while (e > s && classAt(e - 1) === NOT_A_WORD) e--;
  if (s < 0 || e <= s) return sentenceRange;
  // An edge at a sentence's first or last word keeps the sentence's own boundary (and its punctuation).
  const first = doc.sentences[ctx.sentenceOf[s]!]!;
  const last = doc.sentences[ctx.sentenceOf[e - 1]!]!;
  const start = s === wordAtOrAfter(ctx, first.firstToken) ? first.start : doc.tokens[s]!.start;
  const end = wordAtOrBefore(ctx, last.endToken - 1) === e - 1 ? last.end : doc.tokens[e - 1]!.end;
  return { start, end };
}

/** Whether a line break separates words `a` and `b` (token indices) and `b` starts as a sentence does (capital or
 *  digit): the next line of a hard-wrapped sentence is no boundary. */
function lineStart(doc: TextDocument, a: number, b: number): boolean {
  const first = doc.text[doc.tokens[b]!.start]!;
  if (first === first.toLowerCase() && !(first >= '0' && first <= '9')) return false;
  return doc.text.slice(doc.tokens[a]!.end, doc.tokens[b]!.start).includes('\n');
}

/** The classes of tokens [from, to) against the other side's sentences `otherSpan`. */
function classify(ctx: EdgeContext, other: EdgeContext, otherSpan: SentenceSpan, from: number, to: number, set: (i: number, c: number) => void): void {
  if (from >= to) return;
  const matching = otherSide(other, otherSpan);
  const marked = markCopied(ctx, matching);
  for (let i = from; i < to; i++) set(i, classOf(ctx, matching, i));
  clearCopied(ctx, marked);
}

/** Going `step` (1 or -1) from words[k], the index just past the last (1) or of the first (-1) word of its sentence. */
function sentenceEdge(ctx: EdgeContext, words: readonly number[], k: number, step: 1 | -1): number {
  const sentence = ctx.sentenceOf[words[k]!];
  if (step === 1) {
    while (k < words.length && ctx.sentenceOf[words[k]!] === sentence) k++;
  } else {
    while (k > 0 && ctx.sentenceOf[words[k - 1]!] === sentence) k--;
  }
  return k;
}

function wordAtOrAfter(ctx: EdgeContext, i: number): number {
  while (i < ctx.wordIndex.length && ctx.wordIndex[i]! < 0) i++;
  return i;
}

function wordAtOrBefore(ctx: EdgeContext, i: number): number {
  while (i >= 0 && ctx.wordIndex[i]! < 0) i--;
  return i;
}

/** Each passage's span on one side, widened by a free neighbouring sentence on either end (one no passage holds). */
function reachOf(doc: TextDocument, spans: readonly { source: SentenceSpan; candidate: SentenceSpan }[], side: 'source' | 'candidate'): SentenceSpan[] {
  const taken = new Uint8Array(doc.sentences.length);
  for (const s of spans) taken.fill(1, s[side].first, s[side].last + 1);
  return spans.map((s) => ({
    first: s[side].first > 0 && !taken[s[side].first - 1] ? s[side].first - 1 : s[side].first,
    last: s[side].last + 1 < doc.sentences.length && !taken[s[side].last + 1] ? s[side].last + 1 : s[side].last,
  }));
}

/**
 * Whether a passage's first and last source sentence is one a pair at least `derivedSimilarity` similar draws on.
 * A rewrite drops and scrambles words all through a sentence it draws on, so such a sentence's unmatched words
 * are words the rewrite left out, not host text: the source side keeps it whole (a weakly paired one, often a
 * template fragment the two texts share, may still be cut where its shared words stop).
 */
function derivedEdges(span: { source: SentenceSpan; sentencePairs?: readonly SentencePairIndex[] }, derivedSimilarity: number) {
  const derived = (s: number) => (span.sentencePairs ?? []).some((p) => p.sourceFirst <= s && s <= p.sourceLast && p.similarity >= derivedSimilarity);
  return { first: derived(span.source.first), last: derived(span.source.last) };
}

/**
 * Word-level edges of every passage on both sides. A passage may reach into a neighbouring sentence that no
 * other passage holds; where two passages reach into the same gap, the later one starts where the earlier ends.
 * A paraphrase's source edge sentence drawn on by a pair at least `derivedSimilarity` similar stays whole.
 */
export function wordEdges(
  source: TextDocument,
  candidate: TextDocument,
  spans: readonly { source: SentenceSpan; candidate: SentenceSpan; sentencePairs?: readonly SentencePairIndex[] }[],
  shingleSize: number,
  cutCost: number,
  derivedSimilarity = Infinity,
): { source: Range; candidate: Range }[] {
  if (spans.length === 0) return [];
  const contexts = { source: edgeContext(source, shingleSize), candidate: edgeContext(candidate, shingleSize) };
  const reaches = { source: reachOf(source, spans, 'source'), candidate: reachOf(candidate, spans, 'candidate') };
  const out = spans.map((span, k) => {
    const input = (side: 'source' | 'candidate', other: 'source' | 'candidate') => ({
      span: span[side],
      otherSpan: span[other],
      reach: reaches[side][k]!,
      otherReach: reaches[other][k]!,
    });
    return {
      source: refineEdges(contexts.source, contexts.candidate, { ...input('source', 'candidate'), wholeEdges: derivedEdges(span, derivedSimilarity) }, cutCost),
      candidate: refineEdges(contexts.candidate, contexts.source, input('candidate', 'source'), cutCost),
    };
  });
  for (const side of ['source', 'candidate'] as const) {
    // Reaching into a shared gap may make neighbours overlap: the later one starts at the first token after the
    // earlier one's end, never inside the space between them (one left empty is dropped by the caller).
    const doc = side === 'source' ? source : candidate;
    const order = out.map((_, k) => k).sort((a, b) => out[a]![side].start - out[b]![side].start);
    let end = -1;
    for (const k of order) {
      const r = out[k]![side];
      if (r.start < end) r.start = Math.min(doc.tokens[firstTokenAt(doc, end)]?.start ?? r.end, r.end);
      end = Math.max(end, r.end);
    }
  }
  return out;
}
