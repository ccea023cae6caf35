import { describe, expect, it } from 'vitest';
import { diffPair, tokenizeWords, type MarkedRange } from '../../../src/report/html/worddiff.js';

const whole = (s: string) => ({ start: 0, end: s.length });
const marked = (text: string, ranges: MarkedRange[]) => ranges.map((r) => [r.mark, text.slice(r.start, r.end)]);

describe('diffPair', () => {
  it('marks identical sentences as kept, from first to last word', () => {
    const s = 'Putin visited Beijing on Friday.';
    const d = diffPair(s, whole(s), s, whole(s));
    expect(marked(s, d.source)).toEqual([['kept', s]]);
    expect(marked(s, d.candidate)).toEqual([['kept', s]]);
  });

  it('tells changed, added and dropped words apart', () => {
    const a = 'Leaders held talks in Beijing on Friday about energy.';
    const b = 'Leaders conducted talks in Beijing about trade and energy.';
    const d = diffPair(a, whole(a), b, whole(b));
    expect(marked(a, d.source)).toEqual([
      ['kept', 'Leaders'],
      ['changed', 'held'],
      ['kept', 'talks in Beijing'],
      ['dropped', 'on Friday'],
      ['kept', 'about energy.'],
    ]);
    expect(marked(b, d.candidate)).toEqual([
      ['kept', 'Leaders'],
      ['changed', 'conducted'],
      ['kept', 'talks in Beijing about'],
      ['added', 'trade and'],
      ['kept', 'energy.'],
    ]);
  });

  it('marks words, not the spaces around them', () => {
    const a = 'Leaders held talks in Beijing on Friday.';
    const b = 'Leaders conducted talks in Beijing.';
    const d = diffPair(a, whole(a), b, whole(b));
    for (const [text, ranges] of [[a, d.source], [b, d.candidate]] as const) {
      for (const r of ranges) expect(text.slice(r.start, r.end)).toBe(text.slice(r.start, r.end).trim());
    }
  });

  it('ignores case, typographic quotes and dashes', () => {
    const a = "Putin's visit — the first";
    const b = 'PUTIN’S visit - the first';
    const d = diffPair(a, whole(a), b, whole(b));
    expect(marked(b, d.candidate)).toEqual([['kept', b]]);
  });

  it('reports absolute offsets within the pair ranges', () => {
    const a = 'XXXX The sentence one. YYYY';
    const b = 'ZZ The sentence two. WW';
    const ra = { start: 5, end: 22 };
    const rb = { start: 3, end: 20 };
    const d = diffPair(a, ra, b, rb);
    for (const r of d.source) expect(r.start >= ra.start && r.end <= ra.end).toBe(true);
    for (const r of d.candidate) expect(r.start >= rb.start && r.end <= rb.end).toBe(true);
    expect(marked(a, d.source)).toEqual([['kept', 'The sentence'], ['changed', 'one']]);
    expect(marked(b, d.candidate)).toEqual([['kept', 'The sentence'], ['changed', 'two']]);
  });

  it('does not show lone function words or punctuation in common as kept', () => {
    const a = 'Officials praised the summit.';
    const b = 'Critics attacked the deal.';
    const d = diffPair(a, whole(a), b, whole(b));
    expect(d.source.some((r) => r.mark === 'kept')).toBe(false);
    expect(d.candidate.some((r) => r.mark === 'kept')).toBe(false);
  });

  it('never splits a surrogate pair and treats each Han character as a word', () => {
    const a = '中国和俄罗斯 👩‍👩‍👧 🇺🇦 ok';
    const b = '中国与俄罗斯 👩‍👩‍👧 🇺🇦 ok';
    const tokens = tokenizeWords(a, whole(a));
    expect(tokens.slice(0, 3).map((t) => a.slice(t.start, t.end))).toEqual(['中', '国', '和']);
    const d = diffPair(a, whole(a), b, whole(b));
    for (const [text, ranges] of [[a, d.source], [b, d.candidate]] as const) {
      for (const r of ranges) {
        const piece = text.slice(r.start, r.end);
        expect(piece).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
      }
    }
    expect(marked(a, d.source)).toContainEqual(['changed', '和']);
    expect(marked(b, d.candidate)).toContainEqual(['changed', '与']);
  });
});
