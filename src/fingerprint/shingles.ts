import type { TextDocument } from '../text/document.js';
import type { Range } from '../util/range.js';
import { hashString } from './hash.js';

export interface Shingle extends Range {
  /** 32-bit hash of the normalized words, joined by spaces. */
  hash: number;
  /** Index in `TextDocument.tokens` of the shingle's first word. */
  firstToken: number;
}

/** Tokens that take part in shingles: words and numbers, not punctuation. */
export function wordTokenIndices(doc: TextDocument, from = 0, to = doc.tokens.length): number[] {
  const out: number[] = [];
  for (let i = from; i < to; i++) {
    const kind = doc.tokens[i]!.kind;
    if (kind === 'word' || kind === 'number') out.push(i);
  }
  return out;
}

/**
 * Word n-gram shingles over normalized tokens (lower case, contractions expanded, punctuation skipped),
 * each with the character range it spans in the original text. Stop words are kept: they are what makes a
 * copied phrase recognisably copied rather than merely on the same topic.
 */
export function wordShingles(doc: TextDocument, size = 3, from = 0, to = doc.tokens.length): Shingle[] {
  const words = wordTokenIndices(doc, from, to);
  const out: Shingle[] = [];
  for (let k = 0; k + size <= words.length; k++) {
    const first = doc.tokens[words[k]!]!;
    const last = doc.tokens[words[k + size - 1]!]!;
    let key = first.norm;
    for (let m = 1; m < size; m++) key += ' ' + doc.tokens[words[k + m]!]!.norm;
    out.push({ hash: hashString(key), start: first.start, end: last.end, firstToken: words[k]! });
  }
  return out;
}

/** The distinct shingle hashes of a document or of a token range, as a set. */
export function shingleSet(doc: TextDocument, size = 3, from = 0, to = doc.tokens.length): Set<number> {
  return new Set(wordShingles(doc, size, from, to).map((s) => s.hash));
}

/** A document's shingles as parallel typed arrays: shingle k is `hash[k]`, starting at token `firstToken[k]`,
 *  ending at character `end[k]`. In document order. */
export interface ShingleColumns {
  length: number;
  hash: Uint32Array;
  firstToken: Int32Array;
  end: Int32Array;
}

const documentCache = new WeakMap<TextDocument, Map<number, ShingleColumns>>();

/**
 * `wordShingles` of a whole document, computed once per analyzed document and size: signatures, sentence
 * features and passage edges all read them, and batch runs compare one document against many. Kept as typed
 * arrays: a 5 MB document has a million shingles, which as objects held 70 MiB. Do not mutate.
 */
export function documentShingles(doc: TextDocument, size = 3): ShingleColumns {
  let bySize = documentCache.get(doc);
  if (!bySize) documentCache.set(doc, (bySize = new Map()));
  let columns = bySize.get(size);
  if (!columns) {
    const words = wordTokenIndices(doc);
    const n = Math.max(0, words.length - size + 1);
    columns = { length: n, hash: new Uint32Array(n), firstToken: new Int32Array(n), end: new Int32Array(n) };
    for (let k = 0; k < n; k++) {
      // As in wordShingles.
      let key = doc.tokens[words[k]!]!.norm;
      for (let m = 1; m < size; m++) key += ' ' + doc.tokens[words[k + m]!]!.norm;
      columns.hash[k] = hashString(key);
      columns.firstToken[k] = words[k]!;
      columns.end[k] = doc.tokens[words[k + size - 1]!]!.end;
    }
    bySize.set(size, columns);
  }
  return columns;
}
