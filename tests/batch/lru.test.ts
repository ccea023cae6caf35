import { describe, expect, it } from 'vitest';
import { Lru } from '../../src/batch/lru.js';

describe('Lru', () => {
  it('evicts the least recently used entry, where a read counts as a use', () => {
    const lru = new Lru<string, number>(2);
    lru.set('a', 1);
    lru.set('b', 2);
    expect(lru.get('a')).toBe(1); // a is now newer than b
    lru.set('c', 3);
    expect([lru.has('a'), lru.has('b'), lru.has('c')]).toEqual([true, false, true]);
    expect(lru.size).toBe(2);
  });

  it('computes a missing value once', () => {
    const lru = new Lru<string, number>(4);
    let calls = 0;
    const compute = (): number => ++calls;
    expect(lru.getOrSet('k', compute)).toBe(1);
    expect(lru.getOrSet('k', compute)).toBe(1);
    expect(calls).toBe(1);
  });

  it('rejects a capacity below 1', () => {
    expect(() => new Lru(0)).toThrow(RangeError);
  });
});
