import { describe, expect, it } from 'vitest';
import { hashString } from '../../src/fingerprint/hash.js';
import { shingleSet, wordShingles } from '../../src/fingerprint/shingles.js';
import { analyze } from '../../src/text/tokenize.js';

describe('word shingles', () => {
  const text = 'The US, and NATO,\r\ncontinue to fuel the crisis.';
  const doc = analyze(text);

  it('are word n-grams over normalized words, skipping punctuation, with ranges into the original text', () => {
    const shingles = wordShingles(doc, 3);
    expect(shingles).toHaveLength(7); // 9 words → 7 trigrams
    expect(text.slice(shingles[0]!.start, shingles[0]!.end)).toBe('The US, and');
    expect(shingles[0]!.hash).toBe(hashString('the us and'));
    expect(text.slice(shingles[2]!.start, shingles[2]!.end)).toBe('and NATO,\r\ncontinue');
  });

  it('ignore case, punctuation and spacing, so light re-typesetting keeps them', () => {
    expect(shingleSet(analyze('the us and nato continue to fuel the crisis'))).toEqual(shingleSet(doc));
  });

  it('hash strings stably and spread similar strings apart', () => {
    expect(hashString('visit')).toBe(hashString('visit'));
    expect(hashString('visit')).not.toBe(hashString('visits'));
    expect(hashString('visit') >>> 0).toBe(hashString('visit'));
  });
});
