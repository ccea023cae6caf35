import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openArchive } from '../../src/archive/archive.js';
import { postingBlocks, readBlock, withoutDoc } from '../../src/archive/sqlite/posting-blocks.js';
import { SCHEMA_VERSION } from '../../src/archive/sqlite/schema.js';
import { SqliteStore } from '../../src/archive/sqlite/store.js';
import type { PostingRow, Postings } from '../../src/archive/store.js';
import { rng } from '../helpers/generate.js';
import { article, tempArchive, tempDir } from './helpers.js';

/** Random postings rows, sorted by term then doc as a write batch hands them over. */
function randomRows(seed: number): PostingRow[] {
  const random = rng(seed);
  const rows: PostingRow[] = [];
  for (let term = 0; term < 20; term++) {
    const id = Math.floor(random() * 2 ** 48);
    for (let doc = 1; doc < 50; doc++) if (random() < 0.3) rows.push({ term: id, doc, tf: 1 + Math.floor(random() * 9), dl: 100 + doc });
  }
  return rows.sort((a, b) => a.term - b.term || a.doc - b.doc);
}

describe('posting blocks', () => {
  it('hold exactly the rows of each term, in doc order, and drop one document', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const rows = randomRows(seed);
      const blocks = [...postingBlocks(rows)];
      expect(new Set(blocks.map((b) => b.term)).size).toBe(blocks.length);
      const back: PostingRow[] = [];
      for (const b of blocks) {
        const p: Postings = { docs: [], tfs: [], dls: [] };
        readBlock(b.postings, p);
        expect(b.first).toBe(p.docs[0]);
        p.docs.forEach((doc, i) => back.push({ term: b.term, doc, tf: p.tfs[i]!, dl: p.dls[i]! }));
        const gone = p.docs[Math.floor(p.docs.length / 2)]!;
        const rest: Postings = { docs: [], tfs: [], dls: [] };
        readBlock(withoutDoc(b.postings, gone), rest);
        expect(rest.docs).toEqual(p.docs.filter((d) => d !== gone));
        expect(withoutDoc(b.postings, 10_000).equals(b.postings)).toBe(true);
      }
      expect(back).toEqual(rows);
    }
  });
});

/** Rewrite a current archive into schema version 1's layout: one postings row per (term, doc). */
function downgradeToVersion1(path: string): void {
  const db = new Database(path);
  db.exec(`CREATE TABLE postings (term INTEGER NOT NULL, doc INTEGER NOT NULL, tf INTEGER NOT NULL, dl INTEGER NOT NULL,
    PRIMARY KEY (term, doc)) WITHOUT ROWID`);
  const insert = db.prepare('INSERT INTO postings (term, doc, tf, dl) VALUES (?, ?, ?, ?)');
  for (const [term, blob] of db.prepare('SELECT term, postings FROM posting_blocks').raw().all() as [number, Buffer][]) {
    const p: Postings = { docs: [], tfs: [], dls: [] };
    readBlock(blob, p);
    p.docs.forEach((doc, i) => insert.run(term, doc, p.tfs[i], p.dls[i]));
  }
  db.exec('DROP TABLE posting_blocks');
  db.pragma('user_version = 1');
  db.close();
}

describe('schema 1 → 2', () => {
  it('moves the postings of an archive built before blocks into blocks: same postings, same check results', async () => {
    const dir = tempDir();
    for (let i = 0; i < 12; i++) writeFileSync(join(dir, `s${i}.txt`), article(i));
    const { archive, path } = tempArchive();
    await archive.add([dir], { jobs: 1, batchSize: 5 });
    await archive.remove([join(dir, 's4.txt')]);
    const query = article(7, 6);
    const before = await archive.check(query);
    await archive.close();

    const terms = (() => {
      const db = new Database(path, { readonly: true });
      const t = db.prepare('SELECT term FROM terms ORDER BY term').pluck().all() as number[];
      db.close();
      return t;
    })();
    const postingsOf = async () => {
      const store = new SqliteStore(path);
      try {
        return await store.postings(terms);
      } finally {
        await store.close();
      }
    };
    const expected = await postingsOf();
    downgradeToVersion1(path);

    const migrated = openArchive(path);
    try {
      expect((await migrated.verify()).problems).toEqual([]);
      expect((await migrated.stats()).schemaVersion).toBe(SCHEMA_VERSION);
      expect(await migrated.check(query)).toEqual(before);
    } finally {
      await migrated.close();
    }
    expect(await postingsOf()).toEqual(expected);
  }, 30_000); // builds, checks and migrates an archive: slow on a shared machine
});
