import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { openArchive } from '../../src/archive/archive.js';
import { documentId } from '../../src/archive/ids.js';
import { rng } from '../helpers/generate.js';
import { article, describeBackends, expectConsistent, tempArchive, tempDir } from './helpers.js';

describeBackends('archive: add, replace, remove', (backend) => {
  it('adds files and directories recursively, skips hidden entries, and reports unreadable files', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'a/b'), { recursive: true });
    writeFileSync(join(dir, 'a/one.txt'), article(1));
    writeFileSync(join(dir, 'a/b/two.txt'), article(2));
    writeFileSync(join(dir, 'a/.hidden.txt'), article(3));
    writeFileSync(join(dir, 'a/empty.txt'), '');
    const { archive, path } = tempArchive(backend);
    const summary = await archive.add([join(dir, 'a')], { jobs: 1 });
    expect(summary).toMatchObject({ added: 2, replaced: 0, unchanged: 0 });
    expect(summary.failed.map((f) => f.path)).toEqual([join(dir, 'a/empty.txt')]);
    const docs = await archive.list();
    expect(docs.map((d) => d.path).sort()).toEqual([join(dir, 'a/b/two.txt'), join(dir, 'a/one.txt')]);
    expect(docs.find((d) => d.path.endsWith('one.txt'))).toMatchObject({ id: documentId(join(dir, 'a/one.txt')), title: 'Story 1' });
    await archive.close();
    await expectConsistent(path);
  });

  it('re-adding the same text is a no-op; changed text replaces it under the same id; meta is kept', async () => {
    const dir = tempDir();
    const file = join(dir, 'story.txt');
    writeFileSync(file, article(7));
    const { archive, path } = tempArchive(backend);
    await archive.add([file], { jobs: 1, meta: { desk: 'world' } });
    const before = (await archive.list())[0]!;
    expect(await archive.add([file], { jobs: 1 })).toMatchObject({ added: 0, replaced: 0, unchanged: 1 });
    writeFileSync(file, article(8, 12, 'Story 7, updated'));
    expect(await archive.add([file], { jobs: 1 })).toMatchObject({ added: 0, replaced: 1, unchanged: 0 });
    const after = await archive.list();
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ id: before.id, title: 'Story 7, updated', meta: { desk: 'world' } });
    expect(after[0]!.hash).not.toBe(before.hash);
    expect(await archive.text(before.id)).toBe(article(8, 12, 'Story 7, updated'));
    await archive.close();
    await expectConsistent(path);
  });

  it('stores a title holding a stray NUL from a web capture exactly as given', async () => {
    const { archive, path } = tempArchive(backend);
    const text = `Head\u0000line of the story\n\n${article(5).split('\n\n')[1]}`;
    await archive.addText('/web/capture.txt', text);
    expect((await archive.list())[0]!.title).toBe('Head\u0000line of the story');
    expect(await archive.text((await archive.list())[0]!.id)).toBe(text);
    await archive.close();
    await expectConsistent(path);
  });

  it('removes by id or path and reports what matched nothing', async () => {
    const { archive, path } = tempArchive(backend);
    await archive.addText('/news/a.txt', article(1));
    await archive.addText('/news/b.txt', article(2));
    const [a] = await archive.list();
    const r = await archive.remove([a!.id, '/news/b.txt', 'nope']);
    expect(r.removed.map((d) => d.path)).toEqual(['/news/a.txt', '/news/b.txt']);
    expect(r.missing).toEqual(['nope']);
    expect(await archive.list()).toEqual([]);
    expect(await archive.stats()).toMatchObject({ documents: 0, terms: 0, postings: 0 });
    await archive.close();
    await expectConsistent(path);
  });

  it('keeps every counter consistent through a random sequence of adds, replaces, copies and removals', async () => {
    const { archive, path } = tempArchive(backend);
    const random = rng(42);
    const paths = Array.from({ length: 12 }, (_, i) => `/c/${i}.txt`);
    for (let step = 0; step < 80; step++) {
      const p = paths[Math.floor(random() * paths.length)]!;
      const r = random();
      // Few distinct texts, so identical copies at different paths are common.
      if (r < 0.65) await archive.addText(p, article(Math.floor(random() * 5), 4 + Math.floor(random() * 4)));
      else await archive.remove([p]);
    }
    const stats = await archive.stats();
    expect(stats.documents).toBe((await archive.list()).length);
    await archive.close();
    await expectConsistent(path);
  });

  it('refuses to write through a read-only handle and reads a missing archive as an error', async () => {
    const { archive, path } = tempArchive(backend);
    await archive.addText('/x.txt', article(1));
    await archive.close();
    const ro = openArchive(path, { readonly: true });
    await expect(ro.addText('/y.txt', article(2))).rejects.toThrow(/read-only/);
    await expect(ro.remove(['/x.txt'])).rejects.toThrow(/read-only/);
    expect(await ro.list()).toHaveLength(1);
    await ro.close();
    // SQLite refuses a missing file when opened, PostgreSQL on first use (it connects lazily).
    await expect((async () => openArchive(backend.freshLocation(), { readonly: true }).list())()).rejects.toThrow(/no such archive/);
    if (backend.name === 'sqlite' && process.getuid?.() !== 0) {
      chmodSync(path, 0o444);
      await expect(openArchive(path).addText('/z.txt', article(3))).rejects.toThrow(/read-only/);
    }
  });
});
