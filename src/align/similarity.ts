import type { TermVector } from './terms.js';

/** Cosine similarity of two sparse tf-idf vectors, and how many distinct terms they share. */
export function cosine(a: TermVector, b: TermVector): { similarity: number; sharedTerms: number } {
  if (a.norm === 0 || b.norm === 0) return { similarity: 0, sharedTerms: 0 };
  const [small, large] = a.weights.size <= b.weights.size ? [a, b] : [b, a];
  let dot = 0;
  let sharedTerms = 0;
  for (const [term, w] of small.weights) {
    const v = large.weights.get(term);
    if (v !== undefined) {
      dot += w * v;
      sharedTerms++;
    }
  }
  return { similarity: Math.min(1, dot / (a.norm * b.norm)), sharedTerms };
}

/** Dice coefficient of two sentences' shingle sets, given how many shingles they share. */
export function shingleDice(shared: number, sizeA: number, sizeB: number): number {
  return sizeA + sizeB === 0 ? 0 : (2 * shared) / (sizeA + sizeB);
}

/** A sparse tf-idf vector held in flat arrays: term `ids[k]` has weight `weights[k]`, for k in [from, to). */
export interface SparseVector {
  ids: ArrayLike<number>;
  weights: ArrayLike<number>;
  from: number;
  to: number;
  norm: number;
}

/**
 * `cosine` over sparse vectors, summed in the same order (the smaller vector's terms, in its order), so the
 * result is the same to the last bit. `scratch` has a slot per term id, all 0 (weights are never 0); it is
 * left so.
 */
export function sparseCosine(a: SparseVector, b: SparseVector, scratch: Float64Array): number {
  if (a.norm === 0 || b.norm === 0) return 0;
  const [small, large] = a.to - a.from <= b.to - b.from ? [a, b] : [b, a];
  for (let k = large.from; k < large.to; k++) scratch[large.ids[k]!] = large.weights[k]!;
  let dot = 0;
  for (let k = small.from; k < small.to; k++) {
    const v = scratch[small.ids[k]!]!;
    if (v !== 0) dot += small.weights[k]! * v;
  }
  for (let k = large.from; k < large.to; k++) scratch[large.ids[k]!] = 0;
  return Math.min(1, dot / (a.norm * b.norm));
}
