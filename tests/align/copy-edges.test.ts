import { describe, expect, it } from 'vitest';
import { alignCopyEdges, copiedAcross, extendVerbatim, passageEdges } from '../../src/align/copy-edges.js';
import { analyze } from '../../src/text/tokenize.js';
import { pair } from '../helpers/pairs.js';

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

  it('leaves edges whose words do not occur there', () => {
    const whole = sentenceRange(1, 2);
    const otherWords = { start: candidateText.indexOf('Farmers'), end: candidateText.indexOf('sprays') + 'sprays'.length };
    expect(alignCopyEdges(source, whole, 1, 2, candidate, otherWords, 3)).toEqual(whole);
  });

  it('moves an edge already inside the sentence (cut a few words off by the word evidence) to the copied words', () => {
    const whole = sentenceRange(1, 2);
    const late = { start: sourceText.indexOf('chlorpyrifos'), end: sourceText.indexOf('in trials') };
    const r = alignCopyEdges(source, late, 1, 2, candidate, candidateRange, 4);
    expect(sourceText.slice(r.start, r.end)).toBe(copied);
    expect(r.end).toBeLessThan(whole.end);
  });

  it('pulls back an edge that ran on past the paired sentence into the next one', () => {
    // The copy ends with source sentence 1, but the edge reached the end of sentence 2 (a run-on edge).
    const ending = 'Contact toxicity was shown against insect orders such as Orthoptera and in addition chlorpyrifos acts on stomach and gut of pests.';
    const c = analyze(`Intro text here. ${ending} The season was dry.`);
    const at = c.text.indexOf(ending);
    const r = alignCopyEdges(source, sentenceRange(1, 2), 1, 1, c, { start: at, end: at + ending.length }, 4);
    expect(r).toEqual(sentenceRange(1, 1));
  });

  it('keeps the sentence boundary (and its punctuation) when the copy reaches the sentence end', () => {
    const full = 'Soil exposure was also well demonstrated in trials, said the report on the insect orders.';
    const c = analyze(`Intro text here. ${full}`);
    const at = c.text.indexOf(full);
    const r = alignCopyEdges(source, sentenceRange(2, 2), 2, 2, c, { start: at, end: at + full.length }, 4);
    expect(r).toEqual(sentenceRange(2, 2));
  });

  it('of several occurrences of the edge words, takes the one where the copy goes on matching', () => {
    // A catalogue line repeats its item name: the copy starts at the second one, and ends at the second "in stock now".
    const line = 'Flame primary wallpaper border by Village in stock now; Flame primary wallpaper border, Village, kids, 5 yards, in stock now and shipped.';
    const copy = 'Flame primary wallpaper border, Village, kids, 5 yards, in stock now';
    const s = analyze(line);
    const c = analyze(`Shop notes. ${copy}. Other text.`);
    const at = c.text.indexOf(copy);
    const r = alignCopyEdges(s, { start: 0, end: line.length }, 0, 0, c, { start: at, end: at + copy.length }, 4);
    expect(line.slice(r.start, r.end)).toBe(copy);
  });

  it('tells repeated edge words apart by the words copied before them, across the sentence boundary', () => {
    // Two blocks end alike; the copy ends at the first block's close ("end of block"), which the words the copy
    // took before the last sentence (from "alpha") tell from the second block's.
    const text = 'Alpha one two three four. End of block. Beta one two three four. End of block. Gamma here.';
    const s = analyze(text);
    const copy = 'Alpha one two three four. End of block.';
    const c = analyze(`Intro. ${copy} Outro.`);
    const at = c.text.indexOf(copy);
    const last = s.sentences.length - 2;
    const r = alignCopyEdges(s, { start: 0, end: s.sentences[last]!.end }, 0, 1, c, { start: at, end: at + copy.length }, 3);
    expect(text.slice(r.start, r.end)).toBe(copy);
  });
});

/** The range of the first occurrence of `part` in `text`. */
function at(text: string, part: string) {
  return { start: text.indexOf(part), end: text.indexOf(part) + part.length };
}

