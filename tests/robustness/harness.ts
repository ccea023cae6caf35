import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

export const root = fileURLToPath(new URL('../..', import.meta.url));
export const cli = join(root, 'dist/cli/main.js');
export const fixture = (name: string) => join(root, 'fixtures', `${name}.txt`);
export const SIEFF = fixture('sieff-oped');

/**
 * Time allowed for one CLI run. Generous because this two-core machine is shared with other test runs; a
 * hang (the thing this bounds) would exceed any figure, and the test then fails instead of waiting forever.
 */
export const RUN_TIMEOUT_MS = 120_000;

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

export function parascope(args: readonly string[], options: { timeout?: number; env?: Record<string, string> } = {}): Run {
  const started = performance.now();
  const r = spawnSync(process.execPath, [cli, ...args], {
    encoding: 'utf8',
    cwd: root,
    env: { ...process.env, PARASCOPE_DEBUG: '', ...options.env },
    timeout: options.timeout ?? RUN_TIMEOUT_MS,
    killSignal: 'SIGKILL',
    maxBuffer: 256 * 1024 * 1024,
  });
  const ms = performance.now() - started;
  if (r.error && (r.error as NodeJS.ErrnoException).code === 'ETIMEDOUT') {
    throw new Error(`parascope ${args.join(' ')}: still running after ${options.timeout ?? RUN_TIMEOUT_MS} ms (a hang)`);
  }
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, ms };
}

/** Never a stack trace, whatever the outcome: no "    at f (file:line)" frames, no Node error banner. */
export function expectNoStackTrace(r: Run): void {
  expect(r.stderr).not.toMatch(/^\s+at .+[:(]/m);
  expect(r.stderr).not.toMatch(/^Node\.js v|Error: .*\n\s+at /m);
}

/** A refusal: exit 2, nothing on stdout, exactly one line on stderr, starting "parascope: ". */
export function expectRefusal(r: Run, message: RegExp): void {
  expectNoStackTrace(r);
  expect(r.stderr).toMatch(/^parascope: /);
  expect(r.stderr.endsWith('\n')).toBe(true);
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(message);
  expect(r.stdout).toBe('');
  expect(r.code).toBe(2);
}

export function tempDir(prefix = 'parascope-robust-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** The atomic writer's temporary files are hidden `.NAME.PID.RANDOM.tmp` files beside the target. */
export function leftoverTempFiles(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.tmp'));
}

/**
 * The text a file's offsets must point into, decoded here independently of parascope's decoder: the BOM
 * (UTF-8, UTF-16 LE/BE) is not part of the text.
 */
export function expectedText(path: string): string {
  const bytes = readFileSync(path);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le', { ignoreBOM: true }).decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be', { ignoreBOM: true }).decode(bytes.subarray(2));
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bom ? bytes.subarray(3) : bytes);
}

export interface Range {
  start: number;
  end: number;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * A range reported for `text` is in bounds, not empty, and cut where words and characters are cut: never
 * inside a surrogate pair, never in the middle of a word, never starting or ending on whitespace. A range
 * counted in bytes or code points instead of UTF-16 code units fails this on any text with non-ASCII in it.
 */
export function expectSoundRange(r: Range, text: string, what: string): void {
  expect(r.start, what).toBeGreaterThanOrEqual(0);
  expect(r.end, what).toBeGreaterThan(r.start);
  expect(r.end, what).toBeLessThanOrEqual(text.length);
  const at = (i: number) => text.charCodeAt(i);
  const low = (c: number) => c >= 0xdc00 && c <= 0xdfff;
  expect(low(at(r.start)), `${what}: starts inside a surrogate pair`).toBe(false);
  expect(r.end < text.length && low(at(r.end)), `${what}: ends inside a surrogate pair`).toBe(false);
  const slice = text.slice(r.start, r.end);
  expect(slice.trim(), `${what}: starts or ends on whitespace`).toBe(slice);
  const midWord = (i: number) => i > 0 && i < text.length && WORD_CHAR.test(text[i - 1]!) && WORD_CHAR.test(text[i]!);
  expect(midWord(r.start), `${what}: starts mid-word: …${text.slice(r.start - 10, r.start + 10)}…`).toBe(false);
  expect(midWord(r.end), `${what}: ends mid-word: …${text.slice(r.end - 10, r.end + 10)}…`).toBe(false);
}

export interface PassageJson {
  source: Range;
  candidate: Range;
  pairs: { source: Range; candidate: Range }[];
}

/** Every passage and sentence pair of one comparison is sound on both sides. */
export function expectSoundPassages(passages: readonly PassageJson[], sourceText: string, candidateText: string): void {
  passages.forEach((p, i) => {
    expectSoundRange(p.source, sourceText, `passage ${i} source`);
    expectSoundRange(p.candidate, candidateText, `passage ${i} candidate`);
    p.pairs.forEach((pair, j) => {
      expectSoundRange(pair.source, sourceText, `passage ${i} pair ${j} source`);
      expectSoundRange(pair.candidate, candidateText, `passage ${i} pair ${j} candidate`);
    });
  });
}

/** Latin words only: what survives of a sentence when emoji, other scripts, NULs and markup are ignored. */
function latinWords(text: string): string {
  return (text.match(/[A-Za-z]+/g) ?? []).join(' ');
}

/**
 * Where an input embeds the source article verbatim (with noise between its sentences), every sentence pair
 * found must point at that embedded copy, and its words must be a run of the source article's words: a pair
 * whose offsets were shifted would start or end inside a different word and fail.
 */
export function expectPairsInEmbeddedCopy(passages: readonly PassageJson[], candidateText: string, embedded: Range, sourceText: string): void {
  const sourceWords = ` ${latinWords(sourceText)} `;
  // Markup is blanked out in place (offsets unchanged): a sentence of an HTML page may start inside a tag.
  const unmarked = candidateText.replace(/<[^>]*>/g, (tag) => ' '.repeat(tag.length));
  for (const p of passages) {
    for (const pair of p.pairs) {
      const start = Math.max(pair.candidate.start, embedded.start);
      const end = Math.min(pair.candidate.end, embedded.end);
      expect(end, `pair ${JSON.stringify(pair.candidate)} lies outside the embedded copy ${JSON.stringify(embedded)}`).toBeGreaterThan(start);
      const words = latinWords(unmarked.slice(start, end));
      if (words) expect(sourceWords.includes(` ${words} `), `"${words.slice(0, 80)}…" is not a run of the source's words`).toBe(true);
    }
  }
}
