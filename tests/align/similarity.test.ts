import { similarity as mlSimilarity } from 'ml-distance';
import { describe, expect, it } from 'vitest';
import { cosine, shingleDice } from '../../src/align/similarity.js';
import { inverseSentenceFrequency, weigh, type TermCounts } from '../../src/align/terms.js';

const counts = (...terms: string[]): TermCounts => terms.reduce((m, t) => m.set(t, (m.get(t) ?? 0) + 1), new Map());

describe('sentence similarity', () => {
  const a = counts('putin', 'visit', 'china', 'visit', 'symbolism');
  const b = counts('putin', 'trip', 'china', 'substance');
  const c = counts('nato', 'expansion');
  const idf = inverseSentenceFrequency([a, b, c], [counts('china'), counts('china', 'russia')]);

  it('sparse tf-idf cosine equals ml-distance cosine on the dense vectors', () => {
    const va = weigh(a, idf);
    const vb = weigh(b, idf);
    const vocabulary = [...new Set([...va.weights.keys(), ...vb.weights.keys()])];
    const dense = (v: typeof va) => vocabulary.map((t) => v.weights.get(t) ?? 0);
    expect(cosine(va, vb).similarity).toBeCloseTo(mlSimilarity.cosine(dense(va), dense(vb)), 10);
    expect(cosine(va, vb).sharedTerms).toBe(2);
  });

  it('is 1 for identical bags, 0 for disjoint or empty ones', () => {
    expect(cosine(weigh(a, idf), weigh(a, idf)).similarity).toBeCloseTo(1, 10);
    expect(cosine(weigh(a, idf), weigh(c, idf)).similarity).toBe(0);
    expect(cosine(weigh(new Map(), idf), weigh(a, idf)).similarity).toBe(0);
  });

  it('weighs terms frequent across the pair (topic words) below rare ones', () => {
    expect(idf.get('china')!).toBeLessThan(idf.get('symbolism')!);
  });

  it('shingle Dice is 2|A∩B| / (|A|+|B|)', () => {
    expect(shingleDice(3, 4, 8)).toBeCloseTo(0.5);
    expect(shingleDice(0, 0, 0)).toBe(0);
  });
});
