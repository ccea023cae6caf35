import { fmix32 } from './hash.js';

export const DEFAULT_PERMUTATIONS = 128;

/**
 * A MinHash signature: for each of `k` hash permutations, the minimum over the set's elements.
 * The fraction of positions where two signatures agree estimates the sets' Jaccard similarity
 * (standard error sqrt(J(1-J)/k)). The set size is kept so that containment can be estimated too.
 */
export interface Signature {
  mins: Uint32Array;
  size: number;
}

/**
 * Permutation i is x ↦ fmix32(x ⊕ seed_i): a fixed, seeded family, so signatures computed in different
 * processes (or stored in an archive) stay comparable.
 */
const seeds = new Map<number, Uint32Array>();
function permutationSeeds(k: number): Uint32Array {
  let s = seeds.get(k);
  if (!s) {
    s = new Uint32Array(k);
    for (let i = 0; i < k; i++) s[i] = fmix32(0x9e3779b9 + Math.imul(i + 1, 0x7f4a7c15));
    seeds.set(k, s);
  }
  return s;
}

export function minhash(elements: Iterable<number>, permutations = DEFAULT_PERMUTATIONS): Signature {
  const seed = permutationSeeds(permutations);
  const mins = new Uint32Array(permutations).fill(0xffffffff);
  let size = 0;
  for (const x of elements) {
    size++;
    for (let i = 0; i < permutations; i++) {
      const h = fmix32((x ^ seed[i]!) >>> 0);
      if (h < mins[i]!) mins[i] = h;
    }
  }
  return { mins, size };
}

/** Estimated Jaccard similarity |A∩B| / |A∪B|. */
export function estimateJaccard(a: Signature, b: Signature): number {
  if (a.mins.length !== b.mins.length) throw new Error('signatures of different lengths');
  if (a.size === 0 || b.size === 0) return 0;
  let equal = 0;
  for (let i = 0; i < a.mins.length; i++) if (a.mins[i] === b.mins[i]) equal++;
  return equal / a.mins.length;
}

/**
 * Estimated containment |A∩B| / |A|: how much of A is found in B. Derived from the Jaccard estimate and
 * the exact set sizes, since |A∩B| = J(|A|+|B|)/(1+J).
 */
export function estimateContainment(a: Signature, b: Signature): number {
  if (a.size === 0) return 0;
  const j = estimateJaccard(a, b);
  return Math.min(1, (j * (a.size + b.size)) / (1 + j) / a.size);
}
