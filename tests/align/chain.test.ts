import { describe, expect, it } from 'vitest';
import type { Anchor } from '../../src/align/anchors.js';
import { extractChains } from '../../src/align/chain.js';
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
    const [chain, ...rest] = extractChains(diagonal, options);
    expect(rest).toEqual([]);
    expect(chain!.candidate).toEqual({ first: 0, last: 5 });
    expect(chain!.source).toEqual({ first: 10, last: 15 });
    expect(chain!.score).toBeCloseTo(1.2);
  });

  it('drops isolated coincidences: scattered anchors too weak to chain', () => {
    const scattered = [anchor(3, 0, 0.25), anchor(30, 9, 0.3), anchor(12, 20, 0.2)];
    expect(extractChains(scattered, options)).toEqual([]);
  });

  it('bridges gaps up to maxGap sentences, at a cost, but not beyond', () => {
    const gap = options.maxGap;
    const bridged = extractChains([anchor(0, 0, 0.4), anchor(gap + 1, gap + 1, 0.4)], options);
    expect(bridged).toHaveLength(1);
    expect(bridged[0]!.score).toBeCloseTo(0.8 - gap * options.gapCost);
    expect(extractChains([anchor(0, 0, 0.4), anchor(gap + 2, gap + 2, 0.4)], options)).toEqual([]);
  });

  it('keeps one sentence rewritten as two, and two as one, in the chain', () => {
    const chains = extractChains([anchor(0, 0, 0.2), anchor(1, 1, 0.2), anchor(1, 2, 0.2), anchor(2, 3, 0.2), anchor(3, 3, 0.2)], options);
    expect(chains).toHaveLength(1);
    expect(chains[0]!.anchors).toHaveLength(5);
  });

  it('never moves backward: a reordered block becomes a separate passage', () => {
    const first = [0, 1, 2].map((i) => anchor(20 + i, i, 0.4));
    const second = [3, 4, 5].map((i) => anchor(i, i, 0.4));
    const chains = extractChains([...first, ...second], options);
    expect(chains).toHaveLength(2);
    expect(chains.map((c) => c.source.first).sort((a, b) => a - b)).toEqual([3, 20]);
  });

  it('does not step over sentences that are strong matches elsewhere (opportunity cost)', () => {
    // Candidate 0 and 1 are source 0 and 3; source 1 and 2 appear verbatim further down the candidate.
    const chains = extractChains([anchor(0, 0, 0.85), anchor(3, 1, 0.85), anchor(1, 7, 0.85), anchor(2, 8, 0.85)], options);
    const spans = chains.map((c) => [c.source.first, c.source.last]);
    expect(spans).not.toContainEqual([0, 3]);
    expect(chains.flatMap((c) => c.anchors)).toHaveLength(4);
  });

  it('returns passages that never overlap on either side', () => {
    const anchors: Anchor[] = [];
    for (let i = 0; i < 30; i++) anchors.push(anchor((i * 7) % 30, i, 0.3 + ((i * 13) % 5) / 10));
    const chains = extractChains(anchors, options);
    for (const side of ['source', 'candidate'] as const) {
      const spans = chains.map((c) => c[side]).sort((a, b) => a.first - b.first);
      for (let i = 1; i < spans.length; i++) expect(spans[i]!.first).toBeGreaterThan(spans[i - 1]!.last);
    }
  });
});
