import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openArchive, type Archive } from '../../src/archive/archive.js';
import Database from 'better-sqlite3';
import { rng } from '../helpers/generate.js';

export function tempDir(prefix = 'parascope-archive-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function tempArchive(): { archive: Archive; path: string } {
  const path = join(tempDir(), 'test.db');
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
 * Recompute every counter from the stored rows and compare: postings vs df, totals, boilerplate unit counts.
 * An archive where these disagree is corrupted.
 */
export function expectConsistent(path: string): void {
  const db = new Database(path, { readonly: true });
  try {
    const dfMismatch = db
      .prepare('SELECT count(*) FROM (SELECT term, count(*) AS n FROM postings GROUP BY term) p FULL OUTER JOIN terms t USING (term) WHERE p.n IS NOT t.df')
      .pluck()
      .get();
    if (dfMismatch !== 0) throw new Error(`${dfMismatch} terms with a document frequency that disagrees with their postings`);
    const docs = db.prepare('SELECT count(*) FROM documents').pluck().get() as number;
    const terms = db.prepare('SELECT coalesce(sum(term_count), 0) FROM documents').pluck().get() as number;
    const meta = new Map(db.prepare('SELECT key, value FROM meta').raw().all() as [string, number][]);
    const totals = { documents: meta.get('documents'), termCount: meta.get('term_count') };
    if (totals.documents !== docs || totals.termCount !== terms) throw new Error(`totals ${JSON.stringify(totals)} but ${docs} documents, ${terms} terms`);
    const dl = db.prepare('SELECT count(*) FROM postings p JOIN documents d USING (doc) WHERE p.dl <> d.term_count').pluck().get();
    const orphans = db.prepare('SELECT count(*) FROM postings WHERE doc NOT IN (SELECT doc FROM documents)').pluck().get();
    if (dl !== 0 || orphans !== 0) throw new Error(`${dl} postings with a stale length, ${orphans} orphaned postings`);
    const counted = db.prepare('SELECT unit_keys FROM documents WHERE counted = 1').pluck().all() as Buffer[];
    const expected = new Map<number, number>();
    for (const blob of counted) for (let i = 0; i + 4 <= blob.length; i += 4) expected.set(blob.readUInt32LE(i), (expected.get(blob.readUInt32LE(i)) ?? 0) + 1);
    const stored = new Map(db.prepare('SELECT unit, docs FROM units').raw().all() as [number, number][]);
    if (stored.size !== expected.size || [...expected].some(([k, n]) => stored.get(k) !== n)) throw new Error('boilerplate unit counts disagree with the counted documents');
    const hashes = db.prepare('SELECT hash, sum(counted) FROM documents GROUP BY hash').raw().all() as [string, number][];
    if (hashes.some(([, n]) => n > 1)) throw new Error('a text is counted for boilerplate more than once');
  } finally {
    db.close();
  }
}
