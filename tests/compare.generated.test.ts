import { describe, expect, it } from 'vitest';
import { compare } from '../src/compare.js';
import { overlapLength } from '../src/util/range.js';
import { seed, SEED_NAMES } from './helpers/fixtures.js';
import { paragraphs, replaceWithSynonyms, rng, shuffle, splitSentences } from './helpers/generate.js';
import { expectWellFormed } from './helpers/invariants.js';

const sieff = seed('sieff-oped');
const allParagraphs = paragraphs(sieff);
const bodyFrom = allParagraphs.findIndex((p) => p.startsWith('Russian President Vladimir Putin'));
const bodyTo = allParagraphs.findIndex((p) => p.startsWith('The lesson is clear'));
/** The op-ed's article body, without page chrome, byline or bio. */
const body = allParagraphs.slice(bodyFrom, bodyTo + 1).join('\n\n');
const bodySentences = allParagraphs.slice(bodyFrom, bodyTo + 1).flatMap(splitSentences);

describe('generated cases', () => {
  it('the body used as material is the article body', () => {
    expect(bodyTo - bodyFrom + 1).toBeGreaterThanOrEqual(15);
    expect(bodySentences.length).toBeGreaterThanOrEqual(25);
  });

  it.each(SEED_NAMES)('%s against itself: one verbatim passage covering everything, duplicate', (name) => {
    const text = seed(name);
    const result = compare(text, text);
    expectWellFormed(result, text, text);
    expect(result.verdict).toBe('duplicate');
    expect(result.passages).toHaveLength(1);
    expect(result.passages[0]!.kind).toBe('verbatim');
    expect(result.coverage).toEqual({ candidate: 1, source: 1 });
  });

  it('sentences shuffled: every sentence is found, the candidate is a duplicate', () => {
    const candidate = shuffle(bodySentences, rng(7)).join(' ');
    const result = compare(body, candidate);
    expectWellFormed(result, body, candidate);
    expect(result.verdict).toBe('duplicate');
    expect(result.coverage.candidate).toBeGreaterThanOrEqual(0.95);
    expect(result.coverage.source).toBeGreaterThanOrEqual(0.95);
  });

  it('20% of words replaced by synonyms: still found as reuse of nearly the whole text', () => {
    const edited = replaceWithSynonyms(body, 0.2, rng(11));
    expect(edited.replaced / edited.words).toBeGreaterThanOrEqual(0.2);
    const result = compare(body, edited.text);
    expectWellFormed(result, body, edited.text);
    expect(['paraphrase', 'duplicate']).toContain(result.verdict);
    expect(result.coverage.candidate).toBeGreaterThanOrEqual(0.9);
    expect(result.passages.every((p) => p.kind !== 'verbatim')).toBe(true);
  });

  it('half the sentences deleted: the rest is found, in one passage per run of the source', () => {
    const random = rng(3);
    const kept = bodySentences.filter(() => random() < 0.5);
    expect(kept.length).toBeGreaterThanOrEqual(bodySentences.length * 0.35);
    const candidate = kept.join(' ');
    const result = compare(body, candidate);
    expectWellFormed(result, body, candidate);
    expect(result.verdict).toBe('duplicate');
    expect(result.coverage.candidate).toBeGreaterThanOrEqual(0.95);
    expect(result.passages).toHaveLength(1);
  });

  it('a source paragraph embedded in an unrelated same-topic article: exactly that paragraph, partial reuse', () => {
    const paragraph = allParagraphs.find((p) => p.startsWith('Moreover, on April 23'))!;
    const host = paragraphs(seed('globaltimes-mutual-trust'));
    const before = host.slice(0, 6).join('\n\n') + '\n\n';
    const candidate = before + paragraph + '\n\n' + host.slice(6).join('\n\n');
    const result = compare(sieff, candidate);
    expectWellFormed(result, sieff, candidate);
    expect(result.verdict).toBe('partial-reuse');
    expect(result.passages).toHaveLength(1);
    const [p] = result.passages;
    expect(p!.kind).toBe('verbatim');
    expect(p!.candidate).toEqual({ start: before.length, end: before.length + paragraph.length });
    const at = sieff.indexOf(paragraph);
    expect(p!.source).toEqual({ start: at, end: at + paragraph.length });
  });

  it('the paragraph is found the same way when the host text uses CRLF line ends', () => {
    const paragraph = allParagraphs.find((p) => p.startsWith('The leaders of Russia and China'))!;
    const host = paragraphs(seed('cgtn-shared-future'));
    const candidate = [...host.slice(0, 4), paragraph, ...host.slice(4)].join('\r\n\r\n');
    const result = compare(sieff, candidate);
    expect(result.passages).toHaveLength(1);
    const start = candidate.indexOf(paragraph);
    expect(overlapLength(result.passages[0]!.candidate, { start, end: start + paragraph.length })).toBe(paragraph.length);
    expect(result.passages[0]!.candidate).toEqual({ start, end: start + paragraph.length });
  });

  it('two paragraphs from far apart pasted side by side: two passages, each with its own exact source', () => {
    // Two sentences each: a single copied sentence here and there is what a summary built of copied
    // sentences looks like, and is reported as one passage (see README).
    const first = allParagraphs[bodyFrom + 1]!;
    const second = allParagraphs[bodyTo]!;
    expect([first, second].map((p) => splitSentences(p).length)).toEqual([2, 2]);
    expect(sieff.indexOf(second) - sieff.indexOf(first)).toBeGreaterThan(4000);
    const host = paragraphs(seed('globaltimes-mutual-trust'));
    const candidate = [...host.slice(0, 5), first, second, ...host.slice(5)].join('\n\n');
    const result = compare(sieff, candidate);
    expectWellFormed(result, sieff, candidate);
    expect(result.passages).toHaveLength(2);
    for (const [k, paragraph] of [first, second].entries()) {
      const at = candidate.indexOf(paragraph);
      const from = sieff.indexOf(paragraph);
      expect(result.passages[k]!.candidate).toEqual({ start: at, end: at + paragraph.length });
      expect(result.passages[k]!.source).toEqual({ start: from, end: from + paragraph.length });
    }
  });

  it('a copy cut out and pasted mid-sentence: the passage is exactly the copied words, on both sides', () => {
    const paragraph = allParagraphs.find((p) => p.startsWith('Moreover, on April 23'))!;
    // From the middle of its first sentence to the middle of its last one.
    const words = paragraph.split(' ');
    const copied = words.slice(6, -5).join(' ');
    const host = paragraphs(seed('globaltimes-mutual-trust'));
    const candidate = `${host.slice(0, 5).join('\n\n')}\n\nAs one commentator put it, ${copied} which is how the matter stands.\n\n${host.slice(5).join('\n\n')}`;
    const result = compare(sieff, candidate);
    expectWellFormed(result, sieff, candidate);
    expect(result.passages).toHaveLength(1);
    const [p] = result.passages;
    expect(candidate.slice(p!.candidate.start, p!.candidate.end)).toBe(copied);
    expect(sieff.slice(p!.source.start, p!.source.end)).toBe(copied);
  });

  describe('one reused sentence inside an unrelated same-topic article', () => {
    const copied = bodySentences.find((x) => x.startsWith('Also, by continuing to supply arms to Taiwan'))!;
    const reworded = 'By continuing its arms supplies to Taiwan, the US keeps violating the three joint Sino-US communiqués that form the cornerstone of Sino-US ties.';
    const host = paragraphs(seed('cgtn-shared-future'));
    const embed = (sentence: string) => [...host.slice(0, 4), sentence, ...host.slice(4)].join('\n\n');

    it('copied verbatim: reported, however short', () => {
      const candidate = embed(copied);
      const result = compare(sieff, candidate);
      expectWellFormed(result, sieff, candidate);
      expect(result.passages).toHaveLength(1);
      expect(result.passages[0]!.kind).toBe('verbatim');
      const at = candidate.indexOf(copied);
      expect(result.passages[0]!.candidate).toEqual({ start: at, end: at + copied.length });
    });

    it('reworded: a paraphrase shorter than minParaphraseWords is not evidence enough', () => {
      const candidate = embed(reworded);
      expect(compare(sieff, candidate).passages).toEqual([]);
      // The chain itself is found: it is the size rule that drops it.
      const lenient = compare(sieff, candidate, { align: { minParaphraseWords: 0 } });
      expect(lenient.passages.map((p) => p.kind)).toEqual(['paraphrase']);
    });
  });
});
