import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAnnotations } from '../../bench/pan/xml.js';
import { compare } from '../../src/compare.js';
import type { CompareResult } from '../../src/result.js';

// Runs the built CLI (`npm run build` first); the pairs are made from the repo's seed articles.
const root = fileURLToPath(new URL('../../', import.meta.url));
const cli = join(root, 'dist/cli/main.js');
const fixtures = join(root, 'fixtures');
const PAIRS: [candidate: string, source: string][] = [
  ['pasha-rewrite.txt', 'sieff-oped.txt'],
  ['chinadaily-cements-ties.txt', 'cgtn-shared-future.txt'],
  ['globaltimes-mutual-trust.txt', 'sieff-oped.txt'],
];

let tmp = '';
beforeAll(() => {
  if (!existsSync(cli)) throw new Error(`${cli} is missing: run npm run build first`);
  tmp = mkdtempSync(join(tmpdir(), 'parascope-batch-'));
  writeFileSync(join(tmp, 'pairs'), PAIRS.map((p) => p.join(' ')).join('\n') + '\n');
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function run(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [cli, 'compare', ...args], { cwd: tmp, encoding: 'utf8', env: { ...process.env, PARASCOPE_DEBUG: '' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const dirs = ['--source-dir', fixtures, '--candidate-dir', fixtures];
const read = (name: string): string => readFileSync(join(fixtures, name), 'utf8');

describe('parascope compare --pairs', () => {
  it('--format pan writes one detection file per pair with the passages of a single compare', () => {
    const r = run('--pairs', 'pairs', ...dirs, '--format', 'pan', '--out', 'pan-out', '--jobs', '2');
    expect(r.stderr).toMatch(/^compared 3 of 3 pairs in [\d.]+ s \([\d.]+ pairs\/s\), wrote 3 files to pan-out\n$/);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    const expectedFiles = PAIRS.map(([c, s]) => `${c.replace('.txt', '')}-${s.replace('.txt', '')}.xml`);
    expect(readdirSync(join(tmp, 'pan-out')).sort()).toEqual([...expectedFiles].sort());
    PAIRS.forEach(([c, s], i) => {
      const xml = readFileSync(join(tmp, 'pan-out', expectedFiles[i]!), 'utf8');
      const detections = parseAnnotations(xml, 'detected-plagiarism', expectedFiles[i]);
      const passages = compare(read(s), read(c)).passages;
      expect(detections).toEqual(passages.map((p) => ({ pair: `${c} ${s}`, suspicious: p.candidate, source: p.source })));
    });
    // The rewrite is found: the check above is not trivially comparing empty lists.
    expect(readFileSync(join(tmp, 'pan-out', expectedFiles[0]!), 'utf8')).toContain('name="detected-plagiarism"');
  });

  it('--format jsonl streams one compare result per pair to stdout', () => {
    const r = run('--pairs', 'pairs', ...dirs, '--format', 'jsonl', '--jobs', '2');
    expect(r.status).toBe(0);
    const results = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as CompareResult);
    const ids = results.map((x) => `${x.candidate.path} ${x.source.path}`).sort();
    expect(ids).toEqual(PAIRS.map(([c, s]) => `${join(fixtures, c)} ${join(fixtures, s)}`).sort());
    expect(results.every((x) => x.schemaVersion === 1)).toBe(true);
  });

  it('--format jsonl --out DIR writes DIR/results.jsonl in pairs-file order', () => {
    const r = run('--pairs', 'pairs', ...dirs, '--out', 'jsonl-out');
    expect(r.status).toBe(0);
    const lines = readFileSync(join(tmp, 'jsonl-out', 'results.jsonl'), 'utf8').trimEnd().split('\n');
    expect(lines.map((l) => (JSON.parse(l) as CompareResult).candidate.path)).toEqual(PAIRS.map(([c]) => join(fixtures, c)));
  });

  it('a malformed pairs file: exit 2 with one line naming the line', () => {
    writeFileSync(join(tmp, 'bad-pairs'), 'pasha-rewrite.txt sieff-oped.txt\n\njust-one-name.txt\n');
    const r = run('--pairs', 'bad-pairs', ...dirs, '--format', 'pan', '--out', 'bad-out');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('parascope: bad-pairs: line 3: expected "CANDIDATE SOURCE", got "just-one-name.txt"\n');
    expect(existsSync(join(tmp, 'bad-out'))).toBe(false);
  });

  it('mixing single-pair arguments with --pairs, or a missing argument: exit 2 with one line', () => {
    const mixed = run(join(fixtures, 'sieff-oped.txt'), '--pairs', 'pairs', ...dirs);
    expect(mixed.status).toBe(2);
    expect(mixed.stderr).toBe('parascope: give either SOURCE CANDIDATE or --pairs FILE, not both\n');
    const missing = run(join(fixtures, 'sieff-oped.txt'));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe('parascope: missing argument CANDIDATE (or give --pairs FILE to compare many pairs)\n');
    const stray = run(join(fixtures, 'sieff-oped.txt'), join(fixtures, 'pasha-rewrite.txt'), '--jobs', '2');
    expect(stray.status).toBe(2);
    expect(stray.stderr).toBe('parascope: --jobs: only with --pairs FILE\n');
  });

  it('a missing document fails its pair only: the others are written, then exit 2', () => {
    writeFileSync(join(tmp, 'gap-pairs'), 'pasha-rewrite.txt sieff-oped.txt\npasha-rewrite.txt no-such-source.txt\n');
    const r = run('--pairs', 'gap-pairs', ...dirs, '--format', 'pan', '--out', 'gap-out');
    expect(r.status).toBe(2);
    expect(readdirSync(join(tmp, 'gap-out'))).toEqual(['pasha-rewrite-sieff-oped.xml']);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe(`parascope: gap-pairs: line 2 (pasha-rewrite.txt no-such-source.txt): ${join(fixtures, 'no-such-source.txt')}: no such file`);
    expect(lines.at(-1)).toBe('parascope: 1 of 2 pairs failed (listed above)');
  });
});
