import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describe } from 'vitest';
import { openArchive, type Archive } from '../../src/archive/archive.js';
import { parseLocation } from '../../src/archive/postgres/location.js';
import { rng } from '../helpers/generate.js';

export function tempDir(prefix = 'parascope-archive-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/**
 * A storage backend the archive suite runs against: where a fresh, empty archive lives, and how to change its
 * tables behind parascope's back (for the verify tests; the SQL is the same for both).
 */
export interface Backend {
  name: 'sqlite' | 'postgres';
  /** Why the backend's half of the suite is skipped (no server configured), or undefined when it runs. */
  skipped?: string;
  freshLocation(): string;
  tamper(location: string, sql: string): Promise<void>;
}

const sqlite: Backend = {
  name: 'sqlite',
  freshLocation: () => join(tempDir(), 'test.db'),
  async tamper(location, sql) {
    const db = new Database(location);
    db.exec(sql);
    db.close();
  },
};

/** PARASCOPE_TEST_POSTGRES: a database URL on a throw-away server (`.ci/postgres start` prints one). */
export const TEST_POSTGRES = process.env.PARASCOPE_TEST_POSTGRES || undefined;

/** A new schema name per archive: one database holds every test's archive, each starts empty. */
export function freshPostgresLocation(base = TEST_POSTGRES!): string {
  const url = new URL(base);
  url.searchParams.set('schema', `test_${randomBytes(6).toString('hex')}`);
  return url.toString();
}

const postgres: Backend = {
  name: 'postgres',
  skipped: TEST_POSTGRES ? undefined : 'PARASCOPE_TEST_POSTGRES is not set (see .ci/postgres)',
  freshLocation: () => freshPostgresLocation(),
  async tamper(location, sql) {
    const target = parseLocation(location);
    const client = new pg.Client({ connectionString: target.connectionString, options: `-c search_path=${target.schema}` });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  },
};

export const BACKENDS: readonly Backend[] = [sqlite, postgres];

/** Say once per test process (the default reporter does not list skipped suites) that half the suite did not run. */
export function warnSkipped(): void {
  if (TEST_POSTGRES || process.env.PARASCOPE_TEST_POSTGRES_WARNED) return;
  process.env.PARASCOPE_TEST_POSTGRES_WARNED = '1';
  console.warn(`archive tests: PostgreSQL half skipped, ${postgres.skipped}`);
}

/**
 * One suite, run against every backend: `describe` per backend, the PostgreSQL one skipped with its reason
 * in the suite name when no test server is configured (CI always configures one).
 */
export function describeBackends(name: string, body: (backend: Backend) => void): void {
  warnSkipped();
  for (const backend of BACKENDS) {
    describe.skipIf(backend.skipped !== undefined)(`${name} [${backend.name}${backend.skipped ? `: skipped, ${backend.skipped}` : ''}]`, () => body(backend));
  }
}

export function tempArchive(backend: Backend = sqlite): { archive: Archive; path: string } {
  const path = backend.freshLocation();
  return { archive: openArchive(path), path };
}

const WORDS = (
  'harbour council budget ferry tunnel orchard glacier turbine meadow lantern quarry vineyard bakery ' +
  'festival archive museum railway bridge market river school hospital library stadium factory garden ' +
  'election minister treaty senate mayor court verdict appeal tariff export import harvest drought flood'
).split(' ');

/** A made-up word: letters only, so the tokenizer sees an ordinary content word. */
function pseudoWord(random: () => number): string {
  const letters = 'bcdfghklmnprstvz';
  const vowels = 'aeiou';
  let w = '';
  for (let i = 0; i < 3; i++) w += letters[Math.floor(random() * letters.length)]! + vowels[Math.floor(random() * vowels.length)]!;
  return w;
}

/**
 * A deterministic pseudo-article: common news words mixed with made-up words drawn per article, so two
 * articles with different seeds share topic vocabulary but never enough to look like reuse of each other.
 */
export function article(seed: number, sentences = 12, title = `Story ${seed}`): string {
  const random = rng(seed);
  const own = Array.from({ length: 40 }, () => pseudoWord(random));
  const body: string[] = [];
  for (let i = 0; i < sentences; i++) {
    const words = Array.from({ length: 10 + Math.floor(random() * 6) }, (_, k) =>
      k % 3 === 0 ? WORDS[Math.floor(random() * WORDS.length)]! : own[Math.floor(random() * own.length)]!,
    );
    body.push(`${words[0]![0]!.toUpperCase()}${words.join(' ').slice(1)}.`);
  }
  return `${title}\n\n${body.join(' ')}\n`;
}

/**
 * The archive passes `index verify` (the storage engine's integrity check plus parascope's invariants: counters
 * vs postings, totals, buckets, boilerplate counts). An archive where these disagree is corrupted.
 */
export async function expectConsistent(location: string): Promise<void> {
  const archive = openArchive(location, { readonly: true });
  try {
    const { problems } = await archive.verify();
    if (problems.length > 0) throw new Error(`archive fails verification:\n${problems.join('\n')}`);
  } finally {
    await archive.close();
  }
}

/** Documents committed to an SQLite archive so far, read the way a second process would (0 before it exists). */
export function committedDocuments(db: string): number {
  if (!existsSync(db)) return 0;
  try {
    const c = new Database(db, { readonly: true });
    try {
      return c.prepare('SELECT count(*) FROM documents').pluck().get() as number;
    } finally {
      c.close();
    }
  } catch {
    return 0; // not created yet
  }
}
