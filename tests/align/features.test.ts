import { describe, expect, it } from 'vitest';
import { pairFeatures } from '../../src/align/features.js';
import { mergedVector, sentenceVector } from '../../src/align/pairs.js';
import { cosine, sparseCosine } from '../../src/align/similarity.js';
import { inverseSentenceFrequency, mergeCounts, sentenceTerms, weigh } from '../../src/align/terms.js';
import { sentenceKey } from '../../src/fingerprint/sentence-key.js';
import { analyze } from '../../src/text/tokenize.js';
import { seed } from '../helpers/fixtures.js';

const source = analyze(seed('sieff-oped'));
const candidate = analyze(seed('pasha-rewrite'));

describe('pair features', () => {
  it('hold, per sentence, the tf-idf vector `weigh` gives over `sentenceTerms` with the pair idf, in the same term order', () => {
    // A boilerplate sentence on each side: blanked in both the vectors and the idf.
    const boilerplate = new Set([sentenceKey(source, source.sentences[0]!), sentenceKey(candidate, candidate.sentences[1]!)]);
    const f = pairFeatures(source, candidate, 3, boilerplate);
    const blanked = (doc: typeof source) => sentenceTerms(doc).map((t, i) => (boilerplate.has(sentenceKey(doc, doc.sentences[i]!)) ? new Map() : t));
    const terms = { source: blanked(source), candidate: blanked(candidate) };
    const idf = inverseSentenceFrequency(terms.source, terms.candidate);
    expect(f.source.boilerplate[0]).toBe(true);
    expect(f.candidate.boilerplate[1]).toBe(true);
    for (const side of ['source', 'candidate'] as const) {
      terms[side].forEach((counts, i) => {
        const expected = weigh(counts, idf);
        const v = sentenceVector(f[side], i);
        expect(v.norm).toBe(expected.norm);
        expect(Array.from(f[side].weight.subarray(v.from, v.to))).toEqual([...expected.weights.values()]);
        expect(Array.from(f[side].termCount.subarray(v.from, v.to))).toEqual([...counts.values()]);
      });
    }
  });

  it('sparse cosine equals the Map-based cosine to the last bit, merged sentences included', () => {
    const f = pairFeatures(source, candidate, 3);
    const terms = { source: sentenceTerms(source), candidate: sentenceTerms(candidate) };
    const idf = inverseSentenceFrequency(terms.source, terms.candidate);
    const scratch = new Float64Array(f.idf.length);
    let nonZero = 0;
    for (let c = 0; c < candidate.sentences.length; c++) {
      const cv = weigh(terms.candidate[c]!, idf);
      for (let s = 0; s < source.sentences.length; s++) {
        const expected = cosine(weigh(terms.source[s]!, idf), cv).similarity;
        expect(sparseCosine(sentenceVector(f.source, s), sentenceVector(f.candidate, c), scratch)).toBe(expected);
        if (expected > 0) nonZero++;
      }
    }
    expect(nonZero).toBeGreaterThan(100);
    expect(scratch.every((x) => x === 0)).toBe(true);
    // Two consecutive source sentences merged, as pairSentences does for two rewritten as one.
    for (let s = 0; s + 1 < source.sentences.length; s++) {
      const expected = weigh(mergeCounts([terms.source[s]!, terms.source[s + 1]!]), idf);
      const merged = mergedVector(f.source, s, f.idf);
      expect(merged.norm).toBe(expected.norm);
      expect(Array.from(merged.weights)).toEqual([...expected.weights.values()]);
      for (let c = 0; c < candidate.sentences.length; c++) {
        const cv = weigh(terms.candidate[c]!, idf);
        expect(sparseCosine(merged, sentenceVector(f.candidate, c), scratch)).toBe(cosine(expected, cv).similarity);
      }
    }
  });
});
