import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sentenceTerms } from '../../src/align/terms.js';
import { documentTerms, titleOf } from '../../src/archive/features.js';
import { termId } from '../../src/archive/term-id.js';
import { analyze } from '../../src/text/tokenize.js';
import { article } from './helpers.js';

const fixtures = ['sieff-oped', 'pasha-rewrite', 'chinadaily-cements-ties'].map((f) => readFileSync(new URL(`../../fixtures/${f}.txt`, import.meta.url), 'utf8'));

describe('documentTerms', () => {
  it('counts exactly the terms check queries with (sentenceTerms), in first-occurrence order', () => {
    for (const text of [...fixtures, article(3), "Sony's bid. It is Sony's. Putin’s 95 billion"]) {
      const doc = analyze(text);
      const summed = new Map<string, number>();
      for (const s of sentenceTerms(doc)) for (const [t, n] of s) summed.set(t, (summed.get(t) ?? 0) + n);
      const terms = documentTerms(doc);
      expect(terms.ids).toEqual([...summed.keys()].map(termId));
      expect(terms.freqs).toEqual([...summed.values()]);
      expect(terms.total).toBe([...summed.values()].reduce((a, b) => a + b, 0));
    }
  });
});

describe('titleOf', () => {
  it('is the first line with non-space characters, whatever the line breaks', () => {
    expect(titleOf('\r\n  \n\r Headline  here \r\nbody')).toBe('Headline here');
    expect(titleOf('one\rtwo')).toBe('one');
    expect(titleOf(' \n\t\n')).toBe('');
    expect(titleOf(fixtures[0]!)).toBe(fixtures[0]!.split(/\r\n|\r|\n/).find((l) => l.trim())!.trim().replace(/\s+/g, ' '));
  });
});
