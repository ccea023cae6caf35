import { describe, expect, it } from 'vitest';
import { coreRun, followCopiedEnds, isolatedEnds, pairedSourceSpan, reusedEnds, withCopyCore, withoutCutEnds } from '../../src/align/pair-bounds.js';
import type { SentencePairIndex } from '../../src/align/pairs.js';
import { pair } from '../helpers/pairs.js';

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

  it('leaves out a far end pair at any similarity when it is no evidence (a single shared word), only next to a copy', () => {
    const copy = [pair(1, 12, 1), pair(2, 13, 1), pair(3, 14, 0.95)];
    const oneWord = (p: { candidate: number }) => p.candidate !== 4;
    expect(pairedSourceSpan([...copy, pair(4, 23, 0.48)], 4, 0.9, 0.4)).toEqual({ first: 12, last: 23 });
    expect(pairedSourceSpan([...copy, pair(4, 23, 0.48)], 4, 0.9, 0.4, oneWord)).toEqual({ first: 12, last: 14 });
    // Next to the copy in the source it still runs on; next to a summary's pair it still reaches.
    expect(pairedSourceSpan([...copy, pair(4, 16, 0.48)], 4, 0.9, 0.4, oneWord)).toEqual({ first: 12, last: 16 });
    expect(pairedSourceSpan([pair(3, 14, 0.6), pair(4, 23, 0.48)], 4, 0.9, 0.4, oneWord)).toEqual({ first: 14, last: 23 });
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

  it('does not let a barely related pair run on into a copy, with a floor given', () => {
    const pairs = [pair(5, 5, 0.2), pair(6, 6, 0.3), ...copy];
    expect(coreRun(pairs, 0.9, 0.4, 4)).toEqual(pairs);
    expect(coreRun(pairs, 0.9, 0.4, 4, 0.25)).toEqual(pairs.slice(1));
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

  it("lets a weak pair run on into a rewrite's core only as far as the core's own pairs step in the source", () => {
    // A sentence-by-sentence rewrite (source 8, 9, 10): a weak pair two source sentences before it, or after it, is
    // a same-topic host sentence; right next to it, it runs on. A summary's core skips sentences, and so may its weak pairs.
    const rewrite = [pair(1, 8, 0.72), pair(2, 9, 0.6), pair(3, 10, 0.55)];
    expect(coreRun([pair(0, 6, 0.2), ...rewrite, pair(4, 12, 0.2)], 0.4, 0.25, 4)).toEqual(rewrite);
    expect(coreRun([pair(0, 7, 0.2), ...rewrite, pair(4, 11, 0.2)], 0.4, 0.25, 4)).toHaveLength(5);
    const summary = [pair(1, 2, 0.5), pair(2, 5, 0.45), pair(3, 9, 0.5)];
    expect(coreRun([...summary, pair(4, 11, 0.2)], 0.4, 0.25, 4)).toHaveLength(4);
    // A pair above the weak level runs on as far as `maxStep`.
    expect(coreRun([pair(0, 6, 0.3), ...rewrite], 0.4, 0.25, 4)).toHaveLength(4);
  });

  it('treats a pair with host text between it and the copy as weak below the separated level, on either side', () => {
    // Candidate sentence 6 (before) and 13 (after) are unpaired host text; the pairs beyond them reach .42 / .45.
    const before = [pair(5, 4, 0.42), pair(7, 6, 0.37)];
    const after = [pair(12, 11, 0.3), pair(14, 3, 0.45)];
    expect(coreRun([...before, ...copy, ...after], 0.9, 0.4, 4, 0.4)).toEqual([...before, ...copy, ...after]);
    expect(coreRun([...before, ...copy, ...after], 0.9, 0.4, 4, 0.4, 0.5)).toEqual(copy);
    // Consecutive candidate sentences (their source order shuffled) keep the plain weak level.
    const shuffled = [pair(6, 2, 0.42), pair(7, 6, 0.37)];
    expect(coreRun([...shuffled, ...copy], 0.9, 0.4, 4, 0.4, 0.5)).toEqual([...shuffled, ...copy]);
    // A separated pair at the separated level is no host sentence.
    expect(coreRun([pair(5, 4, 0.55), pair(7, 6, 0.37), ...copy], 0.9, 0.4, 4, 0.4, 0.5)).toHaveLength(6);
  });

  it('with a reorder limit, treats a pair as separated only if its source is also away from its neighbour', () => {
    // A rewrite's clearly derived pairs (source 8-9), host text at candidate 6, weak pairs before it.
    const derived = [pair(7, 8, 0.7), pair(8, 9, 1)];
    const far = [pair(4, 14, 0.3), pair(5, 14, 0.24)];
    expect(coreRun([...far, ...derived], 0.4, 0.25, 4, 0, 0.4)).toEqual(derived);
    expect(coreRun([...far, ...derived], 0.4, 0.25, 4, 0, 0.4, 3)).toEqual(derived);
    // Source 10-11, just after the derived pairs': sentences of the rewrite moved up, not host text.
    const near = [pair(4, 11, 0.24), pair(5, 10, 0.3)];
    expect(coreRun([...near, ...derived], 0.4, 0.25, 4, 0, 0.4, 3)).toEqual([...near, ...derived]);
    expect(coreRun([...near, ...derived], 0.4, 0.25, 4, 0, 0.4)).toEqual(derived);
  });

  it('leaves passages with fewer than two copied pairs alone (an obfuscation may leave one sentence intact)', () => {
    const pairs = [pair(0, 14, 0.54), pair(1, 11, 0.36), pair(2, 10, 1), pair(3, 15, 0.31)];
    expect(coreRun(pairs, 0.9, 0.4, 4)).toEqual(pairs);
  });
});

describe('isolatedEnds', () => {
  // The passage's derived run: candidate sentences 20..23 from source 5..8.
  const derived = [pair(20, 5, 0.8), pair(21, 6, 0.55), pair(22, 7, 0.3), pair(23, 8, 0.7)];

  it('drops a lone derived pair that only host text (weak pairs, unpaired sentences) joins to the passage', () => {
    const lone = pair(10, 15, 0.94); // a repeated sentence, ten candidate sentences before the reuse
    const pairs = [lone, pair(12, 9, 0.14), pair(15, 3, 0.2), pair(18, 7, 0.11), ...derived];
    expect(isolatedEnds(pairs, 0.4, 0.25, 4)).toEqual(derived);
    const after = [...derived, pair(24, 2, 0.19), pair(28, 1, 0.51)];
    expect(isolatedEnds(after, 0.4, 0.25, 4)).toEqual(derived); // the host text between goes too
  });

  it('keeps it across a short host stretch, across a related pair, and when it is one of only two derived pairs', () => {
    expect(isolatedEnds([pair(17, 2, 0.6), ...derived], 0.4, 0.25, 4)).toHaveLength(5);
    expect(isolatedEnds([pair(10, 2, 0.6), pair(15, 3, 0.3), ...derived], 0.4, 0.25, 4)).toHaveLength(6);
    const two = [pair(10, 2, 0.6), pair(20, 5, 0.8), pair(21, 6, 0.3)];
    expect(isolatedEnds(two, 0.4, 0.25, 4)).toEqual(two);
  });
});

describe('reusedEnds', () => {
  const derived = [pair(20, 5, 0.8), pair(21, 6, 0.55), pair(22, 7, 0.3), pair(23, 8, 0.7)];

  it('drops barely related edge pairs whose source sentence a more similar pair of the passage restates', () => {
    const pairs = [pair(17, 5, 0.18), pair(18, 6, 0.22), ...derived, pair(25, 8, 0.16), pair(26, 7, 0.2, 8)];
    expect(reusedEnds(pairs, 0.25)).toEqual(derived);
  });

  it('keeps an edge pair on a source sentence of its own, or not barely related, and the pairs inside', () => {
    expect(reusedEnds([pair(19, 4, 0.12), ...derived], 0.25)).toHaveLength(5);
    expect(reusedEnds([pair(19, 5, 0.3), ...derived], 0.25)).toHaveLength(5);
    const inside = [pair(20, 5, 0.8), pair(21, 5, 0.1), pair(22, 6, 0.6)];
    expect(reusedEnds(inside, 0.25)).toEqual(inside);
    expect(reusedEnds([pair(3, 2, 0.2), pair(4, 2, 0.1)], 0.25)).toHaveLength(1);
  });
});

describe('withoutCutEnds', () => {
  const passage = (pairs: ReturnType<typeof pair>[], source = { first: 3, last: 9 }) => {
    const candidate = { first: pairs[0]!.candidate, last: pairs[pairs.length - 1]!.candidate };
    return { chain: { anchors: [], score: 2, source, candidate }, sentencePairs: pairs, source, candidate };
  };
  // A copy of source sentences 5-6 in candidate sentences 11-12; 10 and 13 pair with host text either side.
  const pairs = [pair(10, 3, 0.3), pair(11, 5, 1), pair(12, 6, 1), pair(13, 9, 0.2)];

  it('drops end pairs whose candidate sentence the edges cut away, and bounds both sides by the pairs left', () => {
    const trimmed = withoutCutEnds(passage(pairs), (c) => c === 11 || c === 12);
    expect([trimmed.source, trimmed.candidate, trimmed.chain.candidate]).toEqual([
      { first: 5, last: 6 },
      { first: 11, last: 12 },
      { first: 11, last: 12 },
    ]);
    expect(trimmed.sentencePairs).toEqual(pairs.slice(1, 3));
  });

  it('keeps a pair any part of whose sentence is inside, and pairs inside the passage', () => {
    const span = passage(pairs);
    expect(withoutCutEnds(span, () => true)).toBe(span);
    expect(withoutCutEnds(span, (c) => c !== 11)).toBe(span);
  });

  it('leaves a summary alone: its source side reaches past its pairs', () => {
    const summary = passage(pairs, { first: 0, last: 20 });
    expect(withoutCutEnds(summary, (c) => c === 11)).toBe(summary);
  });
});

describe('followCopiedEnds', () => {
  const repair = (c: number, s: number) => pair(c, s, 0.5);
  // The copy's words run on from candidate 11's start back into 10, and from 13's end into 14.
  const runsOn = (p: SentencePairIndex, at: 'start' | 'end') => (p.candidate === 11 && at === 'start') || (p.candidate === 13 && at === 'end');

  it('re-points an end pair that a copied neighbour runs on into to the source sentence next to the neighbour', () => {
    // Candidate 10 (the tail of source 17, cut mid-sentence) paired best with 11; 14 (a line repeated at 30) with 30.
    const pairs = [pair(10, 11, 0.63), pair(11, 18, 1), pair(12, 19, 1), pair(13, 20, 1), pair(14, 30, 1)];
    expect(followCopiedEnds(pairs, 0.9, 40, runsOn, repair)).toEqual([pair(10, 17, 0.5), ...pairs.slice(1, 4), pair(14, 21, 0.5)]);
  });

  it('leaves end pairs that already run on, or whose neighbour is no copy or does not run on into them', () => {
    const inOrder = [pair(10, 17, 0.63), pair(11, 18, 1), pair(12, 19, 1), pair(13, 20, 1), pair(14, 21, 0.8)];
    expect(followCopiedEnds(inOrder, 0.9, 40, runsOn, repair)).toBe(inOrder);
    const weak = [pair(10, 11, 0.63), pair(11, 18, 0.7), pair(12, 19, 1), pair(13, 20, 1), pair(14, 30, 1)];
    expect(followCopiedEnds(weak, 0.9, 40, () => false, repair)).toBe(weak);
    expect(followCopiedEnds(weak, 0.9, 40, runsOn, repair)).toEqual([...weak.slice(0, 4), pair(14, 21, 0.5)]);
  });
});

describe('withCopyCore', () => {
  const passageOf = (sentencePairs: SentencePairIndex[]) => {
    const source = { first: Math.min(...sentencePairs.map((p) => p.sourceFirst)), last: Math.max(...sentencePairs.map((p) => p.sourceLast)) };
    const candidate = { first: sentencePairs[0]!.candidate, last: sentencePairs[sentencePairs.length - 1]!.candidate };
    return { chain: { anchors: [], score: 1, source, candidate }, sentencePairs, source, candidate };
  };
  // A copy cut mid-sentence over candidate 43-44 (pairs 0.61 and 0.27), then host text, then a same-topic line.
  const pairs = [pair(43, 2, 0.61), pair(44, 3, 0.27), pair(48, 3, 0.31, 4)];

  it('leaves out a weak pair beyond host text next to pairs copied by their words', () => {
    const copied = (p: SentencePairIndex) => p.candidate === 43 || p.candidate === 44;
    const trimmed = withCopyCore(passageOf(pairs), copied, 0.4, 4, 0.5);
    expect(trimmed.sentencePairs).toEqual(pairs.slice(0, 2));
    expect(trimmed.candidate).toEqual({ first: 43, last: 44 });
    expect(trimmed.source).toEqual({ first: 2, last: 3 });
  });

  it('keeps a passage with fewer than two copied pairs as it is', () => {
    const passage = passageOf(pairs);
    expect(withCopyCore(passage, (p) => p.similarity >= 0.9, 0.4, 4, 0.5)).toBe(passage);
  });
});

describe('coreRun with a test for core pairs', () => {
  it('bounds the passage by the pairs that pass it, as by similarity', () => {
    const pairs = [pair(0, 0, 0.2), pair(1, 5, 0.6), pair(2, 6, 0.6), pair(3, 20, 0.2)];
    expect(coreRun(pairs, (p) => p.candidate === 1 || p.candidate === 2, 0.4, 4)).toEqual(pairs.slice(1, 3));
    expect(coreRun(pairs, 0.6, 0.4, 4)).toEqual(pairs.slice(1, 3));
  });
});

