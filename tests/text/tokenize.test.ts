import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/text/tokenize.js';
import { SEED_NAMES, seed } from '../helpers/fixtures.js';

const tricky =
  'Headline without a full stop\r\n\r\nDr. Smith’s visit\tto the U.S. cost $95\u00a0billion — isn’t that\u00a0a lot?' +
  ' 中文双语 and Français 😀 emoji👍🏽. Won’t stop.\n\n\u202eRTL\u202c text here.';

function expectSliceConsistent(text: string): void {
  const doc = analyze(text);
  expect(doc.text).toBe(text);
  let previousEnd = 0;
  for (const t of doc.tokens) {
    expect(t.start).toBeGreaterThanOrEqual(previousEnd);
    expect(t.end).toBeGreaterThan(t.start);
    expect(text.slice(t.start, t.end).trim()).toBe(text.slice(t.start, t.end));
    previousEnd = t.end;
  }
  previousEnd = 0;
  for (const s of doc.sentences) {
    expect(s.start).toBeGreaterThanOrEqual(previousEnd);
    expect(s.start).toBe(doc.tokens[s.firstToken]!.start);
    expect(s.end).toBe(doc.tokens[s.endToken - 1]!.end);
    previousEnd = s.end;
  }
  // Every token belongs to exactly one sentence, in order.
  expect(doc.sentences.reduce((n, s) => n + s.endToken - s.firstToken, 0)).toBe(doc.tokens.length);
}

describe('analyze', () => {
  it.each(SEED_NAMES)('%s: tokens and sentences are in order and slice back out of the text', (name) => {
    expectSliceConsistent(seed(name));
  });

  it('keeps offsets right through CRLF, tabs, NBSP, curly quotes, CJK, RTL marks and emoji', () => {
    expectSliceConsistent(tricky);
    const doc = analyze(tricky);
    const words = doc.tokens.map((t) => tricky.slice(t.start, t.end));
    expect(words).toContain('Smith');
    expect(words).toContain('Français');
    expect(words).toContain('中文双语');
  });

  it('gives each token its lower-case normal form, lemma and stop-word flag', () => {
    const doc = analyze('The leaders were visiting Beijing.');
    const byText = new Map(doc.tokens.map((t) => [doc.text.slice(t.start, t.end), t]));
    expect(byText.get('The')).toMatchObject({ norm: 'the', stop: true, kind: 'word' });
    expect(byText.get('leaders')).toMatchObject({ lemma: 'leader', stop: false });
    expect(byText.get('visiting')).toMatchObject({ stem: 'visit' });
    expect(byText.get('were')).toMatchObject({ lemma: 'be', stop: true });
    expect(byText.get('.')).toMatchObject({ kind: 'punct' });
  });

  it('survives words wink cannot lemmatize ("cannot"), falling back to the normal form', () => {
    // Both snippets are from PAN 2013 documents on which wink returns an undefined lemma.
    const doc = analyze('The paint can be reduplicate-- but the cannot. Life goes. For people like Cannot, it will be greenhorn.');
    expect(doc.tokens.every((t) => typeof t.lemma === 'string' && typeof t.stem === 'string')).toBe(true);
    expect(doc.tokens.find((t) => doc.text.slice(t.start, t.end) === 'Cannot')!.lemma).toBe('cannot');
  });

  it('splits sentences at blank lines, so headlines and bylines stand alone', () => {
    const doc = analyze(tricky);
    const first = doc.sentences[0]!;
    expect(tricky.slice(first.start, first.end)).toBe('Headline without a full stop');
  });

  it('does not split at a single line break inside a sentence (hard-wrapped text)', () => {
    const text = 'The committee met on Tuesday and\nagreed to publish the report.';
    expect(analyze(text).sentences).toHaveLength(1);
  });

  it('cuts a run of text without punctuation into bounded chunks', () => {
    const text = Array.from({ length: 500 }, (_, i) => `word${i}`).join(' ');
    const doc = analyze(text, { maxSentenceTokens: 80 });
    expect(doc.sentences.length).toBe(Math.ceil(500 / 80));
    expect(Math.max(...doc.sentences.map((s) => s.endToken - s.firstToken))).toBeLessThanOrEqual(80);
  });
});
