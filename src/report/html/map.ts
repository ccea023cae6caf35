import type { AlignmentMap, CompareResult } from '../../result.js';
import type { Range } from '../../util/range.js';
import { PALETTE_SIZE } from './column.js';

/** Largest drawn size of the map, in CSS pixels, and of one cell (small documents should not get huge dots). */
const MAX_SIDE = 300;
const MAX_CELL = 12;
/** Below this many pixels a cell would vanish; it is drawn bigger (in grid units) instead. */
const MIN_CELL_PX = 2;
/** Most faint (non-passage) dots drawn: beyond that they only blur into grey and weigh the page down. */
const MAX_NOISE_DOTS = 4000;

interface Dot {
  source: number;
  candidate: number;
  similarity: number;
  /** Index of the passage whose sentence pairs hold this cell, if any. */
  passage: number | undefined;
}

/**
 * The alignment map: a dot plot with one column per source sentence and one row per candidate sentence, a dot
 * wherever two sentences are similar (darker = more similar). A rewrite reads as a diagonal run of dots; text
 * on the same topic only as scattered faint ones. Dots inside a passage's sentence pairs take its colour.
 * `data-cells` lists every dot as `source,candidate,similarity×100,passage number (0: none)`.
 * Inline SVG, so it needs no script to show and prints as vectors.
 */
export function renderMap(result: CompareResult): string {
  const map = result.map;
  if (!map) return '<p class="note">This result has no alignment map (compare with <code>alignmentMap: true</code>).</p>';
  const ns = map.sourceSentences.length;
  const nc = map.candidateSentences.length;
  if (ns === 0 || nc === 0) return '<p class="note">One of the texts has no sentences.</p>';

  const unit = Math.min(MAX_SIDE / ns, MAX_SIDE / nc, MAX_CELL);
  const width = Math.max(1, Math.round(ns * unit));
  const height = Math.max(1, Math.round(nc * unit));
  const size = Math.max(1, MIN_CELL_PX / unit);
  const inset = (1 - size) / 2;
  const pairCells = pairCellPassages(result, map);

  const boxes = result.passages.map((p, i) => {
    const s = sentenceSpan(map.sourceSentences, p.source);
    const c = sentenceSpan(map.candidateSentences, p.candidate);
    if (!s || !c) return '';
    return `<rect class="box c${i % PALETTE_SIZE}" x="${s[0]}" y="${c[0]}" width="${s[1] - s[0] + 1}" height="${c[1] - c[0] + 1}"/>`;
  });
  // One <path> per colour and shade instead of one element per dot: long pairs have tens of thousands of dots,
  // and the page must stay light. The dots' data travels once, compactly, in data-cells for the script.
  const groups = new Map<string, string[]>();
  const data: string[] = [];
  const dots = visibleDots(map, pairCells, unit);
  for (const cell of dots) {
    const passage = cell.passage;
    const cls = passage === undefined ? 'off' : `on c${passage % PALETTE_SIZE}`;
    const opacity = (Math.round(Math.min(1, Math.max(passage === undefined ? 0.15 : 0.55, cell.similarity * 1.6)) * 10) / 10).toFixed(1);
    const group = `${cls}|${opacity}`;
    if (!groups.has(group)) groups.set(group, []);
    groups.get(group)!.push(`M${fmt(cell.source + inset)} ${fmt(cell.candidate + inset)}h${fmt(size)}v${fmt(size)}h${fmt(-size)}z`);
    data.push(`${cell.source},${cell.candidate},${Math.round(cell.similarity * 100)},${passage === undefined ? 0 : passage + 1}`);
  }
  // Grey (noise) shapes first, so passage dots are drawn on top of them.
  const paths = [...groups]
    .sort(([a], [b]) => Number(a.startsWith('on')) - Number(b.startsWith('on')) || a.localeCompare(b))
    .map(([group, d]) => {
      const [cls, opacity] = group.split('|');
      return `<path class="${cls}" fill-opacity="${opacity}" d="${d.join('')}"/>`;
    });
  return (
    `<figure class="map">` +
    `<div class="map-axes"><span>source sentences 1–${ns} →</span><span>↓ candidate sentences 1–${nc}</span></div>` +
    `<svg id="map" role="img" aria-label="Alignment map: ${map.cells.length} similar sentence pairs" width="${width}" height="${height}" ` +
    `viewBox="0 0 ${ns} ${nc}" preserveAspectRatio="none" data-ns="${ns}" data-nc="${nc}" data-cells="${data.join(' ')}">` +
    `<rect class="bg" x="0" y="0" width="${ns}" height="${nc}"/>${boxes.join('')}${paths.join('')}` +
    `<rect id="map-pick" class="picked" x="0" y="0" width="${fmt(size)}" height="${fmt(size)}" visibility="hidden"/></svg>` +
    `<figcaption id="map-readout">A rewrite shows as a diagonal of coloured dots; grey dots are sentences that merely share a topic. Click a dot to see both sentences.` +
    (dots.length < map.cells.length ? ` (Showing the strongest ${dots.length} of ${map.cells.length} similar pairs.)` : '') +
    `</figcaption>` +
    `</figure>`
  );
}

const key = (s: number, c: number): string => `${s}:${c}`;

/**
 * The cells worth drawing. When a grid cell is smaller than a pixel, one dot per pixel (the strongest, passage
 * dots first); then at most MAX_NOISE_DOTS faint ones, the strongest. Every passage dot is kept.
 */
function visibleDots(map: AlignmentMap, pairCells: Map<string, number>, unit: number): Dot[] {
  const bin = Math.max(1, Math.ceil(1 / unit));
  const best = new Map<string, Dot>();
  for (const cell of map.cells) {
    const dot: Dot = { ...cell, passage: pairCells.get(key(cell.source, cell.candidate)) };
    const k = key(Math.floor(cell.source / bin), Math.floor(cell.candidate / bin));
    const held = best.get(k);
    if (!held || rank(dot) > rank(held)) best.set(k, dot);
  }
  const kept = [...best.values()];
  const noise = kept.filter((d) => d.passage === undefined).sort((a, b) => b.similarity - a.similarity);
  return [...kept.filter((d) => d.passage !== undefined), ...noise.slice(0, MAX_NOISE_DOTS)];
}

const rank = (d: Dot): number => (d.passage === undefined ? 0 : 2) + d.similarity;
const fmt = (x: number): string => String(Math.round(x * 1000) / 1000);

/** For each (source sentence, candidate sentence) inside one of a passage's sentence pairs: that passage. */
function pairCellPassages(result: CompareResult, map: AlignmentMap): Map<string, number> {
  const out = new Map<string, number>();
  result.passages.forEach((p, index) => {
    for (const pair of p.pairs) {
      const s = sentenceSpan(map.sourceSentences, pair.source);
      const c = sentenceSpan(map.candidateSentences, pair.candidate);
      if (!s || !c) continue;
      for (let i = s[0]; i <= s[1]; i++) for (let j = c[0]; j <= c[1]; j++) if (!out.has(key(i, j))) out.set(key(i, j), index);
    }
  });
  return out;
}

/** First and last index of the (sorted) sentences that overlap `range`, or null if none does. */
export function sentenceSpan(sentences: readonly Range[], range: Range): [number, number] | null {
  let lo = 0;
  let hi = sentences.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sentences[mid]!.end <= range.start) lo = mid + 1;
    else hi = mid;
  }
  let last = lo - 1;
  while (last + 1 < sentences.length && sentences[last + 1]!.start < range.end) last++;
  return last >= lo ? [lo, last] : null;
}
