import { describe, expect, it } from 'vitest';
import { coreRun, pairedSourceSpan, type SentencePairIndex } from '../../src/align/pairs.js';

const pair = (candidate: number, sourceFirst: number, similarity: number, sourceLast = sourceFirst): SentencePairIndex => ({
  candidate,
  sourceFirst,
  sourceLast,
  similarity,
});

describe('pairedSourceSpan', () => {
  it('spans every pair of a passage whose pairs run together', () => {
    expect(pairedSourceSpan([pair(0, 3, 1), pair(1, 4, 0.3, 5), pair(2, 7, 0.2)], 4, 0.9, 0.4)).toEqual({ first: 3, last: 7 });
  });

  it('leaves out a weak end pair far from the copied sentence next to it, at either end', () => {
    const copy = [pair(1, 12, 1), pair(2, 13, 1), pair(3, 14, 0.95)];
    expect(pairedSourceSpan([...copy, pair(4, 23, 0.3)], 4, 0.9, 0.4)).toEqual({ first: 12, last: 14 });
    expect(pairedSourceSpan([pair(0, 2, 0.2), ...copy], 4, 0.9, 0.4)).toEqual({ first: 12, last: 14 });
  });

  it('keeps a far end pair that is itself strong evidence, or whose neighbour is no copy (a summary)', () => {
    expect(pairedSourceSpan([pair(0, 27, 0.94), pair(1, 19, 0.76, 20)], 4, 0.9, 0.4)).toEqual({ first: 19, last: 27 });
    expect(pairedSourceSpan([pair(0, 0, 0.6), pair(1, 5, 0.3), pair(2, 30, 0.2)], 4, 0.9, 0.4)).toEqual({ first: 0, last: 30 });
  });

  it('gives nothing for no pairs', () => {
    expect(pairedSourceSpan([], 4, 0.9, 0.4)).toBeUndefined();
  });
});

describe('coreRun', () => {
  // A copy of source sentences 7-10 in candidate sentences 8-11, with host sentences on the same topic around it.
  const copy = [pair(8, 7, 1), pair(9, 8, 1), pair(10, 9, 1), pair(11, 10, 1)];

  it('drops weak pairs before and after a copy that do not run on into it in the source', () => {
    expect(coreRun([pair(0, 1, 0.36), pair(1, 0, 0.23, 1), pair(6, 11, 0.25), pair(7, 2, 0.27), ...copy, pair(12, 30, 0.2)], 0.9, 0.4, 4)).toEqual(copy);
  });

  it('keeps weak pairs that continue the copy in the source (a sentence only partly copied)', () => {
    const pairs = [pair(7, 6, 0.3), ...copy, pair(12, 11, 0.28)];
    expect(coreRun(pairs, 0.9, 0.4, 4)).toEqual(pairs);
  });

  it('keeps the edge when any pair beyond the run is not weak: a rewrite around a copied part', () => {
    const pairs = [pair(0, 1, 0.55), pair(1, 0, 0.23), ...copy];
    expect(coreRun(pairs, 0.9, 0.4, 4)).toEqual(pairs);
  });

  it('trims barely related pairs around the clearly derived ones of a rewrite the same way', () => {
    const derived = [pair(5, 0, 0.87, 1), pair(6, 3, 0.54), pair(7, 4, 0.61, 5), pair(8, 6, 0.19)];
    expect(coreRun([pair(0, 3, 0.22), pair(1, 3, 0.16), pair(4, 3, 0.2), ...derived], 0.4, 0.25, 4)).toEqual(derived);
    expect(coreRun([pair(0, 3, 0.3), pair(4, 3, 0.2), ...derived], 0.4, 0.25, 4)).toHaveLength(6);
  });

  it('leaves passages with fewer than two copied pairs alone (an obfuscation may leave one sentence intact)', () => {
    const pairs = [pair(0, 14, 0.54), pair(1, 11, 0.36), pair(2, 10, 1), pair(3, 15, 0.31)];
    expect(coreRun(pairs, 0.9, 0.4, 4)).toEqual(pairs);
  });
});
