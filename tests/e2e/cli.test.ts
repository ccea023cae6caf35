import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = join(root, 'dist/cli/main.js');
const sieff = join(root, 'fixtures/sieff-oped.txt');
const pasha = join(root, 'fixtures/pasha-rewrite.txt');

function parascope(...args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd: root, env: { ...process.env, PARASCOPE_DEBUG: '' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The contract for bad input: exit 2, nothing on stdout, one readable line on stderr, no stack trace. */
function expectCleanRefusal(r: ReturnType<typeof parascope>, message: RegExp): void {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(/^parascope: /);
  expect(r.stderr).toMatch(message);
  expect(r.stderr).not.toMatch(/\bat .*:\d+:\d+/);
}

const dir = mkdtempSync(join(tmpdir(), 'parascope-cli-'));
const file = (name: string, content: string | Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

describe('parascope compare', () => {
  it('prints a readable summary of the seed pair', () => {
    const r = parascope('compare', sieff, pasha);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('verdict:   paraphrase');
    expect(r.stdout).toMatch(/#1 paraphrase/);
  });

  it('prints the JSON report with --format json, offsets into the original files', () => {
    const r = parascope('compare', sieff, pasha, '--format', 'json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.verdict).toBe('paraphrase');
    expect(json.source.path).toBe(sieff);
    const text = readFileSync(pasha, 'utf8');
    const first = json.passages[0].candidate;
    expect(text.slice(first.start, first.end).startsWith('Russian President Vladimir Putin')).toBe(true);
  });

  it('writes --out atomically and keeps stdout empty', () => {
    const out = join(dir, 'report.json');
    const r = parascope('compare', sieff, pasha, '--format', 'json', '--out', out);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`wrote ${out}`);
    expect(JSON.parse(readFileSync(out, 'utf8')).verdict).toBe('paraphrase');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it.each([
    ['a missing file', () => join(dir, 'missing.txt'), /no such file/],
    ['a directory', () => dir, /is a directory/],
    ['an empty file', () => file('empty.txt', ''), /empty/],
    ['a binary file', () => file('image.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])), /binary/],
    ['invalid UTF-8', () => file('latin1.txt', new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, 0x61, 0x75, 0x20, 0x6c, 0x61, 0x69, 0x74])), /not valid UTF-8/],
  ])('refuses %s: exit 2, one line, no stack trace', (_, path, message) => {
    expectCleanRefusal(parascope('compare', path(), pasha), message);
    expectCleanRefusal(parascope('compare', sieff, path()), message);
  });

  it('refuses an unwritable --out without leaving a partial file', () => {
    expectCleanRefusal(parascope('compare', sieff, pasha, '--out', join(dir, 'no/such/dir/report.txt')), /cannot write .*folder does not exist/);
  });

  it('refuses unknown formats and missing arguments as usage errors', () => {
    expectCleanRefusal(parascope('compare', sieff, pasha, '--format', 'xml'), /format/);
    expectCleanRefusal(parascope('compare', sieff), /candidate|argument/);
    expectCleanRefusal(parascope('frobnicate'), /unknown command/);
  });

  it('reads UTF-16 input with a BOM and reports offsets into the decoded text', () => {
    const text = readFileSync(sieff, 'utf8');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const r = parascope('compare', file('sieff-utf16.txt', utf16), pasha, '--format', 'json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.source.length).toBe(text.length);
    expect(json.verdict).toBe('paraphrase');
  });
});
