import Database from 'better-sqlite3';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../src/archive/sqlite/schema.js';
import { article, committedDocuments, expectConsistent, tempDir } from '../archive/helpers.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = join(root, 'dist/cli/main.js');
const fixture = (name: string) => join(root, 'fixtures', `${name}.txt`);

function parascope(args: string[], options: { env?: Record<string, string>; asNobody?: boolean } = {}) {
  const [cmd, argv] = options.asNobody
    ? ['setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, cli, ...args]]
    : [process.execPath, [cli, ...args]];
  const r = spawnSync(cmd, argv, { encoding: 'utf8', cwd: root, env: { ...process.env, PARASCOPE_DEBUG: '', ...options.env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function expectCleanRefusal(r: ReturnType<typeof parascope>, message: RegExp): void {
  expect(r.stderr).toMatch(message);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(/^parascope: /);
}

/** An archive of the seed articles except the ones named. */
function seedArchive(except: string[]): string {
  const db = join(tempDir(), 'archive.db');
  const names = ['sieff-oped', 'pasha-rewrite', 'chinadaily-cements-ties', 'cgtn-shared-future', 'globaltimes-mutual-trust'].filter((n) => !except.includes(n));
  const r = parascope(['index', 'add', '--archive', db, ...names.map(fixture)]);
  expect(r.code).toBe(0);
  return db;
}

describe('parascope index', () => {
  it('adds, re-adds as a no-op, lists, reports stats and removes', async () => {
    const db = join(tempDir(), 'a.db');
    const add = parascope(['index', 'add', '--archive', db, '--meta', 'desk=world', fixture('sieff-oped'), fixture('cgtn-shared-future')]);
    expect(add).toMatchObject({ code: 0, stdout: 'added 2, replaced 0, unchanged 0, skipped 0\n', stderr: '' });
    expect(parascope(['index', 'add', '-a', db, fixture('sieff-oped')]).stdout).toBe('added 0, replaced 0, unchanged 1, skipped 0\n');
    const list = JSON.parse(parascope(['index', 'list', '-a', db, '--format', 'json']).stdout);
    expect(list.map((d: { path: string }) => d.path)).toEqual([fixture('sieff-oped'), fixture('cgtn-shared-future')]);
    expect(list[0].meta).toEqual({ desk: 'world' });
    expect(list[0].id).toMatch(/^[0-9a-f]{12}$/);
    expect(parascope(['index', 'list', '-a', db]).stdout).toContain(`${list[0].id}  ${fixture('sieff-oped')}  `);
    const stats = JSON.parse(parascope(['index', 'stats', '-a', db, '-f', 'json']).stdout);
    expect(stats).toMatchObject({ documents: 2, schemaVersion: SCHEMA_VERSION });
    expect(parascope(['index', 'remove', '-a', db, list[0].id])).toMatchObject({ code: 0, stdout: 'removed 1\n' });
    expectCleanRefusal(parascope(['index', 'remove', '-a', db, 'deadbeef0000']), /no such document: deadbeef0000/);
    expect(JSON.parse(parascope(['index', 'stats', '-a', db, '-f', 'json']).stdout).documents).toBe(1);
    expect(parascope(['index', 'verify', '-a', db])).toMatchObject({ code: 0, stdout: 'ok: 1 documents, no problems\n', stderr: '' });
    await expectConsistent(db);
  });

  it('adds a directory recursively, skipping (and naming) files that are not text, with exit 2', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'one.txt'), article(1));
    writeFileSync(join(dir, 'sub/two.txt'), article(2));
    writeFileSync(join(dir, 'sub/image.png'), new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0, 0]));
    const r = parascope(['index', 'add', '-a', join(dir, 'a.db'), dir]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('added 2, replaced 0, unchanged 0, skipped 1\n');
    expect(r.stderr).toMatch(/^parascope: skipped .*image\.png: .*binary/);
  });
});

describe('parascope check', () => {
  it('fails the rewrite against an archive holding its source: exit 1, source on top, verdict paraphrase', () => {
    const db = seedArchive(['pasha-rewrite']);
    const r = parascope(['check', fixture('pasha-rewrite'), '--archive', db]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('verdict:   paraphrase');
    expect(r.stdout).toContain(`#1 paraphrase  ${fixture('sieff-oped')}`);
    const json = JSON.parse(parascope(['check', fixture('pasha-rewrite'), '-a', db, '--format', 'json']).stdout);
    expect(json).toMatchObject({ schemaVersion: 1, verdict: 'paraphrase', candidate: { path: fixture('pasha-rewrite') } });
    expect(json.matches[0].document.path).toBe(fixture('sieff-oped'));
    expect(parascope(['check', fixture('pasha-rewrite'), '-a', db, '--fail-on', 'never']).code).toBe(0);
    expect(parascope(['check', fixture('pasha-rewrite'), '-a', db, '--fail-on', 'duplicate']).code).toBe(0);
    expect(parascope(['check', fixture('pasha-rewrite'), '-a', db, '--fail-on', 'partial-reuse']).code).toBe(1);
  });

  it('passes articles that only share the topic: exit 0', () => {
    const db = seedArchive(['cgtn-shared-future', 'chinadaily-cements-ties', 'globaltimes-mutual-trust']);
    for (const name of ['cgtn-shared-future', 'chinadaily-cements-ties', 'globaltimes-mutual-trust']) {
      const r = parascope(['check', fixture(name), '-a', db]);
      expect(r.code, `${name}: ${r.stdout}`).toBe(0);
    }
  });

  it('writes an HTML report atomically with --out, exit code unchanged', () => {
    const db = seedArchive(['pasha-rewrite']);
    const out = join(tempDir(), 'check.html');
    const r = parascope(['check', fixture('pasha-rewrite'), '-a', db, '--format', 'html', '--out', out]);
    expect(r).toMatchObject({ code: 1, stdout: '', stderr: `wrote ${out}\n` });
    const html = readFileSync(out, 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('<iframe sandbox="allow-scripts"');
    expect(readdirSync(join(out, '..')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('parascope scan', () => {
  it('scans files given on the command line (CSV) and an archive (JSON)', () => {
    const dir = tempDir();
    for (const n of ['sieff-oped', 'pasha-rewrite', 'cgtn-shared-future']) writeFileSync(join(dir, `${n}.txt`), readFileSync(fixture(n)));
    writeFileSync(join(dir, 'sieff-copy.txt'), readFileSync(fixture('sieff-oped')));
    const csv = parascope(['scan', dir, '--format', 'csv']);
    expect(csv.code).toBe(0);
    const rows = csv.stdout.trim().split('\n');
    expect(rows[0]).toMatch(/^type,group,source_id/);
    expect(rows.filter((r) => r.startsWith('identical,'))).toHaveLength(1);
    expect(rows.some((r) => r.startsWith('reuse,') && r.includes('pasha-rewrite.txt') && r.includes(',paraphrase,'))).toBe(true);

    const db = join(dir, 'a.db');
    parascope(['index', 'add', '-a', db, dir]);
    const json = JSON.parse(parascope(['scan', '--archive', db]).stdout);
    expect(json.documents).toBe(4);
    expect(json.groups).toHaveLength(1);
    expect(json.pairs.some((p: { verdict: string }) => p.verdict === 'paraphrase')).toBe(true);
  });

  it('refuses paths together with --archive', () => {
    expectCleanRefusal(parascope(['scan', fixture('sieff-oped'), '--archive', 'x.db']), /either paths to scan or --archive/);
  });
});

describe('bad archives: exit 2, one line', () => {
  it('a file that is not an archive, a missing archive, a newer schema', () => {
    const dir = tempDir();
    const notes = join(dir, 'notes.db');
    writeFileSync(notes, 'not an archive\n');
    expectCleanRefusal(parascope(['check', fixture('pasha-rewrite'), '-a', notes]), /notes\.db: is not a parascope archive/);
    expectCleanRefusal(parascope(['index', 'add', '-a', notes, fixture('sieff-oped')]), /is not a parascope archive/);
    expect(readFileSync(notes, 'utf8')).toBe('not an archive\n');
    expectCleanRefusal(parascope(['check', fixture('pasha-rewrite'), '-a', join(dir, 'missing.db')]), /no such archive/);
    expect(existsSync(join(dir, 'missing.db'))).toBe(false);

    const future = seedArchive([]);
    const db = new Database(future);
    db.pragma('user_version = 99');
    db.close();
    expectCleanRefusal(parascope(['check', fixture('pasha-rewrite'), '-a', future]), /schema version 99 is newer than this parascope supports/);
    expectCleanRefusal(parascope(['index', 'add', '-a', future, fixture('sieff-oped')]), /newer/);
  });

  it('an archive locked by another writer', async () => {
    const path = seedArchive(['pasha-rewrite']);
    const holder = new Database(path);
    holder.pragma('journal_mode = WAL');
    holder.prepare('BEGIN IMMEDIATE').run();
    try {
      const env = { PARASCOPE_BUSY_TIMEOUT_MS: '100' };
      expectCleanRefusal(parascope(['index', 'add', '-a', path, fixture('pasha-rewrite')], { env }), /locked by another process/);
      // Readers are not blocked by a writer.
      expect(parascope(['check', fixture('pasha-rewrite'), '-a', path], { env }).code).toBe(1);
    } finally {
      holder.prepare('ROLLBACK').run();
      holder.close();
    }
    await expectConsistent(path);
  });

  // root ignores file permissions: the CLI then runs as an unprivileged user, which needs setpriv.
  const asRoot = process.getuid?.() === 0;
  it.skipIf(asRoot && !existsSync('/usr/bin/setpriv'))('a read-only archive: adding is refused, checking works', () => {
    const dir = tempDir();
    const path = join(dir, 'ro.db');
    expect(parascope(['index', 'add', '-a', path, fixture('sieff-oped')]).code).toBe(0);
    chmodSync(path, 0o444);
    chmodSync(dir, 0o555);
    const asNobody = asRoot;
    expectCleanRefusal(parascope(['index', 'add', '-a', path, fixture('cgtn-shared-future')], { asNobody }), /archive is read-only/);
    expect(parascope(['check', fixture('pasha-rewrite'), '-a', path], { asNobody }).code).toBe(1);
    chmodSync(dir, 0o755);
  });
});

describe('interrupted index add', () => {
  it('a killed run leaves a consistent archive with every finished batch; re-running completes it', async () => {
    const dir = tempDir();
    const files = join(dir, 'files');
    mkdirSync(files);
    for (let i = 0; i < 1200; i++) writeFileSync(join(files, `${String(i).padStart(4, '0')}.txt`), article(i, 2));
    const db = join(dir, 'a.db');
    const child = spawn(process.execPath, [cli, 'index', 'add', '-a', db, '--jobs', '1', '--batch-size', '100', files], { stdio: 'ignore' });
    const count = () => committedDocuments(db);
    while (count() < 100 && child.exitCode === null) await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const partial = count();
    expect(partial).toBeGreaterThanOrEqual(100);
    expect(partial % 100).toBe(0);
    expect(partial).toBeLessThan(1200);
    expect(parascope(['index', 'stats', '-a', db]).code).toBe(0);
    await expectConsistent(db);
    const rest = parascope(['index', 'add', '-a', db, files]);
    expect(rest.stdout).toBe(`added ${1200 - partial}, replaced 0, unchanged ${partial}, skipped 0\n`);
    await expectConsistent(db);
  }, 60_000);
});
