import { describe, expect, it } from 'vitest';
import { alignCopyEdges } from '../../src/align/copy-edges.js';
import { analyze } from '../../src/text/tokenize.js';

// The copy starts and ends inside source sentences 1 and 2: the words around it stayed behind.
const sourceText =
  'Pest control is an old trade. Contact toxicity was shown against insect orders such as Orthoptera and in addition chlorpyrifos acts on stomach and gut of pests. ' +
  'Soil exposure was also well demonstrated in trials, said the report on the insect orders. Nothing else follows here.';
const copied = 'in addition chlorpyrifos acts on stomach and gut of pests. Soil exposure was also well demonstrated in trials';
const candidateText = `Farmers ask about sprays. ${copied}. The season was dry.`;
const source = analyze(sourceText);
const candidate = analyze(candidateText);
const sentenceRange = (first: number, last: number) => ({ start: source.sentences[first]!.start, end: source.sentences[last]!.end });
const copyStart = candidateText.indexOf(copied);
const candidateRange = { start: copyStart, end: copyStart + copied.length };

describe('alignCopyEdges', () => {
  it('moves source edges inside the first and last sentence to where the copied words occur', () => {
    const r = alignCopyEdges(source, sentenceRange(1, 2), 1, 2, candidate, candidateRange, 4);
    expect(sourceText.slice(r.start, r.end)).toBe(copied);
  });

  it('leaves an edge that starts or ends the sentence, and one whose words do not occur there', () => {
    const whole = sentenceRange(1, 2);
    const otherWords = { start: candidateText.indexOf('Farmers'), end: candidateText.indexOf('sprays') + 'sprays'.length };
    expect(alignCopyEdges(source, whole, 1, 2, candidate, otherWords, 3)).toEqual(whole);
    // An edge already inside the sentence (cut by the word evidence) is not moved again.
    const inside = { start: whole.start + 5, end: whole.end };
    expect(alignCopyEdges(source, inside, 1, 2, candidate, candidateRange, 4).start).toBe(inside.start);
  });

  it('keeps the sentence boundary (and its punctuation) when the copy reaches the sentence end', () => {
    const full = 'Soil exposure was also well demonstrated in trials, said the report on the insect orders.';
    const c = analyze(`Intro text here. ${full}`);
    const at = c.text.indexOf(full);
    const r = alignCopyEdges(source, sentenceRange(2, 2), 2, 2, c, { start: at, end: at + full.length }, 4);
    expect(r).toEqual(sentenceRange(2, 2));
  });
});
