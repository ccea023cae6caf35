import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, DEFAULT_SEGMENT_OPTIONS, paragraphChunks } from '../../src/text/tokenize.js';
import { SEED_NAMES, seed } from '../helpers/fixtures.js';
import { paragraphs } from '../helpers/generate.js';

/** Paragraphs of the seed articles, plus awkward ones: no full stop, CRLF, open quotes, emoji, possessives. */
const pool = [
  ...SEED_NAMES.flatMap((name) => paragraphs(seed(name))),
  'Headline without a full stop',
  '“An open quote that never closes. It goes on',
  'Dr. Smith’s visit\tto the U.S. cost $95\u00a0billion — isn’t that\u00a0a lot?',
  '中文双语 and Français 😀 emoji👍🏽. Won’t stop',
  'Sony\'s bid. It is Sony\'s.',
];
const blankLine = fc.constantFrom('\n\n', '\r\n\r\n', '\n \n', '\n\n\n', '\n\t\n');
const article = fc
  .array(fc.tuple(fc.constantFrom(...pool), blankLine), { minLength: 1, maxLength: 25 })
  .map((parts) => parts.map(([p, gap]) => p + gap).join(''));

describe('analysis in chunks', () => {
  it('chunked analysis equals whole analysis on texts with blank lines', () => {
    fc.assert(
      fc.property(article, fc.integer({ min: 1, max: 3000 }), (text, size) => {
        const whole = analyze(text, DEFAULT_SEGMENT_OPTIONS, Infinity);
        const chunked = analyze(text, DEFAULT_SEGMENT_OPTIONS, size);
        expect(chunked.tokens).toEqual(whole.tokens);
        expect(chunked.sentences).toEqual(whole.sentences);
      }),
      { numRuns: 40 },
    );
  });

  it('cuts a text into consecutive pieces, each ending just after a blank line', () => {
    fc.assert(
      fc.property(article, fc.integer({ min: 1, max: 3000 }), (text, size) => {
        const chunks = paragraphChunks(text, size);
        expect(chunks[0]![0]).toBe(0);
        expect(chunks[chunks.length - 1]![1]).toBe(text.length);
        for (let i = 0; i + 1 < chunks.length; i++) {
          expect(chunks[i]![1]).toBe(chunks[i + 1]![0]);
          expect(text.slice(0, chunks[i]![1])).toMatch(/\n[^\S\n]*\n$/);
        }
        // No piece is longer than `size` unless it holds no blank line to cut at before `size`.
        for (const [start, end] of chunks.slice(0, -1)) {
          if (end - start > size) expect(text.slice(start, start + size)).not.toMatch(/\n[^\S\n]*\n/);
        }
      }),
    );
  });

  it('a text without blank lines is one piece', () => {
    const text = 'One paragraph only. It has two sentences.';
    expect(paragraphChunks(text, 5)).toEqual([[0, text.length]]);
  });
});
