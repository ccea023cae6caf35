import type { SentencePairIndex } from '../../src/align/pairs.js';

/** A sentence pair by its indices: candidate sentence, first source sentence, similarity, last source sentence. */
export const pair = (candidate: number, sourceFirst: number, similarity: number, sourceLast = sourceFirst): SentencePairIndex => ({
  candidate,
  sourceFirst,
  sourceLast,
  similarity,
});
