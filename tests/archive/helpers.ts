import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openArchive, type Archive } from '../../src/archive/archive.js';
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
