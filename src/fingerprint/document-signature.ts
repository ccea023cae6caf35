import type { TextDocument } from '../text/document.js';
import { DEFAULT_PERMUTATIONS, minhash, type Signature } from './minhash.js';
import { documentShingles } from './shingles.js';

/**
 * The whole-document MinHash signature over word shingles, computed once per analyzed document: batch and
 * archive runs compare one document against many, and hashing every shingle 128 times was most of the
 * cost of a comparison (measured on PAN13: 4.6 of 6.9 ms per pair).
 */
const cache = new WeakMap<TextDocument, Map<string, Signature>>();

export function documentSignature(doc: TextDocument, shingleSize = 3, permutations = DEFAULT_PERMUTATIONS): Signature {
  let bySettings = cache.get(doc);
  if (!bySettings) cache.set(doc, (bySettings = new Map()));
  const key = `${shingleSize}/${permutations}`;
  let signature = bySettings.get(key);
  if (!signature) bySettings.set(key, (signature = minhash(new Set(documentShingles(doc, shingleSize).hash), permutations)));
  return signature;
}
