import { expect } from 'vitest';
import type { CompareResult } from '../../src/result.js';
import type { Range } from '../../src/util/range.js';

function expectInBounds(r: Range, length: number): void {
  expect(r.start).toBeGreaterThanOrEqual(0);
  expect(r.end).toBeGreaterThan(r.start);
  expect(r.end).toBeLessThanOrEqual(length);
}

/** What must hold for every compare result: offsets in bounds, passages disjoint, pairs inside passages. */
export function expectWellFormed(result: CompareResult, sourceText: string, candidateText: string): void {
  expect(result.source.length).toBe(sourceText.length);
  expect(result.candidate.length).toBe(candidateText.length);
  for (const side of ['source', 'candidate'] as const) {
    const length = side === 'source' ? sourceText.length : candidateText.length;
    const ranges = result.passages.map((p) => p[side]).sort((a, b) => a.start - b.start);
    ranges.forEach((r, i) => {
      expectInBounds(r, length);
      if (i > 0) expect(r.start).toBeGreaterThanOrEqual(ranges[i - 1]!.end);
    });
    for (const p of result.passages) {
      for (const pair of p.pairs) {
        expectInBounds(pair[side], length);
        expect(pair[side].start).toBeGreaterThanOrEqual(p[side].start);
        expect(pair[side].end).toBeLessThanOrEqual(p[side].end);
      }
    }
  }
  for (const x of [result.coverage.candidate, result.coverage.source, result.similarity]) {
    expect(x).toBeGreaterThanOrEqual(0);
    expect(x).toBeLessThanOrEqual(1);
  }
}
