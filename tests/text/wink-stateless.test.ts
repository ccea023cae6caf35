import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/text/tokenize.js';

const spans = (text: string) => analyze(text).tokens.map((t) => text.slice(t.start, t.end));

describe('analysis is a pure function of the text', () => {
  // Made-up words, so no earlier test in this process can have taught wink's cache about them.
  it('tokenizes a text the same before and after wink has met its words in another context', () => {
    const probe = "Quorvex's bid was cut, said the Blenthor&lt;Co team.";
    const before = spans(probe);
    // Before a full stop wink keeps an unknown possessive whole and learns it; these texts teach it the forms.
    analyze("The most advanced chip is Quorvex's. Blenthor&lt;Co said so...");
    analyze("It is Quorvex's. Ask Blenthor&lt;Co.");
    expect(spans(probe)).toEqual(before);
  });

  it('splits every possessive into the word and "\'s", wherever it stands', () => {
    expect(spans("It is Zantrix's.")).toEqual(['It', 'is', 'Zantrix', "'s", '.']);
    expect(spans("Zantrix's plan")).toEqual(['Zantrix', "'s", 'plan']);
    expect(spans('Zantrix’s plan')).toEqual(['Zantrix', '’s', 'plan']);
    const [head, possessive] = analyze("Somebody else's plan").tokens.slice(1, 3);
    expect(head).toMatchObject({ norm: 'else', stop: true });
    expect(possessive).toMatchObject({ norm: "'s", kind: 'word' });
  });
});
