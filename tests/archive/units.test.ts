import { describe, expect, it } from 'vitest';
import { boilerplateSentences, unitKeys } from '../../src/archive/units.js';
import { sequenceKey } from '../../src/archive/word-hash.js';
import { sentenceKeys } from '../../src/fingerprint/sentence-key.js';
import { analyze } from '../../src/text/tokenize.js';

describe('boilerplate units', () => {
  const text = 'Share this article\nThe mayor opened the new bridge on Monday. Traffic was light.\n\nCopyright 2024 Example News. All rights reserved.\n';

  it('keys every sentence and every line by its normalized words', () => {
    const doc = analyze(text);
    const keys = unitKeys(doc);
    expect(keys).toContain(sequenceKey(['share', 'this', 'article']));
    expect(keys).toContain(sequenceKey(['copyright', '2024', 'example', 'news', 'all', 'rights', 'reserved']));
    expect(keys).toContain(sequenceKey(['traffic', 'was', 'light']));
    expect(keys).toContain(sequenceKey(['all', 'rights', 'reserved']));
    expect(new Set(keys).size).toBe(keys.length);
    // Case, spacing and punctuation do not change a key; word order does.
    expect(unitKeys(analyze('ALL   rights, reserved!'))).toEqual([sequenceKey(['all', 'rights', 'reserved'])]);
    expect(sequenceKey(['rights', 'all', 'reserved'])).not.toBe(sequenceKey(['all', 'rights', 'reserved']));
  });

  it('marks a sentence by its own key, or when all its words are on boilerplate lines', () => {
    const doc = analyze(text);
    const footerLine = sequenceKey(['copyright', '2024', 'example', 'news', 'all', 'rights', 'reserved']);
    const byLine = boilerplateSentences(doc, (k) => k === footerLine);
    const marked = doc.sentences.filter((_, i) => byLine.flags[i]).map((s) => text.slice(s.start, s.end));
    expect(marked).toEqual(['Copyright 2024 Example News.', 'All rights reserved.']);
    // The keys handed to compare are sentenceKeys.
    expect([...byLine.keys]).toEqual(sentenceKeys(doc).slice(-2));

    // "Share this article" is glued to the next sentence by wink (single line break): its line key alone
    // does not blank the mixed sentence.
    const chrome = boilerplateSentences(doc, (k) => k === sequenceKey(['share', 'this', 'article']));
    expect(chrome.flags.some((f, i) => f && !text.slice(doc.sentences[i]!.start, doc.sentences[i]!.end).startsWith('Share'))).toBe(false);

    const bySentence = boilerplateSentences(doc, (k) => k === sequenceKey(['all', 'rights', 'reserved']));
    expect(bySentence.flags.filter(Boolean)).toHaveLength(1);
  });
});
