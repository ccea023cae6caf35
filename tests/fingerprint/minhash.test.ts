import { describe, expect, it } from 'vitest';
import { documentSignature } from '../../src/fingerprint/document-signature.js';
import { estimateContainment, estimateJaccard, minhash } from '../../src/fingerprint/minhash.js';
import { shingleSet } from '../../src/fingerprint/shingles.js';
import { analyze } from '../../src/text/tokenize.js';
import { rng } from '../helpers/generate.js';

/** Two random sets of 32-bit values with a chosen overlap. */
function setPair(random: () => number, shared: number, onlyA: number, onlyB: number): [number[], number[]] {
  const draw = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 2 ** 32));
  const common = draw(shared);
  return [[...common, ...draw(onlyA)], [...common, ...draw(onlyB)]];
}

describe('MinHash at 128 permutations', () => {
  const random = rng(42);
  const cases = Array.from({ length: 60 }, () => {
    const shared = Math.floor(random() * 400);
    return setPair(random, shared, Math.floor(random() * 400) + 1, Math.floor(random() * 400) + 1);
  });

  it('estimates Jaccard within ±0.05 on average, and never far off', () => {
    // The estimator's standard error is sqrt(J(1-J)/128) <= 0.044, so a single estimate can miss by more
    // than 0.05 by chance; the mean error is the stable measure, and 0.15 is > 3 standard errors.
    const errors = cases.map(([a, b]) => {
      const exact = a.filter((x) => new Set(b).has(x)).length / new Set([...a, ...b]).size;
      return Math.abs(estimateJaccard(minhash(a), minhash(b)) - exact);
    });
    expect(errors.reduce((s, e) => s + e, 0) / errors.length).toBeLessThanOrEqual(0.05);
    expect(Math.max(...errors)).toBeLessThanOrEqual(0.15);
  });

  it('is within ±0.05 for near-identical and near-disjoint sets, where the error is small', () => {
    const r = rng(9);
    for (const [shared, a, b] of [[500, 10, 10], [10, 500, 500], [0, 300, 300], [300, 0, 0]] as const) {
      const [x, y] = setPair(r, shared, a, b);
      const exact = shared / (shared + a + b);
      expect(Math.abs(estimateJaccard(minhash(x), minhash(y)) - exact)).toBeLessThanOrEqual(0.05);
    }
  });

  it('estimates containment of a small set inside a large one', () => {
    const [small, large] = setPair(rng(5), 100, 0, 900);
    expect(estimateContainment(minhash(small), minhash(large))).toBeGreaterThan(0.75);
    expect(estimateContainment(minhash(large), minhash(small))).toBeLessThan(0.2);
  });

  it('is deterministic across calls (signatures can be stored and compared later)', () => {
    const [a] = cases[0]!;
    expect(minhash(a).mins).toEqual(minhash([...a].reverse()).mins);
  });

  it('treats empty sets as similar to nothing', () => {
    expect(estimateJaccard(minhash([]), minhash([]))).toBe(0);
    expect(minhash([], 16).mins).toHaveLength(16);
  });
});

describe('documentSignature', () => {
  const doc = analyze('The US Congress passed a $95 billion aid package. It supplies arms to Ukraine and Israel.');

  it('equals the MinHash of the document shingles, and is computed once per document and settings', () => {
    const first = documentSignature(doc, 3, 64);
    expect(first.mins).toEqual(minhash(shingleSet(doc, 3), 64).mins);
    expect(documentSignature(doc, 3, 64)).toBe(first);
    expect(documentSignature(doc, 3, 128)).not.toBe(first);
  });
});
