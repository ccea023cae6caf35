import { describe, expect, it } from 'vitest';
import { localSharedWords, reusedTokens } from '../../src/align/local-words.js';
import type { TextDocument } from '../../src/text/document.js';
import { analyze, DEFAULT_SEGMENT_OPTIONS } from '../../src/text/tokenize.js';

const doc = (sentences: string[]): TextDocument => analyze(sentences.join(' '), DEFAULT_SEGMENT_OPTIONS);
/** Character range of sentences [first, last] of `d`. */
const span = (d: TextDocument, first: number, last = first) => ({ start: d.sentences[first]!.start, end: d.sentences[last]!.end });
const none = (d: TextDocument) => new Uint8Array(d.tokens.length);

describe('localSharedWords', () => {
  // Two texts on one subject: Yamaha, guitars and Osaka run through both.
  const subject = ['Yamaha makes guitars in Osaka.', 'Yamaha guitars sell well beyond Osaka.'];
  const source = doc([...subject, 'Yamaha opened a guitar factory in Osaka, hiring three hundred welders last spring.', ...subject]);
  const candidate = doc([...subject, 'In Osaka a Yamaha guitar factory took on three hundred welders in the spring.', ...subject]);

  it('counts shared words the passage has to itself on at least one side, not the subject words around it', () => {
    const local = localSharedWords(source, span(source, 2), none(source), candidate, span(candidate, 2), none(candidate), 50);
    // Of the shared words, "yamaha", "osaka" and "in" occur around the passage in both texts; "guitar"
    // (singular) and the rest do not.
    const around = new Set(['yamaha', 'osaka', 'in']);
    const shared = ['yamaha', 'guitar', 'factory', 'in', 'osaka', 'three', 'hundred', 'welders', 'spring', 'a'];
    expect(local).toBe(shared.filter((w) => !around.has(w)).length);
  });

  it('finds nothing particular in a match on subject words only', () => {
    const s = doc([...subject, 'Osaka is where Yamaha guitars come from.', ...subject]);
    const c = doc([...subject, 'Yamaha guitars: made in Osaka.', ...subject]);
    expect(localSharedWords(s, span(s, 2), none(s), c, span(c, 2), none(c), 50)).toBe(0);
  });

  it('does not take words of other reused text, or beyond the context, for subject words', () => {
    const welders = 'Three hundred welders joined the factory.';
    const s = doc([welders, 'Filler one.', 'Filler two.', 'The factory hired three hundred welders.']);
    const c = doc([welders, 'Other one.', 'Other two.', 'Three hundred welders were taken on at the factory.']);
    const shared = (sr: Uint8Array, cr: Uint8Array, context: number) => localSharedWords(s, span(s, 3), sr, c, span(c, 3), cr, context);
    const aroundBoth = shared(none(s), none(c), 50);
    expect(aroundBoth).toBe(0);
    // The first sentence is itself a copy: its words say nothing about what both texts are about.
    expect(shared(reusedTokens(s, [span(s, 0)]), reusedTokens(c, [span(c, 0)]), 50)).toBeGreaterThan(aroundBoth);
    // Two sentences away, it is outside a context of one sentence.
    expect(shared(none(s), none(c), 1)).toBe(shared(reusedTokens(s, [span(s, 0)]), reusedTokens(c, [span(c, 0)]), 50));
  });
});
