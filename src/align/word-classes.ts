import { documentShingles, type ShingleColumns } from '../fingerprint/shingles.js';
import type { TextDocument } from '../text/document.js';
import type { SentenceSpan } from './chain.js';
import { isContentToken, termOf } from './terms.js';
import { lowerBound, orderByKey } from '../util/sorted.js';

/**
 * The per-word evidence behind passage edges (see edges.ts): each word of one side is copied (inside a word
 * shingle that also occurs on the other side of the passage), reworded (a content word whose stem occurs
 * there) or unmatched, split by stop word; and how many words of each class the whole document has.
 */

/** Word classes: copied (in a shared shingle), reworded (shared stem only), unmatched; split by stop word. */
export const CLASSES = 5;
export type WordClass = 0 | 1 | 2 | 3 | 4;
export const NOT_A_WORD = -1;

export interface EdgeContext {
  doc: TextDocument;
  shingleSize: number;
  /** The document's shingles, and which one starts at each token (an index into them, or -1). */
  shingles: ShingleColumns;
  shingleAt: Int32Array;
  /** Every shingle occurrence, ordered by hash: `occurrenceToken[k]` is where the one of hash `occurrenceHash[k]` starts. */
  occurrenceHash: Uint32Array;
  occurrenceToken: Int32Array;
  /** Position of each token among the words (-1 for punctuation and symbols), and the words' token indices. */
  wordIndex: Int32Array;
  words: Int32Array;
  /** Sentence index of each token. */
  sentenceOf: Int32Array;
  /** The term of each content token (undefined for stop words, punctuation and symbols). */
  terms: (string | undefined)[];
  /** How many content tokens the document has, and how many of each term. */
  contentCount: number;
  termCounts: Map<string, number>;
  /** Scratch flags, one per token, all 0 between uses: which words a passage's matching copied. */
  copied: Uint8Array;
}

const contexts = new WeakMap<TextDocument, Map<number, EdgeContext>>();

/** Per-document precomputation, shared by all passages and comparisons of one analyzed document. */
export function edgeContext(doc: TextDocument, shingleSize: number): EdgeContext {
  let bySize = contexts.get(doc);
  if (!bySize) contexts.set(doc, (bySize = new Map()));
  let ctx = bySize.get(shingleSize);
  if (!ctx) bySize.set(shingleSize, (ctx = buildEdgeContext(doc, shingleSize)));
  return ctx;
}

function buildEdgeContext(doc: TextDocument, shingleSize: number): EdgeContext {
  const shingles = documentShingles(doc, shingleSize);
  const shingleAt = new Int32Array(doc.tokens.length).fill(-1);
  for (let k = 0; k < shingles.length; k++) shingleAt[shingles.firstToken[k]!] = k;
  // Shingles are in token order, so ties on the hash stay in token order.
  const byHash = orderByKey(shingles.hash);
  const occurrenceHash = Uint32Array.from(byHash, (k) => shingles.hash[k]!);
  const occurrenceToken = Int32Array.from(byHash, (k) => shingles.firstToken[k]!);
  const wordIndex = new Int32Array(doc.tokens.length).fill(-1);
  let wordCount = 0;
  doc.tokens.forEach((t, i) => {
    if (t.kind === 'word' || t.kind === 'number') wordIndex[i] = wordCount++;
  });
  const words = new Int32Array(wordCount);
  for (let i = 0; i < wordIndex.length; i++) if (wordIndex[i]! >= 0) words[wordIndex[i]!] = i;
  const sentenceOf = new Int32Array(doc.tokens.length).fill(-1);
  doc.sentences.forEach((s, k) => sentenceOf.fill(k, s.firstToken, s.endToken));
  const terms = doc.tokens.map((t) => (isContentToken(t) ? termOf(t) : undefined));
  const termCounts = new Map<string, number>();
  let contentCount = 0;
  for (const term of terms) {
    if (term === undefined) continue;
    contentCount++;
    termCounts.set(term, (termCounts.get(term) ?? 0) + 1);
  }
  const copied = new Uint8Array(doc.tokens.length);
  return { doc, shingleSize, shingles, shingleAt, occurrenceHash, occurrenceToken, wordIndex, words, sentenceOf, terms, contentCount, termCounts, copied };
}

