import { describe, expect, it } from 'vitest';
import { pairFeatures } from '../../src/align/features.js';
import { condenses, joinSummaries, summarySourceSpans } from '../../src/align/summary.js';
import { analyze } from '../../src/text/tokenize.js';

// Source: 12 sentences; 1-9 are the summarised passage (each shares a word with the summary), 0 and 10-11 do not.
const sourceText = [
  'Weather forecasters expect heavy rain.',
  'The council budget vote took hours.',
  'Budget cuts hit every school.',
  'The mayor made a veto threat.',
  'The deficit reached nine million.',
  'Teachers staged a protest outside.',
  'The council session ran late.',
  'Finally the mayor signed it.',
  'The union issued a statement.',
  'Another vote follows next year.',
  'The football match ended goalless.',
  'The football coach was fired.',
].join('\n\n');
const summaryText = 'The council vote on budget cuts for every school. The mayor, teachers and their union fought over the deficit.';
const features = pairFeatures(analyze(sourceText), analyze(summaryText), 3);
const extend = (spans: { source: { first: number; last: number }; candidate: { first: number; last: number } }[]) =>
  summarySourceSpans(spans, features.source, features.candidate, features.idf, 2, 0.1);

describe('summarySourceSpans', () => {
  it('extends a condensing passage over the free source sentences its sentences match, no further', () => {
    expect(extend([{ source: { first: 2, last: 7 }, candidate: { first: 0, last: 1 } }])).toEqual([{ first: 1, last: 9 }]);
  });

  it('leaves a passage that does not condense its source as it is', () => {
    expect(extend([{ source: { first: 2, last: 4 }, candidate: { first: 0, last: 1 } }])).toEqual([{ first: 2, last: 4 }]);
  });

  it('stops short of another passage on the source side', () => {
    const spans = [
      { source: { first: 3, last: 7 }, candidate: { first: 0, last: 0 } },
      { source: { first: 1, last: 1 }, candidate: { first: 5, last: 5 } },
    ];
    expect(extend(spans)[0]).toEqual({ first: 2, last: 9 });
  });

  it('leaves a copied sentence that straddles two source sentences as it is: it does not condense their words', () => {
    const copy = pairFeatures(analyze(sourceText), analyze('The council budget vote took hours, and budget cuts hit every school.'), 3);
    const spans = [{ source: { first: 1, last: 2 }, candidate: { first: 0, last: 0 } }];
    expect(summarySourceSpans(spans, copy.source, copy.candidate, copy.idf, 2, 0.1)).toEqual([{ first: 1, last: 2 }]);
    // Without the word count, two source sentences for one candidate sentence would pass for a summary.
    const condensed = pairFeatures(analyze(sourceText), analyze('The council cut school budgets.'), 3);
    expect(summarySourceSpans(spans, condensed.source, condensed.candidate, condensed.idf, 2, 0.1)[0]!.last).toBeGreaterThan(2);
  });
});

describe('joinSummaries', () => {
  type Item = { source: { first: number; last: number }; candidate: { first: number; last: number }; summary: boolean };
  const item = (s: [number, number], c: [number, number], summary: boolean): Item => ({
    source: { first: s[0], last: s[1] },
    candidate: { first: c[0], last: c[1] },
    summary,
  });
  const join = (a: Item, b: Item): Item => ({
    source: { first: Math.min(a.source.first, b.source.first), last: Math.max(a.source.last, b.source.last) },
    candidate: { first: a.candidate.first, last: b.candidate.last },
    summary: a.summary || b.summary,
  });
  const run = (items: Item[]) => joinSummaries(items, (x) => x.summary, join);

  it('joins a summary with the passage right next to it in the candidate, in any source order', () => {
    expect(run([item([20, 40], [3, 4], true), item([2, 3], [5, 5], false)])).toEqual([item([2, 40], [3, 5], true)]);
  });

  it('never joins two passages that do not condense, nor across a candidate sentence', () => {
    const copies = [item([2, 3], [3, 4], false), item([20, 21], [5, 6], false)];
    expect(run(copies)).toEqual(copies);
    const apart = [item([20, 40], [3, 4], true), item([2, 3], [6, 6], false)];
    expect(run(apart)).toEqual(apart);
  });

  it('never swallows a third passage on the source side', () => {
    const items = [item([20, 40], [3, 4], true), item([2, 3], [5, 5], false), item([10, 12], [30, 31], false)];
    expect(run(items)).toEqual(items);
  });
});

describe('condenses', () => {
  const twoAsOne = pairFeatures(
    analyze('The council approved the school budget after a long debate on teacher salaries.\n\nThe mayor signed the budget on Friday evening at the town hall.'),
    analyze('Council and mayor passed the budget.'),
    3,
  );
  const span = { source: { first: 0, last: 1 }, candidate: { first: 0, last: 0 } };

  it('counts two source sentences a pair rewrote as one once: a 2:1 rewrite is not a summary', () => {
    expect(condenses(span, twoAsOne.source, twoAsOne.candidate, 2)).toBe(true);
    const sentencePairs = [{ candidate: 0, sourceFirst: 0, sourceLast: 1, similarity: 0.5 }];
    expect(condenses({ ...span, sentencePairs }, twoAsOne.source, twoAsOne.candidate, 2)).toBe(false);
  });
});
