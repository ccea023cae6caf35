import { describe, expect, it } from 'vitest';
import { pairedSourceSpan, type SentencePairIndex } from '../../src/align/pairs.js';

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
