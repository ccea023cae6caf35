import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { openArchive } from '../../src/archive/archive.js';
import { article, describeBackends, tempArchive, tempDir, type Backend } from './helpers.js';

/** A small archive that has seen adds, a replacement, identical copies and a removal. */
async function builtArchive(backend: Backend): Promise<string> {
  const dir = tempDir();
  for (let i = 0; i < 8; i++) writeFileSync(join(dir, `s${i}.txt`), article(i));
  writeFileSync(join(dir, 'copy.txt'), article(3));
  writeFileSync(join(dir, 'copy2.txt'), article(3));
  const { archive, path } = tempArchive(backend);
  await archive.add([dir], { jobs: 1 });
  writeFileSync(join(dir, 's1.txt'), article(100));
  await archive.add([join(dir, 's1.txt')], { jobs: 1 });
  await archive.remove([join(dir, 's3.txt')]);
  await archive.close();
  return path;
}

async function verify(path: string): Promise<string[]> {
  const archive = openArchive(path, { readonly: true });
  try {
    return (await archive.verify()).problems;
  } finally {
    await archive.close();
  }
}

describeBackends('archive verify', (backend) => {
  it('finds no problem in an archive built by adds, replacement, copies and removal', async () => {
    const path = await builtArchive(backend);
    expect(await verify(path)).toEqual([]);
  });

  it.each([
    ['a document frequency', 'UPDATE terms SET df = df + 1 WHERE term = (SELECT min(term) FROM terms)', /document frequency/],
    ['the document total', "UPDATE meta SET value = value + 1 WHERE key = 'documents'", /document total/],
    ['a posting of a removed document', 'DELETE FROM documents WHERE doc = (SELECT min(doc) FROM documents)', /missing document/],
    ['a boilerplate counter', 'UPDATE units SET docs = docs + 1 WHERE unit = (SELECT min(unit) FROM units)', /boilerplate counters/],
    ['an LSH bucket row', 'DELETE FROM bands WHERE (band, doc) = (SELECT band, doc FROM bands LIMIT 1)', /LSH bucket/],
    ['the counted flag of a copy', 'UPDATE documents SET counted = 1', /counted for boilerplate more than once/],
  ])('reports a broken %s', async (_what, sql, message) => {
    const path = await builtArchive(backend);
    // Break one invariant behind parascope's back, the way a bug or a torn write would.
    await backend.tamper(path, sql);
    const problems = await verify(path);
    expect(problems.some((p) => message.test(p)), problems.join('\n')).toBe(true);
  });
});
