import { describe, expect, it } from 'vitest';
import { anchorSet, type Anchor } from '../../src/align/anchors.js';
import { extractChains, mergeChains, type Chain } from '../../src/align/chain.js';
import { DEFAULT_ALIGN_OPTIONS } from '../../src/align/options.js';

const anchor = (source: number, candidate: number, weight: number): Anchor => ({
  source,
  candidate,
  weight,
  similarity: weight + DEFAULT_ALIGN_OPTIONS.baseline,
  sharedTerms: 5,
});
const options = DEFAULT_ALIGN_OPTIONS;

describe('extractChains', () => {
  it('joins a diagonal of moderately similar sentences into one passage', () => {
    const diagonal = [0, 1, 2, 3, 4, 5].map((i) => anchor(10 + i, i, 0.2));
    const [chain, ...rest] = extractChains(anchorSet(diagonal), options);
    expect(rest).toEqual([]);
    expect(chain!.candidate).toEqual({ first: 0, last: 5 });
    expect(chain!.source).toEqual({ first: 10, last: 15 });
    expect(chain!.score).toBeCloseTo(1.2);
  });

  it('drops isolated coincidences: scattered anchors too weak to chain', () => {
    const scattered = [anchor(3, 0, 0.25), anchor(30, 9, 0.3), anchor(12, 20, 0.2)];
    expect(extractChains(anchorSet(scattered), options)).toEqual([]);
  });

  it('bridges gaps up to maxGap sentences, at a cost, but not beyond', () => {
    const gap = options.maxGap;
    const bridged = extractChains(anchorSet([anchor(0, 0, 0.4), anchor(gap + 1, gap + 1, 0.4)]), options);
    expect(bridged).toHaveLength(1);
    expect(bridged[0]!.score).toBeCloseTo(0.8 - gap * options.gapCost);
    expect(extractChains(anchorSet([anchor(0, 0, 0.4), anchor(gap + 2, gap + 2, 0.4)]), options)).toEqual([]);
  });

  it('keeps one sentence rewritten as two, and two as one, in the chain', () => {
    const chains = extractChains(anchorSet([anchor(0, 0, 0.2), anchor(1, 1, 0.2), anchor(1, 2, 0.2), anchor(2, 3, 0.2), anchor(3, 3, 0.2)]), options);
    expect(chains).toHaveLength(1);
    expect(chains[0]!.anchors).toHaveLength(5);
  });

  it('follows sentences shuffled inside a passage, up to maxReorder sentences back in the source', () => {
    // Candidate 0-3 restate source 3, 1, 2, 0: each too weak alone, one passage together.
    const shuffled = [3, 1, 2, 0].map((s, c) => anchor(10 + s, c, 0.2));
    const chains = extractChains(anchorSet(shuffled), options);
    expect(chains).toHaveLength(1);
    expect(chains[0]!.source).toEqual({ first: 10, last: 13 });
    expect(chains[0]!.anchors).toHaveLength(4);
    const tooFar = [anchor(options.maxReorder + 1, 0, 0.4), anchor(0, 1, 0.4)];
    expect(extractChains(anchorSet(tooFar), options)).toEqual([]);
  });

  it('steps forward over a source sentence the passage itself took out of order, at no opportunity cost', () => {
    // Candidate 0-2 restate source 1, 0, 2: the step from source 0 to 2 passes source 1, whose evidence is this passage's.
    const weights = [0.7, 0.6, 0.5];
    const chains = extractChains(anchorSet([anchor(11, 0, weights[0]!), anchor(10, 1, weights[1]!), anchor(12, 2, weights[2]!)]), options);
    expect(chains).toHaveLength(1);
    expect(chains[0]!.anchors).toHaveLength(3);
    expect(chains[0]!.score).toBeCloseTo(weights[0]! + weights[1]! + weights[2]! - options.gapCost);
  });

  it('never moves far backward: a block moved beyond maxReorder becomes a separate passage', () => {
    const first = [0, 1, 2].map((i) => anchor(20 + i, i, 0.4));
    const second = [3, 4, 5].map((i) => anchor(i, i, 0.4));
    const chains = extractChains(anchorSet([...first, ...second]), options);
    expect(chains).toHaveLength(2);
    expect(chains.map((c) => c.source.first).sort((a, b) => a - b)).toEqual([3, 20]);
  });

  it('does not step over sentences that are strong matches elsewhere (opportunity cost)', () => {
    // Candidate 0 and 1 are source 0 and 3; source 1 and 2 appear verbatim further down the candidate.
    const chains = extractChains(anchorSet([anchor(0, 0, 0.85), anchor(3, 1, 0.85), anchor(1, 7, 0.85), anchor(2, 8, 0.85)]), options);
    const spans = chains.map((c) => [c.source.first, c.source.last]);
    expect(spans).not.toContainEqual([0, 3]);
    expect(chains.flatMap((c) => c.anchors)).toHaveLength(4);
  });

  it('returns passages that never overlap on either side', () => {
    const anchors: Anchor[] = [];
    for (let i = 0; i < 30; i++) anchors.push(anchor((i * 7) % 30, i, 0.3 + ((i * 13) % 5) / 10));
    const chains = extractChains(anchorSet(anchors), options);
    for (const side of ['source', 'candidate'] as const) {
      const spans = chains.map((c) => c[side]).sort((a, b) => a.first - b.first);
      for (let i = 1; i < spans.length; i++) expect(spans[i]!.first).toBeGreaterThan(spans[i - 1]!.last);
    }
  });

  it('follows a summary: dense in the candidate, jumping far ahead in the source', () => {
    // Four consecutive candidate sentences condensing source sentences 0, 12, 25 and 40.
    const summary = [0, 12, 25, 40].map((s, c) => anchor(s, c, 0.5));
    const chains = extractChains(anchorSet(summary), options);
    expect(chains).toHaveLength(1);
    expect(chains[0]!.source).toEqual({ first: 0, last: 40 });
    // Each jump costs jumpCost plus the gap cost of a full maxGap skip.
    expect(chains[0]!.score).toBeCloseTo(2 - 3 * (options.jumpCost + options.maxGap * options.gapCost));
  });

  it('jumps neither from a sparse candidate side nor beyond maxSourceJump', () => {
    const sparse = [anchor(0, 0, 0.4), anchor(20, 2, 0.4)];
    expect(extractChains(anchorSet(sparse), options)).toEqual([]);
    const far = [anchor(0, 0, 0.4), anchor(options.maxSourceJump + 1, 1, 0.4)];
    expect(extractChains(anchorSet(far), options)).toEqual([]);
  });

  it('does not jump over source sentences that are strong evidence of reuse elsewhere', () => {
    // Source 5-7 are copied verbatim at candidate 20-22; a jump from source 0 to 12 would pass over them.
    const copy = [5, 6, 7].map((s, i) => anchor(s, 20 + i, 0.85));
    const summary = [anchor(0, 0, 0.3), anchor(12, 1, 0.3)];
    const chains = extractChains(anchorSet([...copy, ...summary]), options);
    expect(chains.map((c) => [c.source.first, c.source.last])).toEqual([[5, 7]]);
  });

  it('never jumps over a source sentence copied elsewhere, however cheap the jump', () => {
    // Source 6 is copied word for word at candidate 20; the summary's two strong anchors could afford the jump's cost.
    const anchors = [anchor(0, 0, 2.5), anchor(12, 1, 2.5), anchor(6, 20, 0.85)];
    const chains = extractChains(anchorSet(anchors), options);
    expect(chains.map((c) => [c.source.first, c.source.last]).sort((a, b) => a[0]! - b[0]!)).toEqual([
      [0, 0],
      [6, 6],
      [12, 12],
    ]);
    // Without the copy, the jump is taken.
    expect(extractChains(anchorSet(anchors.slice(0, 2)), options).map((c) => [c.source.first, c.source.last])).toEqual([[0, 12]]);
  });

  it('does not drift back through the source over weak anchors of sentences copied in a run elsewhere', () => {
    // Candidate 0-5 copy source 11-16 and candidate 9-14 copy source 0-5; candidate 1-5 also weakly resemble
    // source 8, 7, 6, 4, 2, a path back from the first copy to the second.
    const first = [11, 12, 13, 14, 15, 16].map((s, c) => anchor(s, c, 0.85));
    const weak = [8, 7, 6, 4, 2].map((s, i) => anchor(s, i + 1, 0.15));
    const second = [0, 1, 2, 3, 4, 5].map((s, i) => anchor(s, 9 + i, 0.85));
    const spans = (o: typeof options) =>
      extractChains(anchorSet([...first, ...weak, ...second]), o).map((c) => [c.source.first, c.source.last, c.candidate.first, c.candidate.last]);
    expect(spans(options)).toEqual([
      [11, 16, 0, 5],
      [0, 5, 9, 14],
    ]);
    // Taking the weak anchors for free, one chain runs from the first copy's start back to the second copy.
    expect(spans({ ...options, minCopyRun: Infinity })[0]).toEqual([0, 11, 0, 14]);
  });

  it('searches around spans already taken: none of their anchors, no step across them', () => {
    const diagonal = [0, 1, 2, 3, 4, 5].map((i) => anchor(10 + i, i, i < 2 ? 0.5 : 0.4));
    const taken = [{ source: { first: 12, last: 13 }, candidate: { first: 20, last: 21 } }];
    const chains = extractChains(anchorSet(diagonal), options, taken);
    expect(chains.map((c) => [c.source.first, c.source.last])).toEqual([
      [10, 11],
      [14, 15],
    ]);
    expect(extractChains(anchorSet(diagonal), options).map((c) => [c.source.first, c.source.last])).toEqual([[10, 15]]);
  });
});

