import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { segment, snapToCodePoint, type Span } from '../../../src/report/html/segments.js';

const text = 'Ab 😀 cd 中文 e👩‍👩‍👧f';

describe('segment', () => {
  it('covers every character exactly once, in order, and each segment carries exactly the spans covering it', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', ' ', '\n', '😀', '中', '\r'), maxLength: 40 }),
        fc.array(fc.tuple(fc.nat(45), fc.nat(45)), { maxLength: 12 }),
        (s, pairs) => {
          const spans: Span<number>[] = pairs.map(([a, b], i) => ({ start: Math.min(a, b), end: Math.max(a, b), value: i }));
          const segs = segment(s, spans);
          let at = 0;
          for (const seg of segs) {
            expect(seg.start).toBe(at);
            expect(seg.end).toBeGreaterThan(seg.start);
            at = seg.end;
          }
          expect(at).toBe(s.length);
          expect(segs.map((g) => s.slice(g.start, g.end)).join('')).toBe(s);
          for (const seg of segs) {
            const covering = spans.filter((sp) => {
              const a = snapToCodePoint(s, Math.min(s.length, sp.start));
              const b = snapToCodePoint(s, Math.min(s.length, sp.end));
              return a <= seg.start && seg.end <= b && b > a;
            });
            expect(seg.values).toEqual(covering.map((c) => c.value));
            // No segment starts or ends inside a surrogate pair.
            expect(snapToCodePoint(s, seg.start)).toBe(seg.start);
            expect(snapToCodePoint(s, seg.end)).toBe(seg.end);
          }
        },
      ),
    );
  });

  it('gives one unannotated segment for a text without spans, and none for an empty text', () => {
    expect(segment(text, [])).toEqual([{ start: 0, end: text.length, values: [] }]);
    expect(segment('', [{ start: 0, end: 3, value: 'x' }])).toEqual([]);
  });

  it('splits at boundaries of overlapping spans and keeps their order', () => {
    const segs = segment('abcdef', [
      { start: 1, end: 4, value: 'p' },
      { start: 2, end: 6, value: 'q' },
    ]);
    expect(segs).toEqual([
      { start: 0, end: 1, values: [] },
      { start: 1, end: 2, values: ['p'] },
      { start: 2, end: 4, values: ['p', 'q'] },
      { start: 4, end: 6, values: ['q'] },
    ]);
  });

  it('moves a boundary that would split an emoji to the emoji start', () => {
    const at = text.indexOf('😀');
    const segs = segment(text, [{ start: at + 1, end: at + 2, value: 'half' }]);
    expect(segs.every((g) => !/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/.test(text.slice(g.start, g.end)))).toBe(true);
  });
});
