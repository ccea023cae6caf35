import { describe, expect, it } from 'vitest';
import type { Anchor } from '../../src/align/anchors.js';
import { pairFeatures } from '../../src/align/features.js';
import { DEFAULT_ALIGN_OPTIONS } from '../../src/align/options.js';
import { coreRun, isolatedEnds, pairedSourceSpan, pairPassage, pairSentences, reusedEnds, splitCopyRuns, type PairedPassage, type SentencePairIndex } from '../../src/align/pairs.js';
import { analyze } from '../../src/text/tokenize.js';

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

describe('pairSentences', () => {
  it('pairs a sentence repeated in the source with its occurrence next in order, not the first one', () => {
    const repeated = 'Find targeted information on dealing with a recent diagnosis.';
    const source = analyze(
      `Type one diabetes is often diagnosed in children. ${repeated} Type two diabetes is the most common form of the disease. ${repeated} Recently diagnosed adults need support.`,
    );
    const candidate = analyze(`Type two diabetes is the most common form of the disease. ${repeated} Recently diagnosed adults need support.`);
    const f = pairFeatures(source, candidate, 3);
    const chain = { anchors: [], score: 1, source: { first: 0, last: 4 }, candidate: { first: 0, last: 2 } };
    const pairs = pairSentences(chain, f.source, f.candidate, f.idf, DEFAULT_ALIGN_OPTIONS);
    expect(pairs.map((p) => [p.candidate, p.sourceFirst, p.sourceLast])).toEqual([[0, 2, 2], [1, 3, 3], [2, 4, 4]]);
  });

  it('pairs a long candidate sentence with every source sentence it holds, not only two', () => {
    const source = analyze(
      'The valley was settled by farmers in the twelfth century. Its monks drained the marshes and built the first mills. Wool from the abbey sheep was sold as far away as Florence. The abbey was closed in 1536 and its lands were sold to the crown.',
    );
    // Three source sentences run together with semicolons: one candidate sentence.
    const candidate = analyze(
      'History of the valley: the valley was settled by farmers in the twelfth century; its monks drained the marshes and built the first mills; wool from the abbey sheep was sold as far away as Florence.',
    );
    const f = pairFeatures(source, candidate, 3);
    const chain = { anchors: [], score: 1, source: { first: 0, last: 3 }, candidate: { first: 0, last: 0 } };
    const pairs = pairSentences(chain, f.source, f.candidate, f.idf, DEFAULT_ALIGN_OPTIONS);
    expect(candidate.sentences).toHaveLength(1);
    expect(pairs.map((p) => [p.candidate, p.sourceFirst, p.sourceLast])).toEqual([[0, 0, 2]]);
  });
});

describe('pairPassage', () => {
  const source = analyze(
    'Parking in the old town costs more from April, the council said. The new tram line will open in the spring after two years of building work. Trams will run every six minutes between the station and the hospital. Tickets can be bought on board or with the city transport app.',
  );
  const copy = 'The new tram line will open in the spring after two years of building work. Trams will run every six minutes between the station and the hospital.';
  const passage = (before: string) => {
    const f = pairFeatures(source, analyze(`${before} ${copy}`), 3);
    const chain = { anchors: [], score: 3, source: { first: 0, last: 2 }, candidate: { first: 0, last: 2 } };
    const pairs = pairSentences(chain, f.source, f.candidate, f.idf, DEFAULT_ALIGN_OPTIONS);
    return { first: pairs[0]!.similarity, passage: pairPassage(chain, f.source, f.candidate, f.idf, DEFAULT_ALIGN_OPTIONS) };
  };

  it('leaves out a same-topic host sentence before a copy, though it is next in the source', () => {
    const { first, passage: p } = passage('The council said parking near the station will be cheaper for residents.');
    expect(first).toBeGreaterThanOrEqual(DEFAULT_ALIGN_OPTIONS.strayPairSimilarity);
    expect(first).toBeLessThan(DEFAULT_ALIGN_OPTIONS.detachedPairSimilarity);
    expect([p.candidate, p.source]).toEqual([
      { first: 1, last: 2 },
      { first: 1, last: 2 },
    ]);
  });

  it('keeps a clearly derived sentence that runs on into the copy', () => {
    const { first, passage: p } = passage('Parking in the old town will cost more from April, the council said on Monday.');
    expect(first).toBeGreaterThanOrEqual(DEFAULT_ALIGN_OPTIONS.detachedPairSimilarity);
    expect([p.candidate, p.source]).toEqual([
      { first: 0, last: 2 },
      { first: 0, last: 2 },
    ]);
  });
});

