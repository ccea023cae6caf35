import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compare } from '../../src/compare.js';
import { refineEdges, wordEdges } from '../../src/align/edges.js';
import { DEFAULT_ALIGN_OPTIONS } from '../../src/align/options.js';
import { edgeContext } from '../../src/align/word-classes.js';
import { analyze } from '../../src/text/tokenize.js';
import { paragraphs } from '../helpers/generate.js';
import { fixturePath, seed } from '../helpers/fixtures.js';
import { expectWellFormed } from '../helpers/invariants.js';

const sieff = seed('sieff-oped');
const paragraph = paragraphs(sieff).find((p) => p.startsWith('Moreover, on April 23'))!;
/** Host text about the same topic, so its words are not trivially foreign to the source. */
const host = paragraphs(seed('globaltimes-mutual-trust'));

describe('word-level passage edges', () => {
  it('a copy pasted mid-sentence, without a full stop on either side, is cut at its first and last copied word', () => {
    // Web text often glues pasted material to the host text; the sentence splitter then sees one sentence.
    const lead = host.slice(0, 3).join('\n\n') + '\n\nAccording to several commentators writing this week ';
    const body = paragraph.replace(/\.$/, '');
    const tail = ' while others in Beijing and Moscow disagreed with that reading of events.\n\n' + host.slice(3).join('\n\n');
    const candidate = lead + body + tail;
    const doc = analyze(candidate);
    const sentenceStarts = new Set(doc.sentences.map((s) => s.start));
    expect(sentenceStarts.has(lead.length)).toBe(false); // the pasted passage really starts mid-sentence

    const result = compare(sieff, candidate);
    expectWellFormed(result, sieff, candidate);
    expect(result.passages).toHaveLength(1);
    const [p] = result.passages;
    expect(p!.candidate).toEqual({ start: lead.length, end: lead.length + body.length });
    const at = sieff.indexOf(paragraph);
    expect(p!.source.start).toBe(at);
    // The source keeps its sentence boundary (and full stop) since the copy ends at its last word.
    expect(p!.source.end).toBe(at + paragraph.length);
  });

  it('a paraphrase keeps sentence boundaries as edges: rewording leaves too little evidence to cut inside', () => {
    const pasha = seed('pasha-rewrite');
    const result = compare(sieff, pasha);
    const starts = new Set(analyze(pasha).sentences.map((s) => s.start));
    const ends = new Set(analyze(pasha).sentences.map((s) => s.end));
    expect(result.passages.length).toBeGreaterThan(0);
    for (const p of result.passages) {
      expect(starts.has(p.candidate.start)).toBe(true);
      expect(ends.has(p.candidate.end)).toBe(true);
    }
  });

  it('a paraphrase whose first sentence starts with a copied clause glued to host text starts at the copy', () => {
    // The rewrite's opening sentences (a paraphrase), with the op-ed's own first clause pasted after a host
    // clause: the copied words show where the reuse starts, so the edge moves inside that sentence.
    const truth = JSON.parse(readFileSync(fixturePath('truth/pasha-from-sieff.json'), 'utf8')) as {
      derived: { candidate: { text: string }; sources: { text: string }[] }[];
    };
    const rewrite = truth.derived.slice(1, 8).map((d) => d.candidate.text).join(' ');
    const copied = truth.derived[0]!.sources[0]!.text;
    const lead = host.slice(0, 2).join('\n\n') + '\n\nAs a long line of commentators in several capitals kept saying all week ';
    const candidate = lead + copied + ' ' + rewrite + '\n\n' + host.slice(2).join('\n\n');
    const result = compare(sieff, candidate);
    expectWellFormed(result, sieff, candidate);
    const passage = result.passages.find((p) => p.candidate.end > lead.length && p.candidate.start < lead.length + copied.length);
    expect(passage?.kind).toBe('paraphrase');
    expect(passage!.candidate.start).toBe(lead.length);
  });

  it('a paraphrase pasted into a host sentence, no copied words at the seam, starts where the rewrite does', () => {
    // A three-sentence rewrite (same content words, no shared word shingle) glued to a long host clause: the
    // host words are evidence against reuse, enough to outweigh the doubled cost of a cut without copied words.
    const source =
      'The committee approved a larger budget for public schools after a long debate on Tuesday. Teachers welcomed the extra funding, ' +
      'saying their classrooms badly needed new books. Parents argued that rural districts should receive the money first.';
    const lead =
      'Meanwhile the storm kept the ferry in port for a third night, the lighthouse keeper reported broken windows and a flooded ' +
      'cellar, fishermen hauled their nets ashore, the harbour master closed the old pier to walkers and the coast road stayed shut to all traffic while ';
    const rewrite =
      'a budget, larger, for schools (public ones) was approved by the committee on Tuesday after long debate. Teachers, welcoming ' +
      'funding that was extra, said classrooms needed books, new ones, badly. Parents argued districts that are rural should first receive money.';
    const before = host.slice(0, 3).join('\n\n') + '\n\n';
    const candidate = before + lead + rewrite + '\n\n' + host.slice(3, 6).join('\n\n');
    const [s, c] = [analyze(source), analyze(candidate)];
    const first = c.sentences.findIndex((x) => x.start <= before.length + lead.length && x.end > before.length + lead.length);
    expect(c.sentences[first]!.start).toBe(before.length); // the host clause and the rewrite's first sentence are one
    const span = { first, last: first + 2 };
    const sourceSpan = { first: 0, last: s.sentences.length - 1 };
    const edge = refineEdges(edgeContext(c, 3), edgeContext(s, 3), { span, otherSpan: sourceSpan, reach: span, otherReach: sourceSpan }, DEFAULT_ALIGN_OPTIONS.edgeCutCost);
    expect(edge.start).toBeGreaterThanOrEqual(before.length + lead.length);
    expect(edge.start).toBeLessThanOrEqual(candidate.indexOf('budget', before.length + lead.length)); // at most its stop word "a" goes
    expect(edge.end).toBe(before.length + lead.length + rewrite.length);
  });

  it("a paraphrase keeps a source edge sentence its pair draws on whole, though the rewrite left out the sentence's first words", () => {
    // The rewrite drops the source sentence's opening clause and copies a few words after it: those copied words
    // would let the source edge move inside the sentence, but a clearly derived pair says the rewrite drew on the
    // whole sentence (a rewrite leaves words out anywhere). A barely related pair keeps the word-level cut.
    const passage =
      'Long before the harvest festival and the spring floods that closed the mountain passes, the committee approved a larger budget ' +
      'for public schools after a long debate on Tuesday. Teachers welcomed the extra funding, saying their classrooms badly needed new ' +
      'books. Parents argued that rural districts should receive the money first.';
    const rewrite =
      'On Tuesday, after long debate, the committee approved a larger budget for schools. Teachers, welcoming funding that was extra, ' +
      'said classrooms needed books, new ones, badly. Parents argued districts that are rural should first receive money.';
    const source = host.slice(0, 3).join('\n\n') + '\n\n' + passage + '\n\n' + host.slice(3, 6).join('\n\n');
    const candidate = host.slice(6, 8).join('\n\n') + '\n\n' + rewrite + '\n\n' + host.slice(8, 10).join('\n\n');
    const [s, c] = [analyze(source), analyze(candidate)];
    const first = s.sentences.findIndex((x) => x.start === source.indexOf(passage));
    const firstCandidate = c.sentences.findIndex((x) => x.start === candidate.indexOf(rewrite));
    expect(first).toBeGreaterThan(0);
    expect(firstCandidate).toBeGreaterThan(0);
    const span = { source: { first, last: first + 2 }, candidate: { first: firstCandidate, last: firstCandidate + 2 } };
    const sourceEdge = (similarity: number) => {
      const sentencePairs = [0, 1, 2].map((k) => ({ candidate: firstCandidate + k, sourceFirst: first + k, sourceLast: first + k, similarity }));
      const threshold = DEFAULT_ALIGN_OPTIONS.strayPairSimilarity;
      return wordEdges(s, c, [{ ...span, sentencePairs }], 3, DEFAULT_ALIGN_OPTIONS.edgeCutCost, threshold)[0]!.source;
    };
    const committee = source.indexOf('the committee approved');
    expect(sourceEdge(DEFAULT_ALIGN_OPTIONS.strayPairSimilarity / 2).start).toBe(committee);
    expect(sourceEdge(DEFAULT_ALIGN_OPTIONS.detachedPairSimilarity).start).toBe(source.indexOf(passage));
  });

  it('a heading glued to the first sentence of a paraphrased source (a line break, no full stop) is cut off', () => {
    // Web text's headings end without a full stop, so the segmenter joins a heading line to the sentence after it;
    // the line break is where the reuse starts, and the heading's words are not in the rewrite.
    const pasha = seed('pasha-rewrite');
    const first = compare(sieff, pasha).passages[0]!.source.start;
    const heading = 'Regional Weather Service Issues Heavy Snow Warning For Northern Valleys\n';
    const source = sieff.slice(0, first) + heading + sieff.slice(first);
    expect(analyze(source).sentences.some((s) => s.start === first + heading.length)).toBe(false); // one sentence
    const result = compare(source, pasha);
    expectWellFormed(result, source, pasha);
    expect(result.passages[0]!.kind).toBe('paraphrase');
    expect(result.passages[0]!.source.start).toBe(first + heading.length);
  });

  it('pairs are clipped to the passage edges', () => {
    const lead = 'Some readers wrote in to say ';
    const candidate = lead + paragraph;
    const result = compare(sieff, candidate);
    expectWellFormed(result, sieff, candidate);
    expect(result.passages[0]!.candidate.start).toBe(lead.length);
    expect(result.passages[0]!.pairs[0]!.candidate.start).toBe(lead.length);
  });

  it("a copy that runs on past the chain's last sentence is followed into the next sentence on both sides", () => {
    // The copy ends inside a sentence glued to host text on each side, too little of it for an anchor: the
    // candidate's next sentence is matched against the source's next sentence, the continuation of the copy.
    const copied = paragraphs(sieff).find((p) => p.startsWith('Moreover, on April 23'))!;
    const runOn = 'the ministers also agreed to meet again before the end of the summer in Geneva';
    const source = `${copied} ${runOn} while the weather in the capital stayed unusually warm for the season.`;
    const hostTail = ' and then the local football club announced a new coach for its youth academy.';
    const candidate = `${copied} ${runOn}${hostTail}`;
    const [s, c] = [analyze(source), analyze(candidate)];
    const last = c.sentences.length - 1;
    expect(s.sentences.length - 1).toBe(last); // the run-on is one sentence on each side
    const span = { first: 0, last: last - 1 };
    const reach = { first: 0, last };
    const [sx, cx] = [edgeContext(s, 3), edgeContext(c, 3)];
    const edge = (otherReach: typeof span) => refineEdges(cx, sx, { span, otherSpan: span, reach, otherReach }, DEFAULT_ALIGN_OPTIONS.edgeCutCost);
    expect(edge(span).end).toBe(c.sentences[last - 1]!.end);
    expect(edge(reach).end).toBe(candidate.indexOf(runOn) + runOn.length);
  });
});