describe('extendVerbatim', () => {
  // The edges stopped three copied words short at the start and two at the end.
  const inner = 'chlorpyrifos acts on stomach and gut of pests. Soil exposure was also well demonstrated';
  const everywhere = { source: { start: 0, end: sourceText.length }, candidate: { start: 0, end: candidateText.length } };

  it('pushes both sides out over the words that go on matching, and no further', () => {
    const r = extendVerbatim(source, candidate, { source: at(sourceText, inner), candidate: at(candidateText, inner) }, everywhere);
    expect(sourceText.slice(r.source.start, r.source.end)).toBe(copied);
    expect(candidateText.slice(r.candidate.start, r.candidate.end)).toBe(copied);
  });

  it('never grows into the limit (another passage)', () => {
    const limit = { source: everywhere.source, candidate: { start: candidateText.indexOf('addition'), end: candidateText.length } };
    const r = extendVerbatim(source, candidate, { source: at(sourceText, inner), candidate: at(candidateText, inner) }, limit);
    expect(candidateText.slice(r.candidate.start, r.candidate.end)).toBe(`addition ${inner} in trials`);
    expect(sourceText.slice(r.source.start, r.source.end)).toBe(`addition ${inner} in trials`);
  });
});

describe('passageEdges', () => {
  it('re-cuts and extends copies only, and keeps passages disjoint', () => {
    // Two copies of the same words next to each other: the first may not grow into the second.
    const text = 'alpha beta gamma delta epsilon zeta eta theta iota kappa.';
    const doc = analyze(text);
    const drafted = [
      { source: at(text, 'beta gamma'), candidate: at(text, 'beta gamma') },
      { source: at(text, 'delta epsilon'), candidate: at(text, 'delta epsilon') },
      { source: at(text, 'eta theta'), candidate: at(text, 'eta theta') },
    ];
    const out = passageEdges(doc, doc, drafted, (k) => k < 2, (k) => drafted[k]!);
    expect(out.map((e) => text.slice(e.candidate.start, e.candidate.end))).toEqual(['alpha beta gamma', 'delta epsilon zeta', 'eta theta']);
    expect(out.map((e) => text.slice(e.source.start, e.source.end))).toEqual(['alpha beta gamma', 'delta epsilon zeta', 'eta theta']);
  });
});

describe('copiedAcross', () => {
  // Two copies pasted side by side from far apart in the source; the splitter cut the candidate mid-copy.
  const first = 'The council voted on the new budget for the coming year after a long debate about schools roads and parks in the city.';
  const firstOn = 'Members agreed that the library would stay open on weekends for another season at least.';
  const far = 'Filler sentence number one about weather. Another filler sentence about sports results. A third filler about music.';
  const second = 'Farmers in the valley reported a record harvest of apples and pears this autumn despite the late frost in spring.';
  const src = analyze(`${first} ${firstOn} ${far} ${second}`);
  const sentenceOf = (doc: ReturnType<typeof analyze>, text: string) => doc.sentences.findIndex((s) => doc.text.slice(s.start, s.end).startsWith(text.slice(0, 20)));

  it('holds for a sentence whose words run on verbatim into the next candidate sentence', () => {
    // The candidate splits the first copy after "debate": its first sentence runs on into the second.
    const cand = analyze(`Intro about something else entirely. ${first.replace(' about schools', '. About schools')} ${firstOn}`);
    const c = sentenceOf(cand, 'The council voted');
    expect(copiedAcross(src, cand, pair(c, 0, 0.8), 4, 20)).toBe(true);
    // The same words, too short a run to tell a copy from a kept phrase.
    expect(copiedAcross(src, cand, pair(c, 0, 0.8), 4, 60)).toBe(false);
  });

  it('does not hold where the next candidate sentence comes from elsewhere, or the source run is far from the pair', () => {
    const cand = analyze(`${first} ${second}`);
    expect(copiedAcross(src, cand, pair(0, 0, 1), 4, 20)).toBe(false);
    const onward = analyze(`${first} ${firstOn}`);
    expect(copiedAcross(src, onward, pair(0, 0, 1), 4, 20)).toBe(true);
    // Paired with a source sentence far from where its words run on: no evidence for this pair.
    expect(copiedAcross(src, onward, pair(0, sentenceOf(src, second), 1), 4, 20)).toBe(false);
  });
});
