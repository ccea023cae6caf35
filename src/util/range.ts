/**
 * Half-open character ranges `[start, end)` into an original, unmodified text.
 * Offsets are JavaScript string indices (UTF-16 code units), so `text.slice(start, end)` is the span.
 */
export interface Range {
  start: number;
  end: number;
}

export function rangeLength(r: Range): number {
  return r.end - r.start;
}

export function overlapLength(a: Range, b: Range): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

export function overlaps(a: Range, b: Range): boolean {
  return overlapLength(a, b) > 0;
}

export function cover(ranges: readonly Range[]): Range {
  let start = Infinity;
  let end = -Infinity;
  for (const r of ranges) {
    if (r.start < start) start = r.start;
    if (r.end > end) end = r.end;
  }
  return { start, end };
}

/** Sorted, non-overlapping union of the ranges (touching ranges are merged). */
export function union(ranges: readonly Range[]): Range[] {
  const sorted = ranges.filter((r) => r.end > r.start).sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Range[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push({ start: r.start, end: r.end });
  }
  return out;
}

/** Number of characters covered by at least one of the ranges. */
export function unionLength(ranges: readonly Range[]): number {
  return union(ranges).reduce((sum, r) => sum + r.end - r.start, 0);
}
