import type { AlignOptions } from './options.js';
import type { SentenceFeatures } from './features.js';
import { shingleDice } from './similarity.js';

/**
 * An anchor (a seed, in alignment terms) is a pair of similar sentences: `source` and `candidate` are
 * sentence indices. `weight` is what the anchor adds to a chain.
 */
export interface Anchor {
  source: number;
  candidate: number;
  similarity: number;
  sharedTerms: number;
  weight: number;
}

/**
 * All sentence pairs similar enough to be anchors. Two seed signals, combined by taking the larger:
 * tf-idf cosine of the sentences' stemmed content words (survives rewording and reordering inside a sentence), and the
 * Dice overlap of their exact word shingles (a long copied clause inside otherwise different sentences).
 * An inverted index keeps this proportional to the number of sentence pairs that share anything, not to
 * the product of the sentence counts.
 */
export function findAnchors(source: SentenceFeatures, candidate: SentenceFeatures, options: AlignOptions): Anchor[] {
  const postings = new Map<string, { sentence: number; weight: number }[]>();
  source.vectors.forEach((v, sentence) => {
    for (const [term, weight] of v.weights) {
      let list = postings.get(term);
      if (!list) postings.set(term, (list = []));
      list.push({ sentence, weight });
    }
  });
  const shinglePostings = new Map<number, number[]>();
  source.shingles.forEach((set, sentence) => {
    for (const h of set) {
      let list = shinglePostings.get(h);
      if (!list) shinglePostings.set(h, (list = []));
      list.push(sentence);
    }
  });

  const anchors: Anchor[] = [];
  const n = source.vectors.length;
  const dot = new Float64Array(n);
  const shared = new Int32Array(n);
  const sharedShingles = new Int32Array(n);
  const touched: number[] = [];
  candidate.vectors.forEach((cv, c) => {
    for (const [term, w] of cv.weights) {
      for (const p of postings.get(term) ?? []) {
        if (shared[p.sentence] === 0 && sharedShingles[p.sentence] === 0) touched.push(p.sentence);
        dot[p.sentence]! += w * p.weight;
        shared[p.sentence]!++;
      }
    }
    for (const h of candidate.shingles[c]!) {
      for (const s of shinglePostings.get(h) ?? []) {
        if (shared[s] === 0 && sharedShingles[s] === 0) touched.push(s);
        sharedShingles[s]!++;
      }
    }
    for (const s of touched) {
      const sv = source.vectors[s]!;
      const cos = sv.norm > 0 && cv.norm > 0 ? Math.min(1, dot[s]! / (sv.norm * cv.norm)) : 0;
      const dice = shingleDice(sharedShingles[s]!, source.shingles[s]!.size, candidate.shingles[c]!.size);
      const similarity = Math.max(cos, dice);
      if (similarity >= options.minAnchorSimilarity) {
        const sharedTerms = shared[s]!;
        const weight = (similarity - options.baseline) * termFactor(sharedTerms, options);
        if (weight > 0) anchors.push({ source: s, candidate: c, similarity, sharedTerms, weight });
      }
      dot[s] = 0;
      shared[s] = 0;
      sharedShingles[s] = 0;
    }
    touched.length = 0;
  });
  return anchors;
}

/**
 * How much an anchor's shared content terms scale its weight: proportionally below `fullWeightTerms`, then with
 * the square root (diminishing returns: topic words make long sentences share many terms), up to `maxTermFactor`.
 */
export function termFactor(sharedTerms: number, options: AlignOptions): number {
  const r = sharedTerms / options.fullWeightTerms;
  return r <= 1 ? r : Math.min(options.maxTermFactor, Math.sqrt(r));
}
