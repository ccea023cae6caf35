import type { Range } from '../util/range.js';

/**
 * A one-line excerpt of a range for terminals: whitespace folded, the middle elided when long.
 * Display only: offsets are always reported from the range itself, never from the excerpt.
 */
export function excerpt(text: string, range: Range, width = 72): string {
  const flat = text.slice(range.start, range.end).replace(/\s+/g, ' ').trim();
  if (flat.length <= width) return flat;
  const half = Math.floor((width - 3) / 2);
  // Cut at word boundaries when there is one nearby, so excerpts read as words, not fragments.
  let head = flat.slice(0, half);
  const headCut = head.lastIndexOf(' ');
  if (headCut > half / 2) head = head.slice(0, headCut);
  let tail = flat.slice(flat.length - half);
  const tailCut = tail.indexOf(' ');
  if (tailCut >= 0 && tailCut < half / 2) tail = tail.slice(tailCut + 1);
  return `${head.trimEnd()} … ${tail.trimStart()}`;
}
