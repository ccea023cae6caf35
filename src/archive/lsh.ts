import { fmix32 } from '../fingerprint/hash.js';
import { key48 } from './term-id.js';

/**
 * Locality-sensitive hashing of whole-document MinHash signatures (128 values, signature.ts): 32 bands of 4 rows. Two documents share
 * at least one band with probability 1 − (1 − J⁴)³², which is ≈ 0.5 at Jaccard 0.38, > 0.98 at 0.5 and
 * ≈ 0.004 at 0.15: near-duplicates meet in a bucket, unrelated articles almost never do.
 */
export const BANDS = 32;
export const ROWS = 4;
export const PERMUTATIONS = BANDS * ROWS;

/** One 48-bit key per band: the band's number in the high bits, the hash of its rows in the low 32. */
export function bandKeys(mins: Uint32Array): number[] {
  if (mins.length !== PERMUTATIONS) throw new Error(`expected a ${PERMUTATIONS}-permutation signature`);
  const keys: number[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = 0x811c9dc5 ^ b;
    for (let r = 0; r < ROWS; r++) h = fmix32((h ^ mins[b * ROWS + r]!) >>> 0) + r;
    keys.push(key48(b, fmix32(h >>> 0)));
  }
  return keys;
}
