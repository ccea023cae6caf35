/**
 * Turn overlapping annotated ranges (passages, sentence pairs, word marks, sentences) into a flat run of
 * non-overlapping segments over the original text, so the text can be written once, in order, each piece
 * wrapped in one element that carries every annotation covering it. Flat rather than nested because the
 * layers do not nest reliably (two passages may share source sentences).
 */

export interface Span<T> {
  start: number;
  end: number;
  value: T;
}

export interface Segment<T> {
  start: number;
  end: number;
  /** The values of every span covering this segment, in the order the spans were given. */
  values: T[];
}

/**
 * Segments covering `[0, text.length)` exactly once, in order, split at every span boundary. Spans are clipped
 * to the text; empty ones are ignored. `cuts` are extra places to split at (block boundaries). A boundary inside a surrogate pair is moved to the pair's start, so no
 * segment ever holds half an emoji.
 */
export function segment<T>(text: string, spans: readonly Span<T>[], cuts: readonly number[] = []): Segment<T>[] {
  const length = text.length;
  const clip = (x: number): number => snapToCodePoint(text, Math.min(length, Math.max(0, Math.floor(x))));
  const clipped = spans.map((s) => ({ start: clip(s.start), end: clip(s.end), value: s.value }));

  const at = new Set<number>([0, length]);
  for (const c of cuts) at.add(clip(c));
  for (const s of clipped) {
    if (s.end > s.start) {
      at.add(s.start);
      at.add(s.end);
    }
  }
  const bounds = [...at].sort((a, b) => a - b);
  const segments: Segment<T>[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) segments.push({ start: bounds[i]!, end: bounds[i + 1]!, values: [] });

  for (const s of clipped) {
    if (s.end <= s.start) continue;
    for (let i = firstAtOrAfter(bounds, s.start); i < segments.length && segments[i]!.start < s.end; i++) {
      segments[i]!.values.push(s.value);
    }
  }
  return segments;
}

/** Move an offset that falls between a high and a low surrogate back to the start of the pair. */
export function snapToCodePoint(text: string, offset: number): number {
  if (offset <= 0 || offset >= text.length) return offset;
  const low = text.charCodeAt(offset);
  const high = text.charCodeAt(offset - 1);
  return low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff ? offset - 1 : offset;
}

/** Index of the first element of sorted `xs` that is >= x. */
function firstAtOrAfter(xs: readonly number[], x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (xs[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
