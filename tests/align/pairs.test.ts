import { describe, expect, it } from 'vitest';
import { pairFeatures } from '../../src/align/features.js';
import { DEFAULT_ALIGN_OPTIONS } from '../../src/align/options.js';
import { pairPassage, pairSentences } from '../../src/align/pairs.js';
import { analyze } from '../../src/text/tokenize.js';

describe('pairSentences', () => {
  it('pairs a sentence repeated in the source with its occurrence next in order, not the first one', () => {
    const repeated = 'Find targeted information on dealing with a recent diagnosis.';
    const source = analyze(
      `Type one diabetes is often diagnosed in children. ${repeated} Type two diabetes is the most common form of the disease. ${repeated} Recently diagnosed adults need support.`,
    );
    const candidate = analyze(`Type two diabetes is the most common form of the disease. ${repeated} Recently diagnosed adults need support.`);
    const f = pairFeatures(source, candidate, 3);
    const chain = { anchors: [], score: 1, source: { first: 0, last: 4 }, candidate: { first: 0, last: 2 } };
    const pairs = pairSentences(chain, f.source, f.candidate, f.idf, DEFAULT_ALIGN_OPTIONS);
    expect(pairs.map((p) => [p.candidate, p.sourceFirst, p.sourceLast])).toEqual([[0, 2, 2], [1, 3, 3], [2, 4, 4]]);
  });

  it('pairs a long candidate sentence with every source sentence it holds, not only two', () => {
    const source = analyze(
      'The valley was settled by farmers in the twelfth century. Its monks drained the marshes and built the first mills. Wool from the abbey sheep was sold as far away as Florence. The abbey was closed in 1536 and its lands were sold to the crown.',
    );
    // Three source sentences run together with semicolons: one candidate sentence.
    const candidate = analyze(
      'History of the valley: the valley was settled by farmers in the twelfth century; its monks drained the marshes and built the first mills; wool from the abbey sheep was sold as far away as Florence.',
    );
    const f = pairFeatures(source, candidate, 3);
    const chain = { anchors: [], score: 1, source: { first: 0, last: 3 }, candidate: { first: 0, last: 0 } };
    const pairs = pairSentences(chain, f.source, f.candidate, f.idf, DEFAULT_ALIGN_OPTIONS);
    expect(candidate.sentences).toHaveLength(1);
    expect(pairs.map((p) => [p.candidate, p.sourceFirst, p.sourceLast])).toEqual([[0, 0, 2]]);
  });
});

describe('pairPassage', () => {
  const source = analyze(
    'Parking in the old town costs more from April, the council said. The new tram line will open in the spring after two years of building work. Trams will run every six minutes between the station and the hospital. Tickets can be bought on board or with the city transport app.',
  );
  const copy = 'The new tram line will open in the spring after two years of building work. Trams will run every six minutes between the station and the hospital.';
  const passage = (before: string) => {
    const f = pairFeatures(source, analyze(`${before} ${copy}`), 3);
    const chain = { anchors: [], score: 3, source: { first: 0, last: 2 }, candidate: { first: 0, last: 2 } };
    const pairs = pairSentences(chain, f.source, f.candidate, f.idf, DEFAULT_ALIGN_OPTIONS);
    return { first: pairs[0]!.similarity, passage: pairPassage(chain, f.source, f.candidate, f.idf, DEFAULT_ALIGN_OPTIONS) };
  };

  it('leaves out a same-topic host sentence before a copy, though it is next in the source', () => {
    const { first, passage: p } = passage('The council said parking near the station will be cheaper for residents.');
    expect(first).toBeGreaterThanOrEqual(DEFAULT_ALIGN_OPTIONS.strayPairSimilarity);
    expect(first).toBeLessThan(DEFAULT_ALIGN_OPTIONS.detachedPairSimilarity);
    expect([p.candidate, p.source]).toEqual([
      { first: 1, last: 2 },
      { first: 1, last: 2 },
    ]);
  });

  it('keeps a clearly derived sentence that runs on into the copy', () => {
    const { first, passage: p } = passage('Parking in the old town will cost more from April, the council said on Monday.');
    expect(first).toBeGreaterThanOrEqual(DEFAULT_ALIGN_OPTIONS.detachedPairSimilarity);
    expect([p.candidate, p.source]).toEqual([
      { first: 0, last: 2 },
      { first: 0, last: 2 },
    ]);
  });

  it('does not widen the source side to a far sentence a host sentence shares a single word with, however similar', () => {
    const tram = analyze(
      'Parking in the old town costs more from April, the council said. The new tram line will open in the spring after two years of building work. Trams will run every six minutes between the station and the hospital. Tickets can be bought on board or with the city transport app. The old bus routes will be cut back. Cyclists asked for safer lanes along the route. Shops on the high street fear the works. The mayor opened the first stop last week. Residents were invited to a public meeting. Take your time.',
    );
    const f = pairFeatures(tram, analyze(`${copy} Tickets can be bought on board or with the city transport app. Any time now!`), 3);
    const chain = { anchors: [], score: 3, source: { first: 0, last: 9 }, candidate: { first: 0, last: 3 } };
    const pairs = pairSentences(chain, f.source, f.candidate, f.idf, DEFAULT_ALIGN_OPTIONS);
    const last = pairs[pairs.length - 1]!;
    expect([last.candidate, last.sourceFirst]).toEqual([3, 9]);
    expect(last.similarity).toBeGreaterThanOrEqual(DEFAULT_ALIGN_OPTIONS.detachedPairSimilarity);
    expect(pairPassage(chain, f.source, f.candidate, f.idf, DEFAULT_ALIGN_OPTIONS).source).toEqual({ first: 1, last: 3 });
    expect(pairPassage(chain, f.source, f.candidate, f.idf, { ...DEFAULT_ALIGN_OPTIONS, minPairTerms: 1 }).source).toEqual({ first: 1, last: 9 });
  });
});
