import { firstTokenAt, sentenceAt, type TextDocument } from '../text/document.js';
import type { Range } from '../util/range.js';

/** Occurrences of each word (lower-cased normal form) in a stretch of a document. */
type WordCounts = Map<string, number>;

/**
 * How many distinct words a passage's two sides share that are particular to it: not also used around it
 * (within `context` sentences either way, outside any reused text) in *both* documents. Two articles on one subject use its words
 * ("Yamaha", "guitar", the people named) all through both texts, so sentences matched on those alone are a
 * coincidence of subject; a rewrite also carries over the words of what it rewrites. Every word counts,
 * function words included: the texts themselves show which words are everywhere ("the" always is), so no stop
 * list decides. Around the passage, not the whole document: in a long compilation every word occurs somewhere.
 */
export function localSharedWords(
  source: TextDocument,
  sourceRange: Range,
  sourceReused: Uint8Array,
  candidate: TextDocument,
  candidateRange: Range,
  candidateReused: Uint8Array,
  context: number,
): number {
  const sourceSpan = tokenSpan(source, sourceRange);
  const candidateSpan = tokenSpan(candidate, candidateRange);
  const inSource = wordsIn(source, sourceSpan);
  const inCandidate = wordsIn(candidate, candidateSpan);
  const aroundSource = wordsIn(source, contextSpan(source, sourceSpan, context), sourceReused, sourceSpan);
  const aroundCandidate = wordsIn(candidate, contextSpan(candidate, candidateSpan, context), candidateReused, candidateSpan);
  let local = 0;
  for (const word of inCandidate.keys()) {
    if (!inSource.has(word)) continue;
    const usedAroundBoth = aroundCandidate.has(word) && aroundSource.has(word);
    if (!usedAroundBoth) local++;
  }
  return local;
}

/** Tokens [from, to) inside the character range. */
function tokenSpan(doc: TextDocument, range: Range): [number, number] {
  const from = firstTokenAt(doc, range.start);
  let to = from;
  while (to < doc.tokens.length && doc.tokens[to]!.end <= range.end) to++;
  return [from, to];
}

/** Tokens of the sentences holding tokens [from, to), plus `context` sentences either side. */
function contextSpan(doc: TextDocument, [from, to]: [number, number], context: number): [number, number] {
  const first = sentenceAt(doc, from);
  const last = sentenceAt(doc, Math.max(from, to - 1));
  return [doc.sentences[Math.max(0, first - context)]!.firstToken, doc.sentences[Math.min(doc.sentences.length - 1, last + context)]!.endToken];
}

/** Flags the tokens inside any of the ranges (text some passage reuses). */
export function reusedTokens(doc: TextDocument, ranges: readonly Range[]): Uint8Array {
  const flags = new Uint8Array(doc.tokens.length);
  for (const r of ranges) {
    const [from, to] = tokenSpan(doc, r);
    flags.fill(1, from, to);
  }
  return flags;
}

/** Word counts over tokens [from, to), less those flagged in `reused` and those of `passage`. */
function wordsIn(doc: TextDocument, [from, to]: [number, number], reused?: Uint8Array, passage?: [number, number]): WordCounts {
  const counts: WordCounts = new Map();
  for (let i = from; i < to; i++) {
    if (reused?.[i] || (passage && i >= passage[0] && i < passage[1])) continue;
    const t = doc.tokens[i]!;
    if (t.kind !== 'word' && t.kind !== 'number') continue;
    counts.set(t.norm, (counts.get(t.norm) ?? 0) + 1);
  }
  return counts;
}
