import type { Chain } from './chain.js';
import type { SentenceFeatures } from './features.js';
import type { AlignOptions } from './options.js';
import { cosine } from './similarity.js';
import { mergeCounts, weigh } from './terms.js';

/** A sentence-level alignment inside a passage, in sentence indices (inclusive spans). */
export interface SentencePairIndex {
  candidate: number;
  sourceFirst: number;
  sourceLast: number;
  similarity: number;
}

/**
 * Pair each candidate sentence of a passage with the source sentence it came from. The search is limited
 * to the passage's source span, which is what lets pairs follow reordering inside a passage that the chain
 * itself (always moving forward) stepped over. When the best source sentence's neighbour improves the
 * match once merged with it, the pair covers both: two source sentences rewritten as one.
 */
export function pairSentences(
  chain: Chain,
  source: SentenceFeatures,
  candidate: SentenceFeatures,
  idf: Map<string, number>,
  options: AlignOptions,
): SentencePairIndex[] {
  const pairs: SentencePairIndex[] = [];
  for (let c = chain.candidate.first; c <= chain.candidate.last; c++) {
    const cv = candidate.vectors[c]!;
    let best = -1;
    let bestSim = 0;
    for (let s = chain.source.first; s <= chain.source.last; s++) {
      const sim = cosine(source.vectors[s]!, cv).similarity;
      if (sim > bestSim) {
        bestSim = sim;
        best = s;
      }
    }
    if (best < 0 || bestSim < options.minPairSimilarity) continue;
    let pair: SentencePairIndex = { candidate: c, sourceFirst: best, sourceLast: best, similarity: bestSim };
    for (const neighbour of [best - 1, best + 1]) {
      if (neighbour < chain.source.first || neighbour > chain.source.last) continue;
      if (cosine(source.vectors[neighbour]!, cv).similarity < options.minPairSimilarity) continue;
      const first = Math.min(best, neighbour);
      const merged = weigh(mergeCounts([source.terms[first]!, source.terms[first + 1]!]), idf);
      const sim = cosine(merged, cv).similarity;
      if (sim > pair.similarity) pair = { candidate: c, sourceFirst: first, sourceLast: first + 1, similarity: sim };
    }
    pairs.push(pair);
  }
  return pairs;
}
