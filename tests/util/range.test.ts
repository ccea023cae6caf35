import { describe, expect, it } from 'vitest';
import { cover, overlapLength, overlaps, union, unionLength } from '../../src/util/range.js';

describe('ranges', () => {
  it('measure overlap of half-open ranges (touching is not overlapping)', () => {
    expect(overlapLength({ start: 0, end: 10 }, { start: 5, end: 20 })).toBe(5);
    expect(overlapLength({ start: 0, end: 10 }, { start: 10, end: 20 })).toBe(0);
    expect(overlaps({ start: 0, end: 10 }, { start: 10, end: 20 })).toBe(false);
  });

  it('union merges overlapping and touching ranges, drops empty ones, and sorts', () => {
    const u = union([{ start: 20, end: 30 }, { start: 0, end: 5 }, { start: 5, end: 8 }, { start: 25, end: 40 }, { start: 9, end: 9 }]);
    expect(u).toEqual([{ start: 0, end: 8 }, { start: 20, end: 40 }]);
    expect(unionLength([{ start: 0, end: 10 }, { start: 5, end: 15 }])).toBe(15);
  });

  it('cover spans all ranges', () => {
    expect(cover([{ start: 7, end: 9 }, { start: 2, end: 4 }])).toEqual({ start: 2, end: 9 });
  });
});
