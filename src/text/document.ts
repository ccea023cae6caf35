import type { Range } from '../util/range.js';

/** What a token is, coarsely: only `word` and `number` tokens carry meaning for matching. */
export type TokenKind = 'word' | 'number' | 'punct' | 'symbol';

export interface Token extends Range {
  /** Lower-cased surface form, contractions expanded by wink ("n't" → "not"). */
  norm: string;
  /** Dictionary form ("visited" → "visit"), lower-cased. */
  lemma: string;
  /** Porter stem of the normal form ("weakening", "weakened" → "weaken"): catches inflections the lemmatizer
   *  misses without a POS tagger, at the price of some over-merging ("university"/"universe"). */
  stem: string;
  /** A function word ("the", "of", "would") that says nothing about content. */
  stop: boolean;
  kind: TokenKind;
}

export interface Sentence extends Range {
  /** Index of the sentence's first token in `TextDocument.tokens`. */
  firstToken: number;
  /** Index one past its last token. */
  endToken: number;
}

/**
 * A text with its tokens and sentences. Every range points into `text`, which is the original input,
 * unmodified: `text.slice(t.start, t.end)` is the token as written.
 */
export interface TextDocument {
  text: string;
  tokens: Token[];
  sentences: Sentence[];
}

/** Index of the document's first token starting at or after `offset` (tokens are in text order). */
export function firstTokenAt(doc: TextDocument, offset: number): number {
  let lo = 0;
  let hi = doc.tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (doc.tokens[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the sentence holding token `token` (sentences cover the tokens in order, without gaps). */
export function sentenceAt(doc: TextDocument, token: number): number {
  let lo = 0;
  let hi = doc.sentences.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (doc.sentences[mid]!.firstToken <= token) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
