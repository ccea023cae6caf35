import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classOf, classTotals, clearCopied, CLASSES, edgeContext, markCopied, NOT_A_WORD, otherSide } from '../../src/align/word-classes.js';
import { analyze } from '../../src/text/tokenize.js';
import { seed } from '../helpers/fixtures.js';

const shingleSize = 3;

/** Labels every word the slow way: copied if inside any occurrence of a shingle of the other side. */
function labelEveryWord(text: string, otherText: string, otherFirst: number, otherLast: number): number[] {
  const ctx = edgeContext(analyze(text), shingleSize);
  const other = edgeContext(analyze(otherText), shingleSize);
  const matching = otherSide(other, { first: otherFirst, last: otherLast });
  const copied = new Set<number>();
  ctx.shingleAt.forEach((k, i) => {
    if (k < 0 || !matching.shingles.has(ctx.shingles.hash[k]!)) return;
    for (let m = 0; m < shingleSize && ctx.wordIndex[i]! + m < ctx.words.length; m++) copied.add(ctx.words[ctx.wordIndex[i]! + m]!);
  });
  const totals = new Array<number>(CLASSES).fill(0);
  ctx.doc.tokens.forEach((_, i) => {
    if (ctx.wordIndex[i]! < 0) return;
    const term = ctx.terms[i];
    totals[copied.has(i) ? (term !== undefined ? 0 : 3) : term !== undefined ? (matching.terms.has(term) ? 1 : 2) : 4]!++;
  });
  return totals;
}

const sieff = seed('sieff-oped');
const pasha = seed('pasha-rewrite');
const words = sieff.split(/\s+/);

describe('word classes of passage edges', () => {
  it('counts each class over the whole document exactly as labelling every word would', () => {
    // Texts stitched from the seed's words (so that shingles recur), matched against a span of the rewrite.
    const stitched = fc
      .array(fc.tuple(fc.nat({ max: words.length - 1 }), fc.integer({ min: 1, max: 40 }), fc.constantFrom(' ', '. ', '.\n\n')), { minLength: 1, maxLength: 30 })
      .map((parts) => parts.map(([at, n, sep]) => words.slice(at, at + n).join(' ') + sep).join(''));
    const pashaSentences = analyze(pasha).sentences.length;
    fc.assert(
      fc.property(stitched, fc.nat({ max: pashaSentences - 1 }), fc.nat({ max: 30 }), (text, first, length) => {
        const last = Math.min(pashaSentences - 1, first + length);
        const ctx = edgeContext(analyze(text), shingleSize);
        const matching = otherSide(edgeContext(analyze(pasha), shingleSize), { first, last });
        const marked = markCopied(ctx, matching);
        const totals = Array.from(classTotals(ctx, matching, marked));
        const perWord = new Array<number>(CLASSES).fill(0);
        for (let i = 0; i < ctx.doc.tokens.length; i++) {
          const c = classOf(ctx, matching, i);
          if (c !== NOT_A_WORD) perWord[c]!++;
        }
        clearCopied(ctx, marked);
        expect(totals).toEqual(perWord);
        expect(totals).toEqual(labelEveryWord(text, pasha, first, last));
        expect(ctx.copied.every((f) => f === 0)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('labels every word of a pasted sentence copied, and no word of an unrelated one', () => {
    const copiedSentence = 'Moreover, on April 23 the two leaders agreed to meet again.';
    const text = `${copiedSentence}\n\nEntirely unrelated words about gardening follow here.`;
    const ctx = edgeContext(analyze(text), shingleSize);
    const source = edgeContext(analyze(copiedSentence), shingleSize);
    const matching = otherSide(source, { first: 0, last: 0 });
    const marked = markCopied(ctx, matching);
    const firstSentence = ctx.doc.sentences[0]!;
    for (let i = firstSentence.firstToken; i < firstSentence.endToken; i++) {
      if (ctx.wordIndex[i]! >= 0) expect([0, 3]).toContain(classOf(ctx, matching, i));
    }
    const second = ctx.doc.sentences[1]!;
    for (let i = second.firstToken; i < second.endToken; i++) expect([0, 3]).not.toContain(classOf(ctx, matching, i));
    clearCopied(ctx, marked);
  });
});
