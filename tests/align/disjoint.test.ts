import { describe, expect, it } from 'vitest';
import type { SentenceSpan } from '../../src/align/chain.js';
import { disjointPassages } from '../../src/align/disjoint.js';
import type { SentencePairIndex } from '../../src/align/pairs.js';
import { pair } from '../helpers/pairs.js';

/** A passage spanning its pairs (or the spans given). */
function passage(sentencePairs: SentencePairIndex[], source?: SentenceSpan, candidate?: SentenceSpan) {
  const s = source ?? { first: Math.min(...sentencePairs.map((p) => p.sourceFirst)), last: Math.max(...sentencePairs.map((p) => p.sourceLast)) };
  const c = candidate ?? { first: sentencePairs[0]!.candidate, last: sentencePairs[sentencePairs.length - 1]!.candidate };
  return { chain: { anchors: [], score: 1, source: s, candidate: c }, sentencePairs, source: s, candidate: c };
}

const overlap = (a: SentenceSpan, b: SentenceSpan) => a.first <= b.last && b.first <= a.last;

describe('disjointPassages', () => {
  it('leaves passages that share no sentence as they are (the same objects)', () => {
    const a = passage([pair(0, 0, 1), pair(1, 1, 1)]);
    const b = passage([pair(5, 4, 0.6), pair(6, 5, 0.5)]);
    const out = disjointPassages([a, b]);
    expect(out).toHaveLength(2);
    expect(out[0]).toBe(a);
    expect(out[1]).toBe(b);
  });

  it('gives a source sentence two passages pair with to the more similar pair, and shrinks the other passage', () => {
    // A split copy's neighbour (candidate 1) paired weakly into the next copy's source (sentences 6-7).
    const first = passage([pair(0, 0, 0.67), pair(1, 6, 0.5, 7), pair(2, 1, 1), pair(3, 2, 1)]);
    const next = passage([pair(6, 4, 1), pair(7, 5, 1), pair(8, 6, 1), pair(9, 7, 1)]);
    const [a, b] = disjointPassages([first, next]);
    expect(b).toBe(next);
    expect(a!.sentencePairs.map((p) => p.candidate)).toEqual([0, 2, 3]);
    expect(a!.source).toEqual({ first: 0, last: 2 });
    expect(a!.candidate).toEqual({ first: 0, last: 3 });
  });

  it('confines a span reaching past its pairs (a summary) to the free stretch beside a stronger passage', () => {
    const summary = passage([pair(0, 0, 0.5), pair(1, 3, 0.4)], { first: 0, last: 12 });
    const copy = passage([pair(5, 8, 1), pair(6, 9, 1), pair(7, 10, 1)]);
    const [a, b] = disjointPassages([summary, copy]);
    expect(b).toBe(copy);
    expect(a!.source).toEqual({ first: 0, last: 3 });
    expect(overlap(a!.source, b!.source)).toBe(false);
  });

  it('keeps the side of a straddling passage that holds more of its evidence, and drops one left with no pair', () => {
    const straddling = passage([pair(0, 0, 0.3), pair(1, 20, 0.8), pair(2, 21, 0.7)]);
    const middle = passage([pair(5, 5, 1), pair(6, 6, 1), pair(7, 7, 1)]);
    const [a] = disjointPassages([straddling, middle]);
    expect(a!.sentencePairs.map((p) => p.sourceFirst)).toEqual([20, 21]);
    expect(a!.source).toEqual({ first: 20, last: 21 });
    expect(a!.candidate).toEqual({ first: 1, last: 2 });

    const inside = passage([pair(9, 6, 0.3)]);
    expect(disjointPassages([middle, inside])).toEqual([middle]);
  });

  it('never leaves two passages sharing a sentence on either side, whatever their pairs', () => {
    const passages = [
      passage([pair(0, 3, 0.4), pair(1, 9, 0.6), pair(2, 4, 0.5)]),
      passage([pair(2, 9, 0.9), pair(3, 10, 0.9)]),
      passage([pair(5, 0, 0.3), pair(6, 15, 0.3)], { first: 0, last: 15 }),
    ];
    const out = disjointPassages(passages);
    for (let i = 0; i < out.length; i++) {
      for (let j = i + 1; j < out.length; j++) {
        expect(overlap(out[i]!.source, out[j]!.source)).toBe(false);
        expect(overlap(out[i]!.candidate, out[j]!.candidate)).toBe(false);
      }
    }
  });
});
