import { describe, expect, it } from 'vitest';
import { renderMap, sentenceSpan } from '../../../src/report/html/map.js';
import { fixturePair, tags } from './helpers.js';

interface Dot {
  s: number;
  c: number;
  v: number;
  inPassage: boolean;
}

/** The dots as the page script sees them (data-cells: source,candidate,similarity×100,passage). */
function dots(svg: string): Dot[] {
  const cells = tags(svg).find((t) => t.name === 'svg')!.attrs['data-cells']!;
  return cells
    .split(' ')
    .filter(Boolean)
    .map((t) => t.split(',').map(Number))
    .map(([s, c, v, p]) => ({ s: s!, c: c!, v: v! / 100, inPassage: p! > 0 }));
}

/** Number of dot squares drawn: each is one `M…z` subpath. */
const drawn = (svg: string, cls: string): number =>
  tags(svg)
    .filter((t) => t.name === 'path' && t.attrs.class!.split(' ')[0] === cls)
    .reduce((n, t) => n + (t.attrs.d!.match(/M/g) ?? []).length, 0);

/** Longest run of dots that each step down and right by at most `gap` sentences: what the eye reads as a diagonal. */
function longestDiagonal(cells: Dot[], minSimilarity: number, gap = 3): number {
  const cs = cells.filter((d) => d.v >= minSimilarity).sort((a, b) => a.s - b.s || a.c - b.c);
  const run = cs.map(() => 1);
  for (let i = 0; i < cs.length; i++) {
    for (let j = 0; j < i; j++) {
      const ds = cs[i]!.s - cs[j]!.s;
      const dc = cs[i]!.c - cs[j]!.c;
      if (ds >= 1 && dc >= 1 && ds <= gap && dc <= gap) run[i] = Math.max(run[i]!, run[j]! + 1);
    }
  }
  return Math.max(0, ...run);
}

describe('renderMap', () => {
  it('draws the rewrite of the seed pair as a diagonal of passage-coloured dots', () => {
    const { result } = fixturePair('sieff-oped.txt', 'pasha-rewrite.txt');
    const svg = renderMap(result);
    const all = dots(svg);
    expect(all).toHaveLength(result.map!.cells.length);
    expect(drawn(svg, 'on') + drawn(svg, 'off')).toBe(all.length);
    expect(drawn(svg, 'on')).toBe(all.filter((d) => d.inPassage).length);
    expect(longestDiagonal(all, 0.2)).toBeGreaterThanOrEqual(10);
    expect(longestDiagonal(all.filter((d) => d.inPassage), 0)).toBeGreaterThanOrEqual(10);
  });

  it('shows no diagonal for a same-topic article with no reuse: only scattered, faint dots', () => {
    const { result } = fixturePair('sieff-oped.txt', 'chinadaily-cements-ties.txt');
    const svg = renderMap(result);
    const all = dots(svg);
    expect(all.length).toBeGreaterThan(10);
    expect(drawn(svg, 'on')).toBe(0);
    expect(longestDiagonal(all, 0.2)).toBeLessThanOrEqual(4);
  });

  it('scales the grid to the sentence counts and says so when the result has no map', () => {
    const { result } = fixturePair('sieff-oped.txt', 'pasha-rewrite.txt');
    const svg = tags(renderMap(result)).find((t) => t.name === 'svg')!;
    expect(svg.attrs.viewBox).toBe(`0 0 ${result.map!.sourceSentences.length} ${result.map!.candidateSentences.length}`);
    const { map: _omit, ...withoutMap } = result;
    expect(renderMap(withoutMap)).toContain('no alignment map');
  });
});

describe('renderMap on a long pair', () => {
  it('draws at most one dot per pixel and caps the faint ones, keeping every passage dot', () => {
    const n = 3000;
    const sentences = Array.from({ length: n }, (_, i) => ({ start: i * 10, end: i * 10 + 9 }));
    const cells = [];
    for (let i = 0; i < n; i++) for (let j = i % 7; j < n; j += 97) cells.push({ source: i, candidate: j, similarity: 0.1 + ((i * j) % 10) / 100 });
    for (let i = 0; i < n; i++) cells.push({ source: i, candidate: i, similarity: 0.9 });
    const pairs = Array.from({ length: n }, (_, i) => ({ source: sentences[i]!, candidate: sentences[i]!, similarity: 0.9 }));
    const result = {
      ...fixturePair('sieff-oped.txt', 'pasha-rewrite.txt').result,
      passages: [{ source: { start: 0, end: n * 10 }, candidate: { start: 0, end: n * 10 }, similarity: 0.9, kind: 'paraphrase' as const, score: 9, pairs }],
      map: { sourceSentences: sentences, candidateSentences: sentences, cells },
    };
    const svg = renderMap(result);
    expect(cells.length).toBeGreaterThan(90_000);
    expect(drawn(svg, 'off')).toBeLessThanOrEqual(4000);
    expect(drawn(svg, 'on')).toBeGreaterThanOrEqual(300); // the diagonal, one dot per pixel along it
    expect(longestDiagonal(dots(svg).filter((d) => d.inPassage), 0, 20)).toBeGreaterThanOrEqual(300);
    expect(svg).toContain(`of ${cells.length} similar pairs`);
  });
});

describe('sentenceSpan', () => {
  const sentences = [
    { start: 0, end: 10 },
    { start: 11, end: 20 },
    { start: 22, end: 30 },
  ];
  it('finds the first and last sentence a range overlaps', () => {
    expect(sentenceSpan(sentences, { start: 0, end: 10 })).toEqual([0, 0]);
    expect(sentenceSpan(sentences, { start: 5, end: 25 })).toEqual([0, 2]);
    expect(sentenceSpan(sentences, { start: 11, end: 20 })).toEqual([1, 1]);
    expect(sentenceSpan(sentences, { start: 20, end: 22 })).toBeNull();
  });
});
