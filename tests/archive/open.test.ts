import Database from 'better-sqlite3';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openArchive } from '../../src/archive/archive.js';
import { SCHEMA_VERSION } from '../../src/archive/sqlite/schema.js';
import { InputError } from '../../src/errors.js';
import { article, tempDir } from './helpers.js';

function refusal(open: () => unknown): InputError {
  try {
    open();
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).not.toContain('\n');
    return err as InputError;
  }
  throw new Error('expected a refusal');
}

async function asyncRefusal(work: Promise<unknown>): Promise<InputError> {
  try {
    await work;
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return err as InputError;
  }
  throw new Error('expected a refusal');
}

describe('opening archives', () => {
  it('creates a versioned, marked archive; WAL while open for writing, one self-contained file once closed', async () => {
    const path = join(tempDir(), 'new.db');
    const archive = openArchive(path);
    await archive.addText('/a.txt', article(1));
    const peek = () => {
      const db = new Database(path, { readonly: true });
      const info = [db.pragma('user_version', { simple: true }), db.pragma('application_id', { simple: true }), db.pragma('journal_mode', { simple: true })];
      db.close();
      return info;
    };
    expect(peek()).toEqual([SCHEMA_VERSION, 0x50534350, 'wal']);
    await archive.close();
    expect(peek()).toEqual([SCHEMA_VERSION, 0x50534350, 'delete']);
    expect(existsSync(`${path}-wal`)).toBe(false);
  });

  it('refuses a file that is not an SQLite database', async () => {
    const path = join(tempDir(), 'notes.db');
    writeFileSync(path, 'These are my notes, not an archive.\n');
    expect(refusal(() => openArchive(path)).message).toMatch(/notes\.db: is not a parascope archive/);
  });

  it("refuses another program's SQLite database without touching it", () => {
    const path = join(tempDir(), 'other.db');
    const db = new Database(path);
    db.exec('CREATE TABLE contacts (name TEXT)');
    db.close();
    expect(refusal(() => openArchive(path)).message).toMatch(/SQLite database but not a parascope archive/);
    const check = new Database(path, { readonly: true });
    expect(check.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all()).toEqual(['contacts']);
    check.close();
  });

  it('refuses an archive written by a newer schema version, read-only or not', async () => {
    const path = join(tempDir(), 'future.db');
    openArchive(path).close();
    const db = new Database(path);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    expect(refusal(() => openArchive(path)).message).toMatch(/schema version \d+ is newer than this parascope supports/);
    expect(refusal(() => openArchive(path, { readonly: true })).message).toMatch(/newer/);
  });

  it('refuses a directory and a missing archive for reading', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'folder.db'));
    expect(refusal(() => openArchive(join(dir, 'folder.db'))).message).toMatch(/is a directory/);
    expect(refusal(() => openArchive(join(dir, 'missing.db'), { create: false })).message).toMatch(/no such archive/);
  });

  it('reports a writer locked out by another process as "locked", and readers are not blocked', async () => {
    const path = join(tempDir(), 'busy.db');
    const archive = openArchive(path);
    await archive.addText('/a.txt', article(1));
    await archive.close();
    // Another writer in the middle of a transaction (archives are in WAL mode while written).
    const holder = new Database(path);
    holder.pragma('journal_mode = WAL');
    holder.prepare('BEGIN IMMEDIATE').run();
    try {
      const writer = openArchive(path, { busyTimeout: 50 });
      expect((await asyncRefusal(writer.addText('/b.txt', article(2)))).message).toMatch(/locked by another process/);
      await writer.close();
      const reader = openArchive(path, { readonly: true, busyTimeout: 50 });
      expect(await reader.list()).toHaveLength(1);
      await reader.close();
    } finally {
      holder.prepare('ROLLBACK').run();
      holder.close();
    }
  });
});
