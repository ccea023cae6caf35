import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { comparePairs, type BatchPair, type PairOutcome } from '../../src/batch/pool.js';
import { compare } from '../../src/compare.js';
import { fixturePath, seed } from '../helpers/fixtures.js';

interface Named extends BatchPair {
  name: string;
}

async function run(pairs: Named[], options: Parameters<typeof comparePairs>[1]): Promise<Map<string, PairOutcome<Named>>> {
  const outcomes = new Map<string, PairOutcome<Named>>();
  const summary = await comparePairs(pairs, options, (o) => outcomes.set(o.pair.name, o));
  expect(summary.pairs).toBe(pairs.length);
  expect(summary.failed).toBe([...outcomes.values()].filter((o) => o.error).length);
  return outcomes;
}

const tmp = mkdtempSync(join(tmpdir(), 'parascope-pool-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('comparePairs', () => {
  it('returns, for every pair, the same result as an in-process compare', { timeout: 60_000 }, async () => {
    const names = ['sieff-oped', 'pasha-rewrite', 'chinadaily-cements-ties', 'cgtn-shared-future'] as const;
    const pairs: Named[] = names.flatMap((s) =>
      names.filter((c) => c !== s).map((c) => ({ name: `${c}<-${s}`, sourcePath: fixturePath(`${s}.txt`), candidatePath: fixturePath(`${c}.txt`) })),
    );
    const outcomes = await run(pairs, { jobs: 2, cacheSize: 2 });
    expect(outcomes.size).toBe(pairs.length);
    for (const pair of pairs) {
      const got = outcomes.get(pair.name)!;
      expect(got.error).toBeUndefined();
      const [c, s] = pair.name.split('<-') as [(typeof names)[number], (typeof names)[number]];
      const expected = compare(seed(s), seed(c), { sourcePath: pair.sourcePath, candidatePath: pair.candidatePath });
      expect(got.result).toEqual(expected);
    }
    // The seed rewrite is found through the pool too (not only empty results).
    expect(outcomes.get('pasha-rewrite<-sieff-oped')!.result!.passages.length).toBeGreaterThan(0);
  });

  it('reports a missing or binary document as an input error for that pair and finishes the rest', { timeout: 60_000 }, async () => {
    const binary = join(tmp, 'binary.txt');
    writeFileSync(binary, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff, 0xfe]));
    const ok = { sourcePath: fixturePath('sieff-oped.txt'), candidatePath: fixturePath('pasha-rewrite.txt') };
    const outcomes = await run(
      [
        { name: 'missing', sourcePath: join(tmp, 'nope.txt'), candidatePath: ok.candidatePath },
        { name: 'binary', sourcePath: ok.sourcePath, candidatePath: binary },
        { name: 'ok', ...ok },
      ],
      { jobs: 1 },
    );
    expect(outcomes.get('missing')!.error).toEqual({ kind: 'input', message: `${join(tmp, 'nope.txt')}: no such file` });
    expect(outcomes.get('binary')!.error).toMatchObject({ kind: 'input', message: expect.stringMatching(/binary\.txt: .*binary/) });
    expect(outcomes.get('ok')!.result!.passages.length).toBeGreaterThan(0);
  });

  it('records a worker crash against its pair, replaces the worker and carries on', { timeout: 60_000 }, async () => {
    const workerUrl = new URL('./fixtures/crash-worker.ts', import.meta.url);
    const pairs: Named[] = ['a', 'crash-1', 'b', 'c', 'crash-2', 'd'].map((name) => ({ name, sourcePath: join(tmp, 'src'), candidatePath: join(tmp, name) }));
    const outcomes = await run(pairs, { jobs: 2, workerUrl });
    expect(outcomes.size).toBe(6);
    for (const name of ['crash-1', 'crash-2']) expect(outcomes.get(name)!.error).toEqual({ kind: 'crash', message: 'worker crashed: exited with code 7' });
    for (const name of ['a', 'b', 'c', 'd']) expect(outcomes.get(name)!.result).toBeDefined();
  });

  it('fails the batch when a worker cannot start at all, instead of respawning forever', { timeout: 60_000 }, async () => {
    const workerUrl = new URL('./fixtures/crash-worker.ts', import.meta.url);
    process.env.CRASH_WORKER_AT_START = '1';
    try {
      const pairs = [{ name: 'x', sourcePath: 'a', candidatePath: 'b' }];
      await expect(comparePairs(pairs, { jobs: 1, workerUrl }, () => {})).rejects.toThrow(/batch worker could not start .*cannot start/);
    } finally {
      delete process.env.CRASH_WORKER_AT_START;
    }
  });

  it('stops and rejects when the consumer of outcomes throws', { timeout: 60_000 }, async () => {
    const workerUrl = new URL('./fixtures/crash-worker.ts', import.meta.url);
    const pairs = ['a', 'b', 'c'].map((name) => ({ name, sourcePath: 'x', candidatePath: name }));
    await expect(
      comparePairs(pairs, { jobs: 1, workerUrl }, () => {
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
  });
});
