import type Database from 'better-sqlite3';
import { postingsToBlocks } from './posting-blocks.js';

/** SQL to run, or a step that needs code (moving data into a new layout). */
export type Migration = string | ((db: Database.Database) => void);

/**
 * The SQLite archive's schema, as an ordered list of migrations: migration i takes `PRAGMA user_version`
 * from i to i + 1. Append new migrations, never edit shipped ones. `application_id` marks the file as a
 * parascope archive, so another program's SQLite database is refused instead of being written into.
 */
export const APPLICATION_ID = 0x50534350; // "PSCP"

export const MIGRATIONS: readonly Migration[] = [
  `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
  INSERT INTO meta (key, value) VALUES ('documents', 0), ('term_count', 0);

  -- doc: internal number used by every other table; uid: the stable id users see.
  CREATE TABLE documents (
    doc INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    path TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    hash TEXT NOT NULL,
    length INTEGER NOT NULL,
    term_count INTEGER NOT NULL,
    added TEXT NOT NULL,
    meta TEXT NOT NULL,
    -- 1 when this document's sentence and line keys are counted for boilerplate (one per distinct text).
    counted INTEGER NOT NULL,
    shingles INTEGER NOT NULL,
    signature BLOB NOT NULL,
    term_ids BLOB NOT NULL,
    unit_keys BLOB NOT NULL,
    text BLOB NOT NULL
  );
  CREATE INDEX documents_hash ON documents (hash);

  -- Document frequency of every content term (termId), and its postings.
  CREATE TABLE terms (term INTEGER PRIMARY KEY, df INTEGER NOT NULL);
  CREATE TABLE postings (term INTEGER NOT NULL, doc INTEGER NOT NULL, tf INTEGER NOT NULL, dl INTEGER NOT NULL,
    PRIMARY KEY (term, doc)) WITHOUT ROWID;

  -- In how many distinct texts each sentence or line key occurs: frequent ones are boilerplate.
  CREATE TABLE units (unit INTEGER PRIMARY KEY, docs INTEGER NOT NULL);
  CREATE INDEX units_docs ON units (docs);

  -- LSH buckets of the whole-document MinHash signatures.
  CREATE TABLE bands (band INTEGER NOT NULL, doc INTEGER NOT NULL, PRIMARY KEY (band, doc)) WITHOUT ROWID;
  `,
  // 2: postings in blocks of one term and write batch (posting-blocks.ts) instead of a row per posting.
  postingsToBlocks,
];

export const SCHEMA_VERSION = MIGRATIONS.length;
