import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compare } from '../../src/compare.js';
import { analyze } from '../../src/text/tokenize.js';

/** Text-like strings: words, spaces, newlines and punctuation mixed with arbitrary Unicode. */
const textLike = fc
  .array(
    fc.oneof(
      fc.constantFrom('The', 'visit', 'China', 'Putin’s', "don't", 'U.S.', '$95', '中文', 'Français', '😀', '👍🏽', 'مرحبا'),
      fc.constantFrom(' ', ' ', '\n', '\r\n', '\n\n', '\t', '\u00a0', '. ', '? ', ', ', '—', '"', '(', ')'),
      fc.string({ unit: 'binary', maxLength: 6 }),
    ),
    { minLength: 1, maxLength: 80 },
  )
  .map((parts) => parts.join(''));

describe('analyze, on arbitrary text', () => {
  it('keeps every token and sentence in bounds, in order, and slice-consistent', () => {
    fc.assert(
      fc.property(textLike, (text) => {
        const doc = analyze(text);
        let end = 0;
        for (const t of doc.tokens) {
          expect(t.start).toBeGreaterThanOrEqual(end);
          expect(t.end).toBeLessThanOrEqual(text.length);
          expect(t.end).toBeGreaterThan(t.start);
          end = t.end;
        }
        for (const s of doc.sentences) {
          expect(s.start).toBe(doc.tokens[s.firstToken]!.start);
          expect(s.end).toBe(doc.tokens[s.endToken - 1]!.end);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never splits a surrogate pair at a token boundary', () => {
    fc.assert(
      fc.property(textLike, (text) => {
        for (const t of analyze(text).tokens) {
          const before = text.charCodeAt(t.start - 1);
          const first = text.charCodeAt(t.start);
          expect(first >= 0xdc00 && first <= 0xdfff && before >= 0xd800 && before <= 0xdbff).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('compare, on arbitrary text', () => {
  it('keeps passages in bounds and disjoint, and coverage in [0, 1]', () => {
    fc.assert(
      fc.property(textLike, textLike, (a, b) => {
        const r = compare(a, b + ' ' + a);
        for (const side of ['source', 'candidate'] as const) {
          const length = side === 'source' ? a.length : b.length + 1 + a.length;
          const spans = r.passages.map((p) => p[side]).sort((x, y) => x.start - y.start);
          spans.forEach((s, i) => {
            expect(s.start).toBeGreaterThanOrEqual(i > 0 ? spans[i - 1]!.end : 0);
            expect(s.end).toBeLessThanOrEqual(length);
          });
          expect(r.coverage[side]).toBeGreaterThanOrEqual(0);
          expect(r.coverage[side]).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 150 },
    );
  });
});
