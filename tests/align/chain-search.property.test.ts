import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anchorSet, type Anchor } from '../../src/align/anchors.js';
import { extractChains, type Chain } from '../../src/align/chain.js';
import { DEFAULT_ALIGN_OPTIONS, type AlignOptions } from '../../src/align/options.js';

/**
 * The chain search as specified, done the slow way: after every chain, the dynamic programme is recomputed
 * over all live anchors from scratch, and a step may not straddle any chain taken so far.
 */
function referenceChains(list: readonly Anchor[], options: AlignOptions): Chain[] {
  const anchors = [...list].sort((a, b) => a.candidate - b.candidate || a.source - b.source);
  const reach = options.maxGap + 1;
  const prefix = (side: 'source' | 'candidate', tolerance = 0) => {
    const n = Math.max(0, ...anchors.map((a) => a[side] + 1));
    const best = new Array<number>(n).fill(0);
    for (const a of anchors) best[a[side]] = Math.max(best[a[side]]!, a.weight);
    const out = [0];
    for (let i = 0; i < n; i++) out.push(out[i]! + Math.max(0, best[i]! - tolerance));
    return out;
  };
  const costs = { source: prefix('source'), candidate: prefix('candidate'), jump: prefix('source', options.jumpTolerance) };
  // A jump never passes over a source sentence with a copy anchor.
  const copied = new Set(anchors.filter((a) => a.similarity >= options.maxReorderSimilarity).map((a) => a.source));
  const passesCopy = (low: number, high: number) => [...copied].some((s) => s > low && s < high);
  // Each sentence's first best anchor, per side, unless it is a copy: skipping it costs nothing when that anchor
  // lies next to the step on the other side (a sentence shuffled inside the passage).
  const bestOf = (side: 'source' | 'candidate') => {
    const best = new Map<number, Anchor>();
    for (const a of anchors) if (!best.has(a[side]) || a.weight > best.get(a[side])!.weight) best.set(a[side], a);
    return best;
  };
  const best = { source: bestOf('source'), candidate: bestOf('candidate') };
  const skip = (side: 'source' | 'candidate', from: number, to: number, otherFrom: number, otherTo: number) => {
    const other = side === 'source' ? 'candidate' : 'source';
    let cost = 0;
    for (let i = from + 1; i < to; i++) {
      const b = best[side].get(i);
      const local = b !== undefined && b.similarity < options.maxReorderSimilarity && b[other] >= otherFrom - reach && b[other] <= otherTo + reach;
      if (!local) cost += costs[side][i + 1]! - costs[side][i]!;
    }
    return cost;
  };
  // A candidate sentence copied (from one place only) inside a run of at least `minCopyRun` sentences copied in
  // order: an anchor of it that is no copy and lies further than `reach` from the copy weighs its own weight
  // less what giving up the copy costs.
  const copyOf = (c: number) => {
    const copies = anchors.filter((a) => a.candidate === c && a.similarity >= options.maxReorderSimilarity);
    return copies.length === 1 ? copies[0] : undefined;
  };
  const runLength = (c: number) => {
    const at = copyOf(c)!.source;
    let n = 1;
    for (let i = 1; copyOf(c - i)?.source === at - i; i++) n++;
    for (let i = 1; copyOf(c + i)?.source === at + i; i++) n++;
    return n;
  };
  const weightOf = (q: Anchor) => {
    const copy = copyOf(q.candidate);
    if (!copy || q.similarity >= options.maxReorderSimilarity || Math.abs(copy.source - q.source) <= reach || runLength(q.candidate) < options.minCopyRun) return q.weight;
    return q.weight - (copy.weight - q.weight);
  };
  const between = (p: number[], from: number, to: number) => (to - from <= 1 ? 0 : p[to]! - p[from + 1]!);
  const straddles = (p: Anchor, q: Anchor, c: Chain) =>
    (p.candidate < c.candidate.first && q.candidate > c.candidate.last) ||
    (Math.min(p.source, q.source) < c.source.first && Math.max(p.source, q.source) > c.source.last);
  const inside = (i: number, span: { first: number; last: number }) => i >= span.first && i <= span.last;
  const alive = anchors.map(() => true);
  const taken: Chain[] = [];
  for (;;) {
    const score: number[] = [];
    const previous: number[] = [];
    for (let k = 0; k < anchors.length; k++) {
      const q = anchors[k]!;
      score[k] = weightOf(q);
      previous[k] = -1;
      for (let p = k - 1; p >= 0 && q.candidate - anchors[p]!.candidate <= reach; p--) {
        const a = anchors[p]!;
        const dc = q.candidate - a.candidate;
        let ds = q.source - a.source;
        if (!alive[p] || ds < -options.maxReorder || (dc === 0 && ds <= 0)) continue;
        const back = ds < 0;
        if (back && Math.min(a.similarity, q.similarity) >= options.maxReorderSimilarity) continue;
        ds = Math.abs(ds);
        const jump = ds > reach;
        if (jump && (dc > 1 || ds > options.maxSourceJump)) continue;
        const skipped = Math.max(0, Math.max(dc, Math.min(ds, reach)) - 1);
        const [low, high] = back ? [q.source, a.source] : [a.source, q.source];
        if (jump && passesCopy(low, high)) continue;
        const sourceCost = back ? 0 : jump ? options.jumpCost + between(costs.jump, low, high) : skip('source', low, high, a.candidate, q.candidate);
        const s = score[p]! - options.gapCost * skipped - sourceCost - skip('candidate', a.candidate, q.candidate, low, high) + weightOf(q);
        if (s > score[k]! && !taken.some((c) => straddles(a, q, c))) [score[k], previous[k]] = [s, p];
      }
    }
    let best = -1;
    for (let k = 0; k < anchors.length; k++) if (alive[k] && (best < 0 || score[k]! > score[best]!)) best = k;
    if (best < 0 || score[best]! < options.minPassageScore) return taken;
    const members: Anchor[] = [];
    for (let k = best; k >= 0; k = previous[k]!) members.unshift(anchors[k]!);
    const sources = members.map((a) => a.source);
    const chain: Chain = {
      anchors: members,
      score: score[best]!,
      candidate: { first: members[0]!.candidate, last: members[members.length - 1]!.candidate },
      source: { first: Math.min(...sources), last: Math.max(...sources) },
    };
    taken.push(chain);
    anchors.forEach((a, k) => {
      if (inside(a.candidate, chain.candidate) || inside(a.source, chain.source)) alive[k] = false;
    });
  }
}

