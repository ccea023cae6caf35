import { describe, expect, it } from 'vitest';
import { retrieve, windowRanges } from '../../src/archive/retrieve.js';
import { openStore } from '../../src/archive/open-store.js';
import { analyze } from '../../src/text/tokenize.js';
import { article, describeBackends, tempArchive } from './helpers.js';

describe('windowRanges', () => {
  it('covers the sentences that have terms with overlapping windows; a short text is one window', async () => {
    const s = (n: number) => Array.from({ length: n }, () => ['t']);
    expect(windowRanges(s(3), 4, 2)).toEqual([[0, 3]]);
    expect(windowRanges(s(9), 4, 2)).toEqual([[0, 4], [2, 6], [4, 8], [6, 9]]);
    expect(windowRanges([['a'], [], ['b'], ['c']], 2, 1)).toEqual([[0, 3], [2, 4]]);
    expect(windowRanges([[], []], 4, 2)).toEqual([]);
  });
});

describeBackends('retrieve', (backend) => {
  it('puts the source of one reused passage first in the windows that hold it, even in a long article', async () => {
    const { archive, path } = tempArchive(backend);
    for (let i = 0; i < 30; i++) await archive.addText(`/archive/${i}.txt`, article(500 + i, 15));
    await archive.close();
    const store = openStore(path, { readonly: true });
    const source = (await store.documentByPath('/archive/17.txt'))!;
    const borrowed = article(517, 15).split('\n\n')[1]!.split(/(?<=\.) /).slice(5, 9).join(' ');
    // A long article of its own with the borrowed passage in the middle.
    const candidate = analyze(`${article(900, 20)}\n\n${borrowed}\n\n${article(901, 20).split('\n\n')[1]}`);
    const r = await retrieve(store, candidate, []);
    expect(r.candidates[0]!.doc).toBe(source.doc);
    const holding = r.windows.filter((w) => w.top[0]?.doc === source.doc);
    expect(holding.length).toBeGreaterThan(0);
    expect(r.candidates.length).toBeLessThanOrEqual(30);
    // Excluding a document removes it from every window.
    expect((await retrieve(store, candidate, [], new Set([source.doc]))).candidates.map((c) => c.doc)).not.toContain(source.doc);
    await store.close();
  });
});
