import { describe, expect, it } from 'vitest';
import { firstTokenAt, sentenceAt } from '../../src/text/document.js';
import { analyze } from '../../src/text/tokenize.js';

const doc = analyze('First one here. Second sentence follows. Third!');

describe('firstTokenAt', () => {
  it('finds the first token starting at or after an offset', () => {
    expect(doc.tokens[firstTokenAt(doc, doc.text.indexOf('Second'))]!.norm).toBe('second');
    expect(doc.tokens[firstTokenAt(doc, doc.text.indexOf('econd'))]!.norm).toBe('sentence');
    expect(firstTokenAt(doc, doc.text.length)).toBe(doc.tokens.length);
  });
});

describe('sentenceAt', () => {
  it('finds the sentence holding every token', () => {
    expect(doc.sentences).toHaveLength(3);
    doc.sentences.forEach((s, k) => {
      for (let t = s.firstToken; t < s.endToken; t++) expect(sentenceAt(doc, t)).toBe(k);
    });
  });
});
