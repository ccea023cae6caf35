import { expect, it } from 'vitest';
import { article, describeBackends, tempArchive } from './helpers.js';

describeBackends('scan', (backend) => {
  it('reports identical copies, near-duplicate groups and reuse pairs, and nothing between unrelated articles', async () => {
    const { archive } = tempArchive(backend);
    const story = article(1, 20);
    const sentences = (text: string) => text.split('\n\n')[1]!.trim().split(/(?<=\.) /);
    await archive.addText('/a/original.txt', story);
    await archive.addText('/b/copy.txt', story);
    await archive.addText('/c/updated.txt', story.replace('Story 1', 'Story 1, updated').replace(sentences(story)[19]!, sentences(article(50, 1))[0]!));
    const source = article(2, 16);
    await archive.addText('/d/source.txt', source);
    await archive.addText('/e/borrower.txt', `${article(3, 14)}\n${sentences(source).slice(4, 10).join(' ')}\n`);
    for (let i = 0; i < 8; i++) await archive.addText(`/f/unrelated-${i}.txt`, article(100 + i));

    const result = await archive.scan();
    expect(result.documents).toBe(13);
    const groups = result.groups.map((g) => ({ kind: g.kind, paths: g.documents.map((d) => d.path) }));
    expect(groups).toContainEqual({ kind: 'identical', paths: ['/a/original.txt', '/b/copy.txt'] });
    expect(groups).toContainEqual({ kind: 'near-duplicate', paths: ['/a/original.txt', '/b/copy.txt', '/c/updated.txt'] });
    expect(groups).toHaveLength(2);

    const pairs = result.pairs.map((p) => `${p.source.path} -> ${p.candidate.path}: ${p.verdict}`);
    expect(pairs).toContain('/a/original.txt -> /c/updated.txt: duplicate');
    expect(pairs).toContain('/d/source.txt -> /e/borrower.txt: partial-reuse');
    // Identical copies are a group, not also a pair; unrelated articles pair with nothing.
    expect(pairs.some((p) => p.includes('/b/copy.txt'))).toBe(false);
    expect(pairs.some((p) => p.includes('unrelated'))).toBe(false);
    const borrowed = result.pairs.find((p) => p.candidate.path === '/e/borrower.txt')!;
    expect(borrowed.passages.length).toBeGreaterThan(0);
    await archive.close();
  });
});
