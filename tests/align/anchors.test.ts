import { describe, expect, it } from 'vitest';
import { termFactor } from '../../src/align/anchors.js';
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