describe('mergeChains', () => {
  const chain = (candidate: [number, number], source: [number, number]): Chain => ({
    anchors: [anchor(source[0], candidate[0], 0.5), anchor(source[1], candidate[1], 0.5)],
    score: 1,
    candidate: { first: candidate[0], last: candidate[1] },
    source: { first: source[0], last: source[1] },
  });
  const distance = options.mergeDistance;

  it('joins pieces of one passage that lie close on both sides', () => {
    const merged = mergeChains([chain([0, 3], [10, 13]), chain([5 + distance - 1, 9 + distance], [15, 18])], distance);
    expect(merged).toHaveLength(1);
    expect(merged[0]!.candidate).toEqual({ first: 0, last: 9 + distance });
    expect(merged[0]!.source).toEqual({ first: 10, last: 18 });
    expect(merged[0]!.score).toBe(2);
    expect(merged[0]!.anchors).toHaveLength(4);
  });

  it('keeps apart chains far apart on either side', () => {
    expect(mergeChains([chain([0, 3], [10, 13]), chain([4 + distance + 1, 8 + distance], [14, 16])], distance)).toHaveLength(2);
    expect(mergeChains([chain([0, 3], [10, 13]), chain([4, 6], [14 + distance + 1, 16 + distance])], distance)).toHaveLength(2);
  });

  it('may hold the candidate side to a shorter distance than the source side', () => {
    const pieces = [chain([0, 3], [10, 13]), chain([7, 9], [20, 22])];
    expect(mergeChains(pieces, 10, 3)).toHaveLength(1);
    expect(mergeChains(pieces, 10, 2)).toHaveLength(2);
  });

  it('never swallows a third chain on the source side', () => {
    const merged = mergeChains([chain([0, 2], [0, 2]), chain([4, 6], [8, 10]), chain([20, 22], [4, 5])], distance);
    expect(merged).toHaveLength(3);
  });
});
