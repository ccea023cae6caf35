import { describe, expect, it } from 'vitest';
import { anchorSimilarity, sharedEvidence, termFactor } from '../../src/align/anchors.js';
import { DEFAULT_ALIGN_OPTIONS } from '../../src/align/options.js';

const options = DEFAULT_ALIGN_OPTIONS;

describe('termFactor', () => {
  it('scales anchors sharing few content terms down proportionally', () => {
    expect(termFactor(0, options)).toBe(0);
    expect(termFactor(options.fullWeightTerms - 1, options)).toBeCloseTo((options.fullWeightTerms - 1) / options.fullWeightTerms);
    expect(termFactor(options.fullWeightTerms, options)).toBe(1);
  });

  it('scales anchors sharing many terms up with the square root, up to maxTermFactor', () => {
    expect(termFactor(4 * options.fullWeightTerms, options)).toBeCloseTo(Math.min(2, options.maxTermFactor));
    const huge = termFactor(1000 * options.fullWeightTerms, options);
    expect(huge).toBe(options.maxTermFactor);
    // Monotone: more shared terms never weigh less.
    for (let n = 1; n < 60; n++) expect(termFactor(n, options)).toBeGreaterThanOrEqual(termFactor(n - 1, options));
  });
});

describe('sharedEvidence', () => {
  const full = options.fullWeightTerms;

  it('counts shared shingles toward full weight: a reworded sentence keeps its function-word phrases', () => {
    expect(sharedEvidence(0, 0, options)).toBe(0);
    expect(sharedEvidence(0, 4, options)).toBeCloseTo(4 * options.shingleTermWeight);
    expect(sharedEvidence(1, 2, options)).toBeGreaterThan(1);
    expect(sharedEvidence(1, 1000, options)).toBe(full);
  });

  it('never lifts an anchor beyond full weight, nor changes one already there', () => {
    for (const terms of [full, full + 1, 3 * full]) for (const shingles of [0, 1, 10, 100]) expect(sharedEvidence(terms, shingles, options)).toBe(terms);
    expect(sharedEvidence(3, 5, { ...options, shingleTermWeight: 0 })).toBe(3);
  });
});

describe('anchorSimilarity', () => {
  const grid = [0, 0.1, 0.3, 0.5, 0.8, 1];

  it('is the larger signal when shingles add nothing', () => {
    for (const cos of grid) for (const dice of grid) expect(anchorSimilarity(cos, dice, { ...options, shingleBoost: 0 })).toBe(Math.max(cos, dice));
  });

  it('adds shared shingles to the cosine, staying within [max(cos, dice), 1]', () => {
    for (const cos of grid) {
      for (const dice of grid) {
        const sim = anchorSimilarity(cos, dice, options);
        expect(sim).toBeGreaterThanOrEqual(Math.max(cos, dice));
        expect(sim).toBeLessThanOrEqual(1);
        if (dice > 0 && cos > dice && cos < 1) expect(sim).toBeGreaterThan(cos);
      }
    }
  });
});
