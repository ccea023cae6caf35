import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/text/tokenize.js';
import { bandKeys, BANDS } from '../../src/archive/lsh.js';
import { documentSignature, shingleHashes } from '../../src/archive/signature.js';
import { wordHashes } from '../../src/archive/word-hash.js';
import { estimateJaccard } from '../../src/fingerprint/minhash.js';
import { shingleSet } from '../../src/fingerprint/shingles.js';
import { seed } from '../helpers/fixtures.js';
import { article } from './helpers.js';

function exactJaccard(a: Set<number>, b: Set<number>): number {
  let both = 0;
  for (const x of a) if (b.has(x)) both++;
  return both / (a.size + b.size - both);
}

describe('document signatures and LSH bands', () => {
  it('hashes word 3-grams: one per position, equal for equal word triples whatever the punctuation', () => {
    const doc = analyze(seed('sieff-oped'));
    const words = wordHashes(doc);
    const hashes = shingleHashes(words);
    expect(hashes).toHaveLength(words.filter((w) => w !== 0).length - 2);
    expect(new Set(hashes).size).toBe(shingleSet(doc, 3).size);
    const [a, b] = ['The mayor opened it.', 'the MAYOR, opened it'].map((t) => shingleHashes(wordHashes(analyze(t))));
    expect(a).toEqual(b);
  });

  it('estimates Jaccard within a few hundredths on edited copies, and near 0 for unrelated texts', () => {
    const base = article(1, 30);
    const sentences = base.split('. ');
    for (const keep of [0.9, 0.7, 0.5]) {
      const edited = sentences.map((s, i) => (i / sentences.length < keep ? s : article(100 + i, 1).split('\n\n')[1]!)).join('. ');
      const a = analyze(base);
      const b = analyze(edited);
      const exact = exactJaccard(shingleSet(a, 3), shingleSet(b, 3));
      expect(Math.abs(estimateJaccard(documentSignature(a), documentSignature(b)) - exact)).toBeLessThan(0.12);
    }
    expect(estimateJaccard(documentSignature(analyze(base)), documentSignature(analyze(article(2, 30))))).toBeLessThan(0.1);
  });

  it('fills every bin even for a text shorter than the signature, and leaves an empty text empty', () => {
    const short = documentSignature(analyze('Only a few words here today.'));
    expect(short.mins.every((v) => v !== 0xffffffff)).toBe(true);
    expect(documentSignature(analyze('!!! ???')).size).toBe(0);
  });

  it('identical texts share every band; unrelated ones (almost) none', () => {
    const a = bandKeys(documentSignature(analyze(article(5, 20))).mins);
    const b = bandKeys(documentSignature(analyze(article(5, 20))).mins);
    const c = bandKeys(documentSignature(analyze(article(6, 20))).mins);
    expect(a).toHaveLength(BANDS);
    expect(a).toEqual(b);
    expect(a.filter((k) => c.includes(k)).length).toBeLessThanOrEqual(1);
  });
});
