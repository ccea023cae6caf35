import { describe, expect, it } from 'vitest';
import { compare } from '../../src/compare.js';
import { excerpt } from '../../src/report/excerpt.js';
import { renderText } from '../../src/report/text.js';
import { seed } from '../helpers/fixtures.js';

describe('text report', () => {
  it('states verdict, coverage and each passage with offsets and excerpts of both sides', () => {
    const source = seed('sieff-oped');
    const candidate = seed('pasha-rewrite');
    const result = compare(source, candidate, { sourcePath: 'sieff.txt', candidatePath: 'pasha.txt' });
    const text = renderText(result, source, candidate);
    expect(text).toContain('verdict:   paraphrase');
    expect(text).toMatch(/coverage: {2}candidate \d+\.\d%, source \d+\.\d%/);
    const p = result.passages[0]!;
    expect(text).toContain(`candidate [${p.candidate.start}, ${p.candidate.end})`);
    expect(text).toContain(`source    [${p.source.start}, ${p.source.end})`);
    expect(text).toContain('Russian President Vladimir');
  });

  it('says so when nothing was reused', () => {
    const r = compare(seed('sieff-oped'), seed('cgtn-shared-future'));
    expect(renderText(r, seed('sieff-oped'), seed('cgtn-shared-future'))).toContain('No reused passage found.');
  });

  it('excerpts fold whitespace and elide the middle of long spans', () => {
    expect(excerpt('a\r\n\tb', { start: 0, end: 5 })).toBe('a b');
    const long = 'x'.repeat(50) + 'MIDDLE' + 'y'.repeat(50);
    const e = excerpt(long, { start: 0, end: long.length }, 40);
    expect(e).not.toContain('MIDDLE');
    expect(e.startsWith('xxx')).toBe(true);
    expect(e.endsWith('yyy')).toBe(true);
  });

  it('excerpts cut long prose at word boundaries', () => {
    const prose = 'Putin and Xi have been consistent and constructive in building upon the aspirations of their peoples.';
    const e = excerpt(prose, { start: 0, end: prose.length }, 50);
    const [head, tail] = e.split(' … ');
    expect(prose.startsWith(head!)).toBe(true);
    expect(prose.endsWith(tail!)).toBe(true);
    expect(prose.split(' ')).toEqual(expect.arrayContaining([head!.split(' ').at(-1), tail!.split(' ')[0]]));
  });
});
