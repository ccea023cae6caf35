import type { Range } from '../util/range.js';

/**
 * A one-line excerpt of a range for terminals: whitespace folded, the middle elided when long.
 * Display only: offsets are always reported from the range itself, never from the excerpt.
 */
export function excerpt(text: string, range: Range, width = 72): string {
  const flat = text.slice(range.start, range.end).replace(/\s+/g, ' ').trim();
  if (flat.length <= width) return flat;
  const half = Math.floor((width - 3) / 2);
  return `${flat.slice(0, half).trimEnd()} … ${flat.slice(flat.length - half).trimStart()}`;
}