/**
 * Anchors on a small grid: scattered ones plus runs (rewritten passages, some staying on one sentence for a few
 * steps, as when one sentence was rewritten as several), with few distinct weights so that scores tie.
 */
const weight = fc.constantFrom(0.05, 0.1, 0.2, 0.3, 0.45, 0.85, 1.5, 2.5);
const scattered = fc.array(fc.record({ source: fc.nat({ max: 59 }), candidate: fc.nat({ max: 59 }), weight }), { maxLength: 150 });
const run = fc
  .record({
    source: fc.nat({ max: 59 }),
    candidate: fc.nat({ max: 59 }),
    length: fc.integer({ min: 2, max: 12 }),
    sourceStep: fc.integer({ min: 0, max: 8 }),
    candidateStep: fc.integer({ min: 0, max: 3 }),
    weights: fc.array(weight, { minLength: 12, maxLength: 12 }),
  })
  .map(({ source, candidate, length, sourceStep, candidateStep, weights }) =>
    Array.from({ length }, (_, i) => ({
      source: source + Math.floor((i * sourceStep) / 2),
      candidate: candidate + Math.floor((i * candidateStep) / 2),
      weight: weights[i]!,
    })),
  );
const anchorList = fc.tuple(scattered, fc.array(run, { maxLength: 8 })).map(([dots, runs]) => {
  const cells = new Map<string, Anchor>();
  for (const a of [...dots, ...runs.flat()]) {
    cells.set(`${a.source},${a.candidate}`, { ...a, similarity: a.weight + 0.15, sharedTerms: 5 });
  }
  return [...cells.values()];
});
const alignOptions = fc.record({
  maxGap: fc.integer({ min: 0, max: 6 }),
  maxSourceJump: fc.integer({ min: 1, max: 30 }),
  maxReorder: fc.integer({ min: 0, max: 4 }),
  maxReorderSimilarity: fc.constantFrom(0.5, 0.9),
  minPassageScore: fc.constantFrom(0.1, 0.3, 0.6),
  gapCost: fc.constantFrom(0, 0.05),
  jumpCost: fc.constantFrom(0, 0.1),
  jumpTolerance: fc.constantFrom(0.15, 3),
  minCopyRun: fc.constantFrom(1, 2, 3),
});

/** Chains with their scores rounded: the two searches add the same weights in different orders. */
const rounded = (chains: readonly Chain[]) => chains.map((c) => ({ ...c, score: Math.round(c.score * 1e9) / 1e9 }));

/** Anchors as [source, candidate, weight], with the generator's similarity and shared terms. */
const anchorsOf = (cells: readonly [number, number, number][]): Anchor[] =>
  cells.map(([source, candidate, weight]) => ({ source, candidate, weight, similarity: weight + 0.15, sharedTerms: 5 }));

describe('the incremental chain search', () => {
  it('returns the same chains as recomputing from scratch after every chain, on random anchor sets', () => {
    fc.assert(
      fc.property(anchorList, alignOptions, (list, tweaks) => {
        const options = { ...DEFAULT_ALIGN_OPTIONS, ...tweaks };
        expect(rounded(extractChains(anchorSet(list), options))).toEqual(rounded(referenceChains(list, options)));
      }),
      { numRuns: 500 },
    );
  });

  it('agrees with the reference, to float rounding, on a chain whose score the two sum in different orders', () => {
    // Found by the property above (seed 21, 1 run in about 88,000 tried): 11.750000000000002 against 11.750000000000004
    // failed an exact match, and shrinking the 150-anchor case then took the unit run about 10 minutes.
    const list = anchorsOf([
      [1, 0, 2.5], [1, 1, 0.05], [2, 3, 0.05], [2, 4, 0.05], [3, 6, 0.05], [3, 7, 0.85], [4, 9, 0.05], [4, 10, 0.05], [5, 12, 0.05],
      [5, 13, 1.5], [0, 2, 2.5], [0, 3, 0.85], [0, 4, 0.45], [0, 5, 2.5], [0, 6, 0.05], [0, 7, 0.85], [0, 8, 0.05], [0, 9, 0.85],
      [0, 10, 0.05], [0, 11, 0.85], [3, 14, 0.85], [3, 15, 0.05], [3, 16, 0.05], [3, 17, 0.3], [3, 18, 0.45], [3, 19, 0.05], [3, 20, 2.5],
    ]);
    const options = {
      ...DEFAULT_ALIGN_OPTIONS,
      ...{ maxGap: 2, maxSourceJump: 1, maxReorder: 1, maxReorderSimilarity: 0.5, minPassageScore: 0.1, gapCost: 0, jumpCost: 0, jumpTolerance: 0.15, minCopyRun: 1 },
    };
    const chains = extractChains(anchorSet(list), options);
    expect(chains.length).toBeGreaterThan(0);
    expect(rounded(chains)).toEqual(rounded(referenceChains(list, options)));
  });
});