/** What the other side of a passage offers to match against. */
export interface OtherSide {
  shingles: Set<number>;
  terms: Set<string>;
}

export function otherSide(ctx: EdgeContext, span: SentenceSpan): OtherSide {
  const { doc } = ctx;
  const from = doc.sentences[span.first]!.firstToken;
  const to = doc.sentences[span.last]!.endToken;
  const shingles = new Set<number>();
  const terms = new Set<string>();
  for (let i = from; i < to; i++) {
    const k = ctx.shingleAt[i]!;
    if (k >= 0 && lastWordOfShingle(ctx, i) < to) shingles.add(ctx.shingles.hash[k]!);
    const term = ctx.terms[i];
    if (term !== undefined) terms.add(term);
  }
  return { shingles, terms };
}

function lastWordOfShingle(ctx: EdgeContext, token: number): number {
  const k = ctx.wordIndex[token]! + ctx.shingleSize - 1;
  return k < ctx.words.length ? ctx.words[k]! : Number.MAX_SAFE_INTEGER;
}

/**
 * The words of the document inside a shingle that occurs on the other side, flagged in `ctx.copied` (the
 * caller clears them with `clearCopied`). Found through the document's shingle occurrences, so the cost is
 * that of the matches, not of the document's length.
 */
export function markCopied(ctx: EdgeContext, other: OtherSide): number[] {
  const { occurrenceHash, occurrenceToken, copied, words, wordIndex, shingleSize } = ctx;
  const marked: number[] = [];
  for (const h of other.shingles) {
    for (let k = lowerBound(occurrenceHash, h); k < occurrenceHash.length && occurrenceHash[k] === h; k++) {
      const w = wordIndex[occurrenceToken[k]!]!;
      for (let m = 0; m < shingleSize && w + m < words.length; m++) {
        const i = words[w + m]!;
        if (!copied[i]) {
          copied[i] = 1;
          marked.push(i);
        }
      }
    }
  }
  return marked;
}

export function clearCopied(ctx: EdgeContext, marked: readonly number[]): void {
  for (const i of marked) ctx.copied[i] = 0;
}

/** The class of word token i (NOT_A_WORD for punctuation and symbols), once `markCopied` has run. */
export function classOf(ctx: EdgeContext, other: OtherSide, i: number): WordClass | typeof NOT_A_WORD {
  if (ctx.wordIndex[i]! < 0) return NOT_A_WORD;
  const term = ctx.terms[i];
  if (ctx.copied[i]) return term !== undefined ? 0 : 3;
  if (term !== undefined) return other.terms.has(term) ? 1 : 2;
  return 4;
}

/**
 * How many words of the whole document fall in each class, from per-document totals and the copied words
 * alone (labelling every word of a 5 MB document once per passage was most of a large comparison's time).
 */
export function classTotals(ctx: EdgeContext, other: OtherSide, marked: readonly number[]): Float64Array {
  const totals = new Float64Array(CLASSES);
  let copiedMatched = 0;
  for (const i of marked) {
    const term = ctx.terms[i];
    if (term === undefined) totals[3]!++;
    else {
      totals[0]!++;
      if (other.terms.has(term)) copiedMatched++;
    }
  }
  let matched = 0;
  for (const term of other.terms) matched += ctx.termCounts.get(term) ?? 0;
  totals[1] = matched - copiedMatched;
  totals[2] = ctx.contentCount - totals[0]! - totals[1]!;
  totals[4] = ctx.words.length - ctx.contentCount - totals[3]!;
  return totals;
}
