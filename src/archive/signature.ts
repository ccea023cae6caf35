import { fmix32 } from '../fingerprint/hash.js';
import type { Signature } from '../fingerprint/minhash.js';
import type { TextDocument } from '../text/document.js';
import { PERMUTATIONS } from './lsh.js';
import { wordHashes } from './word-hash.js';

/**
 * Whole-document signatures for near-duplicate search, computed in time linear in the text: one-permutation
 * MinHash (each word 3-gram falls into one of 128 bins by its top bits and keeps the bin's minimum) with
 * optimal densification (an empty bin borrows the value of a bin chosen by a fixed probe sequence; Shrivastava,
 * ICML 2017). Agreeing bins estimate Jaccard like 128 separate permutations do, at 1/128 of the hashing cost
 * that dominated indexing. Archive-internal: never compared with `minhash` signatures.
 */
const BIN_BITS = 7;
const VALUE_SEED = 0x5bd1e995;
const EMPTY = 0xffffffff;

if (1 << BIN_BITS !== PERMUTATIONS) throw new Error('signature bins must match the LSH permutations');

/** Hashes of the document's word 3-grams (normalized words, punctuation skipped), from the word hashes. */
export function shingleHashes(words: Uint32Array): number[] {
  const out: number[] = [];
  let a = 0;
  let b = 0;
  for (const c of words) {
    if (c === 0) continue;
    if (a !== 0) out.push(fmix32((Math.imul((Math.imul(a, 0x01000193) ^ b) >>> 0, 0x01000193) ^ c) >>> 0));
    a = b;
    b = c;
  }
  return out;
}

export function documentSignature(doc: TextDocument, words: Uint32Array = wordHashes(doc)): Signature {
  const hashes = shingleHashes(words);
  const mins = new Uint32Array(PERMUTATIONS).fill(EMPTY);
  const filled = new Uint8Array(PERMUTATIONS);
  for (const x of hashes) {
    const bin = x >>> (32 - BIN_BITS);
    const v = fmix32((x ^ VALUE_SEED) >>> 0);
    if (!filled[bin] || v < mins[bin]!) {
      mins[bin] = v;
      filled[bin] = 1;
    }
  }
  if (hashes.length > 0) densify(mins, filled);
  return { mins, size: hashes.length };
}

function densify(mins: Uint32Array, filled: Uint8Array): void {
  const source = mins.slice();
  for (let i = 0; i < mins.length; i++) {
    if (filled[i]) continue;
    for (let attempt = 1; ; attempt++) {
      const j = fmix32((Math.imul(i + 1, 0x9e3779b1) ^ Math.imul(attempt, 0x85ebca77)) >>> 0) >>> (32 - BIN_BITS);
      if (filled[j]) {
        mins[i] = source[j]!;
        break;
      }
    }
  }
}
