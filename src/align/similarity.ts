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
