import { describe, expect, it } from 'vitest';
import { prepareDocument } from '../../src/archive/prepare.js';
import { packChunk, unpackChunk } from '../../src/archive/prepare-wire.js';
import { article } from './helpers.js';

describe('prepared documents on the wire', () => {
  it('come back from one packed buffer exactly as prepared, including empty ones', () => {
    const docs = [article(1), '', article(2, 40), 'x', article(3, 1)].map((text, i) => prepareDocument(`/p/${i}.txt`, text));
    const { chunk, transfer } = packChunk(docs);
    expect(transfer).toEqual([chunk.buffer]);
    const back = unpackChunk(structuredClone(chunk));
    expect(back.map((d) => d.path)).toEqual(docs.map((d) => d.path));
    back.forEach((d, i) => {
      const { signature, ...features } = d.features;
      const { signature: want, ...wantFeatures } = docs[i]!.features;
      expect(features).toEqual(wantFeatures);
      expect([...signature]).toEqual([...want]);
      expect(Buffer.from(d.packedText).equals(Buffer.from(docs[i]!.packedText))).toBe(true);
    });
  });
});
