import { describe, expect, it } from 'vitest';
import type { Anchor } from '../../src/align/anchors.js';
import type { PairedPassage, SentencePairIndex } from '../../src/align/pairs.js';
import { splitCopyRuns } from '../../src/align/split.js';
import { pair } from '../helpers/pairs.js';

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

  it('splits two copies with only unpaired host sentences between them, if those have words of their own', () => {
    const first = [pair(0, 2, 0.63), pair(1, 3, 1), pair(2, 4, 1), pair(3, 5, 1)];
    const second = [pair(7, 7, 1), pair(8, 8, 1), pair(9, 9, 1)];
    const both = passage([...first, ...second]);
    expect(splitCopyRuns(both, 4, 3, 0.9, 0.25).map((p) => [p.candidate, p.source])).toEqual([
      [{ first: 0, last: 3 }, { first: 2, last: 5 }],
      [{ first: 7, last: 9 }, { first: 7, last: 9 }],
    ]);
    // Lines without content terms (a dateline, a lone number) inside one copy are no host text.
    expect(splitCopyRuns(both, 4, 3, 0.9, 0.25, () => false, () => false)).toEqual([both]);
    // Nor are two copies split whose sources interleave: the first piece would span the second's source.
    const interleaved = passage([pair(0, 10, 1), pair(1, 11, 1), pair(2, 14, 1), pair(6, 12, 1), pair(7, 13, 1)]);
    expect(splitCopyRuns(interleaved, 4, 3, 0.9, 0.25)).toEqual([interleaved]);
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

  it('splits at a jump between runs whose sentences are copied on into the next, however weakly they pair', () => {
    // A sentence straddling two pasted copies pairs with neither source well (0.76), nor does a copy's last
    // sentence cut short by the splitter (0.6); their words running on from one source sentence into the next show the copies.
    const pieces = [[pair(20, 5, 0.89, 6)], [pair(21, 141, 0.76, 142), pair(22, 142, 0.6)]];
    const glued = passage(pieces.flat());
    expect(splitCopyRuns(glued, 4, 3, 0.9, 0.25)).toEqual([glued]);
    const runsOn = (p: SentencePairIndex) => p.candidate === 20 || p.candidate === 21;
    expect(splitCopyRuns(glued, 4, 3, 0.9, 0.25, undefined, undefined, { copiedAcross: runsOn }).map((p) => p.sentencePairs)).toEqual(pieces);
    // Copied on in one run only: a summary's verbatim sentence next to its other sentences stays whole.
    expect(splitCopyRuns(glued, 4, 3, 0.9, 0.25, undefined, undefined, { copiedAcross: (p) => p.candidate === 20 })).toEqual([glued]);
  });

  it('splits three copies pasted from three places when host text separates two whose sources a third spans', () => {
    // Copies of source 7-10, 0-3 and 14-16; host text (candidate 4-5) after the first. The second copy's first
    // sentence pairs weakly (0.83) but runs on into the next; cut there and at the jump to 14, no source overlaps.
    const pieces = [
      [pair(0, 7, 0.82), pair(1, 8, 1), pair(2, 9, 1), pair(3, 10, 1)],
      [pair(6, 0, 0.83), pair(7, 1, 1), pair(8, 2, 1), pair(9, 3, 1)],
      [pair(10, 14, 1), pair(11, 15, 1), pair(12, 16, 0.72)],
    ];
    const three = passage(pieces.flat());
    const runsOn = (p: SentencePairIndex) => p.candidate === 6;
    expect(splitCopyRuns(three, 4, 3, 0.9, 0.25, undefined, undefined, { copiedAcross: runsOn }).map((p) => p.sentencePairs)).toEqual(pieces);
    // A second copy running on, without a jump, into the first one's source: the pieces would overlap, kept whole.
    const between = passage([...pieces[0]!, ...pieces[1]!, pair(10, 5, 1), pair(11, 8, 1)]);
    expect(splitCopyRuns(between, 4, 3, 0.9, 0.25, undefined, undefined, { copiedAcross: runsOn })).toEqual([between]);
  });

  it('splits two runs of minCopyRun copied sentences where the source goes back between them', () => {
    // Source 3-5, then 0-2: two copies pasted back to back in the other order (the jump passes over its own sentences).
    const swapped = [[pair(0, 3, 1), pair(1, 4, 1), pair(2, 5, 1)], [pair(3, 0, 0.45), pair(4, 1, 1), pair(5, 2, 1)]];
    const both = passage(swapped.flat());
    expect(splitCopyRuns(both, 4, 3, 0.9, 0.25, undefined, undefined, { minCopyRun: 3 })).toEqual([both]);
    const copiedAcross = (p: SentencePairIndex) => p.candidate === 3;
    expect(splitCopyRuns(both, 4, 3, 0.9, 0.25, undefined, undefined, { copiedAcross, minCopyRun: 3 }).map((p) => p.sentencePairs)).toEqual(swapped);
    // Unless the copy's words run on verbatim across the break (the pairing took a repeated sentence).
    const runsOnVerbatim = (p: SentencePairIndex) => p.candidate === 2;
    expect(splitCopyRuns(both, 4, 3, 0.9, 0.25, undefined, undefined, { copiedAcross, runsOnVerbatim, minCopyRun: 3 })).toEqual([both]);
  });

  it('keeps a copy that skips source sentences whole: sentences deleted from a copy', () => {
    const copy = passage([pair(0, 5, 1), pair(1, 6, 1), pair(2, 7, 1), pair(3, 11, 1), pair(4, 12, 1), pair(5, 13, 1)]);
    expect(splitCopyRuns(copy, 4, 3, 0.9, 0.25, undefined, undefined, { minCopyRun: 3 })).toEqual([copy]);
  });
});
