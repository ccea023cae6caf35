import { describe, expect, it } from 'vitest';
import { analyzeFast } from '../../src/archive/analyze-fast.js';
import { analyze } from '../../src/text/tokenize.js';
import { SEED_NAMES, seed } from '../helpers/fixtures.js';

// Keys learned at index time (analyzeFast) are matched against fully analyzed documents at check time, so the
// two must agree exactly. This fails if tokenize.ts changes without analyze-fast.ts.
const tricky =
  'Headline without a full stop\r\n\r\nDr. Smith’s visit\tto the U.S. cost $95\u00a0billion — isn’t that\u00a0a lot?' +
  ' 中文双语 and Français 😀 emoji👍🏽. Won’t stop. The dog cannot.\n\n\u202eRTL\u202c text here.\n' +
  Array.from({ length: 120 }, (_, i) => `word${i}`).join(' ');

describe('analyzeFast', () => {
  it.each([...SEED_NAMES, 'tricky'])('%s: same tokens, stems and sentences as analyze', (name) => {
    const text = name === 'tricky' ? tricky : seed(name as (typeof SEED_NAMES)[number]);
    const full = analyze(text);
    const fast = analyzeFast(text);
    expect(fast.sentences).toEqual(full.sentences);
    expect(fast.tokens).toEqual(full.tokens);
    expect(fast.tokens.length).toBeGreaterThan(10);
  });
});
