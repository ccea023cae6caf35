import { describe, expect, it } from 'vitest';
import { DEFAULT_VERDICT_OPTIONS } from '../../src/align/options.js';
import { coverage, passageKind, verdictOf } from '../../src/align/score.js';
import { analyze } from '../../src/text/tokenize.js';

describe('coverage', () => {
  it('counts non-whitespace characters inside the ranges, so layout does not change it', () => {
    expect(coverage('ab  cd', [{ start: 0, end: 2 }])).toBeCloseTo(0.5);
    expect(coverage('ab\r\n\r\ncd', [{ start: 0, end: 8 }])).toBe(1);
    expect(coverage('abcd', [{ start: 0, end: 2 }, { start: 1, end: 3 }])).toBeCloseTo(0.75);
    expect(coverage('   ', [])).toBe(0);
  });
});

describe('passage kind', () => {
  const kind = (a: string, b: string) => {
    const s = analyze(a);
    const c = analyze(b);
    return passageKind(s, { first: 0, last: s.sentences.length - 1 }, c, { first: 0, last: c.sentences.length - 1 }, 3, 0.5);
  };
  const original = 'The US Congress passed a $95 billion aid package on April 23. It supplies arms to Ukraine and Israel.';

  it('is verbatim when the words are the same, whatever the case, punctuation or spacing', () => {
    expect(kind(original, 'the US congress passed a $95 billion aid package on April 23 —\nit supplies arms to Ukraine and Israel')).toBe('verbatim');
  });

  it('is near-verbatim after light edits', () => {
    expect(kind(original, 'The US Congress passed a $95 billion aid package on Tuesday. It supplies weapons to Ukraine and Israel.')).toBe('near-verbatim');
  });

  it('is paraphrase when the wording is new', () => {
    expect(kind(original, 'Lawmakers in Washington approved $95 billion in assistance, sending weapons to Kyiv and Tel Aviv.')).toBe('paraphrase');
  });
});

describe('verdict', () => {
  const v = (passages: number, coverage: number, similarity: number) => verdictOf(passages, coverage, similarity, DEFAULT_VERDICT_OPTIONS);
  it('follows the documented thresholds', () => {
    expect(v(0, 0, 0)).toBe('none');
    expect(v(1, 0.95, 0.9)).toBe('duplicate');
    expect(v(1, 0.95, 0.4)).toBe('paraphrase');
    expect(v(3, 0.6, 0.9)).toBe('paraphrase');
    expect(v(1, 0.2, 1)).toBe('partial-reuse');
  });
});
