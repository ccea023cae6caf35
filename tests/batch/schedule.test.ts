import { describe, expect, it } from 'vitest';
import { AffinityQueue } from '../../src/batch/schedule.js';

type P = [string, string];
const keys = (p: P): P => p;

describe('AffinityQueue', () => {
  it('hands each worker the pairs whose documents it already analyzed', () => {
    const pairs: P[] = [['s1', 'r1'], ['s1', 'r2'], ['s1', 'r3'], ['s2', 'r4'], ['s2', 'r5'], ['s2', 'r6']];
    const q = new AffinityQueue(pairs, keys, 2, 16);
    const order = [q.take(0), q.take(1), q.take(0), q.take(1), q.take(0), q.take(1)];
    // Worker 0 keeps s1, worker 1 moves on to s2 instead of analyzing s1 a second time.
    expect(order).toEqual([['s1', 'r1'], ['s2', 'r4'], ['s1', 'r2'], ['s2', 'r5'], ['s1', 'r3'], ['s2', 'r6']]);
    expect(q.take(0)).toBeUndefined();
    expect(q.size).toBe(0);
  });

  it('falls back to queue order when no pending pair shares a document', () => {
    const q = new AffinityQueue<P>([['a', 'b'], ['c', 'd'], ['e', 'f']], keys, 1, 16);
    expect([q.take(0), q.take(0), q.take(0)]).toEqual([['a', 'b'], ['c', 'd'], ['e', 'f']]);
  });

  it('forgets a replaced worker\'s cache', () => {
    const q = new AffinityQueue<P>([['a', 'b'], ['c', 'd'], ['a', 'x']], keys, 1, 16);
    q.take(0);
    q.reset(0);
    expect(q.take(0)).toEqual(['c', 'd']);
  });
});
