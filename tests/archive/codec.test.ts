import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packIds48, packText, packUint32, unpackIds48, unpackText, unpackUint32 } from '../../src/archive/codec.js';
import { key48, termId } from '../../src/archive/term-id.js';

describe('codec', () => {
  it('round-trips 48-bit ids, 32-bit values and texts', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 2 ** 48 - 1 })), fc.array(fc.nat({ max: 0xffffffff })), fc.string(), (ids, values, text) => {
        expect(unpackIds48(packIds48(ids))).toEqual(ids);
        expect([...unpackUint32(packUint32(values))]).toEqual(values);
        expect(unpackText(packText(text))).toBe(Buffer.from(text, 'utf8').toString('utf8'));
      }),
    );
  });

  it('term ids are 48-bit, stable and distinct for similar terms', () => {
    const ids = ['visit', 'visits', 'visited', 'Visit', 'containment', '95', "putin's"].map(termId);
    for (const id of ids) {
      expect(Number.isSafeInteger(id)).toBe(true);
      expect(id).toBeLessThan(2 ** 48);
    }
    expect(new Set(ids).size).toBe(ids.length);
    expect(termId('wedge')).toBe(termId('wedge'));
    expect(key48(3, 0xffffffff)).toBe(3 * 2 ** 32 + 0xffffffff);
  });
});