describe('splitCopyRuns', () => {
  const anchor = (candidate: number, source: number, weight: number): Anchor => ({ candidate, source, similarity: 1, sharedTerms: 5, weight });
  const passage = (sentencePairs: SentencePairIndex[]): PairedPassage => {
    const source = { first: Math.min(...sentencePairs.map((p) => p.sourceFirst)), last: Math.max(...sentencePairs.map((p) => p.sourceLast)) };
    const candidate = { first: sentencePairs[0]!.candidate, last: sentencePairs[sentencePairs.length - 1]!.candidate };
    const anchors = sentencePairs.map((p) => anchor(p.candidate, p.sourceFirst, 1));
    return { chain: { anchors, score: 6, source, candidate }, sentencePairs, source, candidate };
  };

  it('splits two copies pasted side by side from two places in the source, sharing out the chain score', () => {
    const first = [pair(10, 164, 1), pair(11, 165, 1)];
    const second = [pair(12, 194, 0.73), pair(13, 195, 1), pair(14, 196, 1), pair(15, 197, 1)];
    const pieces = splitCopyRuns(passage([...first, ...second]), 4, 3, 0.9, 0.25);
    expect(pieces.map((p) => [p.candidate, p.source])).toEqual([
      [{ first: 10, last: 11 }, { first: 164, last: 165 }],
      [{ first: 12, last: 15 }, { first: 194, last: 197 }],
    ]);
    expect(pieces.map((p) => p.sentencePairs)).toEqual([first, second]);
    expect(pieces.map((p) => p.chain.score)).toEqual([2, 4]);
  });

  it('splits two copies with host text between them, leaving out its barely related pairs', () => {
    const first = [pair(0, 0, 1), pair(1, 1, 1), pair(2, 2, 1)];
    const second = [pair(12, 4, 1), pair(13, 5, 1), pair(14, 6, 1)];
    const pieces = splitCopyRuns(passage([...first, pair(4, 3, 0.1), pair(7, 1, 0.16), ...second]), 4, 3, 0.9, 0.25);
    expect(pieces.map((p) => p.sentencePairs)).toEqual([first, second]);
    expect(pieces.map((p) => p.candidate)).toEqual([{ first: 0, last: 2 }, { first: 12, last: 14 }]);
    // A pair between them that is more than barely related keeps the passage whole (a lightly edited copy).
    const edited = passage([...first, pair(4, 3, 0.3), ...second]);
    expect(splitCopyRuns(edited, 4, 3, 0.9, 0.25)).toEqual([edited]);
    // So does a sentence between them that was clearly taken from elsewhere in the source (shuffled).
    const shuffled = passage([...first, pair(4, 3, 0.1), ...second]);
    expect(splitCopyRuns(shuffled, 4, 3, 0.9, 0.25, (c) => c === 5)).toEqual([shuffled]);
  });

  it('keeps a summary whole: single copied sentences picked from all over the source', () => {
    const summary = passage([pair(0, 3, 1), pair(1, 20, 0.95), pair(2, 21, 0.5), pair(3, 40, 1), pair(4, 60, 0.7)]);
    expect(splitCopyRuns(summary, 4, 3, 0.9, 0.25)).toEqual([summary]);
  });

  it('splits at a jump over source text not its own, not at one over its own shuffled sentences', () => {
    // Runs from 20, 10, 28 and 15: the jumps pass over sentences that are mostly not this passage's.
    const pasted = passage([pair(0, 20, 1), pair(1, 21, 1), pair(2, 10, 1), pair(3, 11, 0.95), pair(4, 28, 1), pair(5, 29, 1), pair(6, 15, 1)]);
    expect(splitCopyRuns(pasted, 4, 3, 0.9, 0.25).map((p) => p.source)).toEqual([{ first: 20, last: 21 }, { first: 10, last: 11 }, { first: 15, last: 29 }]);
    // An article's sentences shuffled: the jump from 11 to 20 passes over 12-17, paired further on.
    const own = passage([pair(0, 10, 1), pair(1, 11, 1), pair(2, 20, 1), pair(3, 21, 1), ...[12, 13, 14, 15, 16, 17].map((s, k) => pair(4 + k, s, 1))]);
    expect(splitCopyRuns(own, 4, 3, 0.9, 0.25)).toEqual([own]);
  });

  it('keeps a copy whole whose source runs on without a jump, even out of order within maxReorder', () => {
    const copy = passage([pair(0, 5, 1), pair(1, 6, 1), pair(2, 4, 1), pair(3, 9, 1), pair(4, 10, 1)]);
    expect(splitCopyRuns(copy, 4, 3, 0.9, 0.25)).toEqual([copy]);
  });
});
