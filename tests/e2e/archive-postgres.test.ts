import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { article, freshPostgresLocation, TEST_POSTGRES, tempDir, warnSkipped } from '../archive/helpers.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = join(root, 'dist/cli/main.js');
const SEEDS = ['sieff-oped', 'pasha-rewrite', 'chinadaily-cements-ties', 'cgtn-shared-future', 'globaltimes-mutual-trust'];
const fixture = (name: string) => join(root, 'fixtures', `${name}.txt`);

function parascope(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd: root, env: { ...process.env, PARASCOPE_DEBUG: '', ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function expectCleanRefusal(r: ReturnType<typeof parascope>, message: RegExp): void {
  expect(r.stderr).toMatch(message);
  expect(r).toMatchObject({ code: 2, stdout: '' });
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(r.stderr).not.toMatch(/s3cret|at .*\.js:\d+/);
}

describe('PostgreSQL archive from the command line: refusals', () => {
  it('a malformed URL, a server that is down: exit 2, one line, no password', () => {
    expectCleanRefusal(parascope(['index', 'stats', '--archive', 'postgres://ed:s3cret@[broken/news']), /not a valid PostgreSQL URL/);
    expectCleanRefusal(parascope(['check', fixture('pasha-rewrite'), '--archive', 'postgres://ed:s3cret@127.0.0.1:1/news']), /127\.0\.0\.1:1\/news: cannot connect \(connection refused/);
  });
});

warnSkipped();
describe.skipIf(!TEST_POSTGRES)(`PostgreSQL archive from the command line${TEST_POSTGRES ? '' : ' [skipped: PARASCOPE_TEST_POSTGRES is not set]'}`, () => {
  it('a wrong password and a newer schema: exit 2, one line', () => {
    const url = new URL(TEST_POSTGRES!);
    url.password = 's3cret';
    expectCleanRefusal(parascope(['index', 'list', '--archive', url.toString()]), /cannot connect \(password authentication failed/);
    const location = freshPostgresLocation();
    expect(parascope(['index', 'add', '--archive', location, fixture('sieff-oped')]).code).toBe(0);
    const schema = new URL(location).searchParams.get('schema');
    const bump = spawnSync('psql', [TEST_POSTGRES!, '-qc', `UPDATE ${schema}.parascope_schema SET version = version + 1`], { encoding: 'utf8' });
    expect(bump.status, bump.stderr).toBe(0);
    expectCleanRefusal(parascope(['check', fixture('pasha-rewrite'), '--archive', location]), /newer than this parascope supports/);
    expectCleanRefusal(parascope(['index', 'add', '--archive', location, fixture('pasha-rewrite')]), /newer than this parascope supports/);
  });

  it('PARASCOPE_ARCHIVE sets the archive of every command; --archive still wins', () => {
    const location = freshPostgresLocation();
    const env = { PARASCOPE_ARCHIVE: location };
    expect(parascope(['index', 'add', fixture('sieff-oped')], env)).toMatchObject({ code: 0, stdout: 'added 1, replaced 0, unchanged 0, skipped 0\n' });
    expect(parascope(['index', 'list'], env).stdout).toContain(fixture('sieff-oped'));
    expect(parascope(['check', fixture('pasha-rewrite')], env).code).toBe(1);
    expect(JSON.parse(parascope(['scan'], env).stdout).documents).toBe(1);
    expect(parascope(['index', 'verify'], env)).toMatchObject({ code: 0, stdout: 'ok: 1 documents, no problems\n' });
    const elsewhere = join(tempDir(), 'other.db');
    expect(parascope(['index', 'add', '--archive', elsewhere, fixture('cgtn-shared-future')], env).code).toBe(0);
    expect(parascope(['index', 'list'], env).stdout).not.toContain('cgtn');
  });

  it('SQLite and PostgreSQL archives of the same texts give identical check and scan results', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'wire'));
    // Distractors, an identical copy and a lightly edited copy, so scan has groups and pairs to report.
    for (let i = 0; i < 30; i++) writeFileSync(join(dir, 'wire', `${i}.txt`), article(4000 + i, 10));
    writeFileSync(join(dir, 'wire', 'copy.txt'), article(4003, 10));
    writeFileSync(join(dir, 'wire', 'edited.txt'), article(4004, 10).replace('Story 4004', 'Story 4004, updated'));
    const archives = [join(dir, 'archive.db'), freshPostgresLocation()];
    for (const a of archives) {
      expect(parascope(['index', 'add', '--archive', a, join(dir, 'wire'), ...SEEDS.filter((s) => s !== 'pasha-rewrite').map(fixture)]).code).toBe(0);
      // A removal and a re-add, so the archives have history, not only appends.
      expect(parascope(['index', 'remove', '--archive', a, join(dir, 'wire', '7.txt')]).code).toBe(0);
    }
    const queries = [...SEEDS.map(fixture), join(dir, 'wire', '3.txt'), join(dir, 'wire', 'edited.txt')];
    for (const q of queries) {
      const [sqlite, postgres] = archives.map((a) => parascope(['check', q, '--archive', a, '--format', 'json']));
      expect(postgres!.code).toBe(sqlite!.code);
      // Results name no archive location or time, so they must be equal as they are.
      expect(JSON.parse(postgres!.stdout)).toEqual(JSON.parse(sqlite!.stdout));
    }
    const [scanSqlite, scanPostgres] = archives.map((a) => parascope(['scan', '--archive', a]));
    const scan = JSON.parse(scanSqlite!.stdout) as { groups: unknown[]; pairs: unknown[] };
    expect(scan.groups.length).toBeGreaterThan(0);
    expect(scan.pairs.length).toBeGreaterThan(0);
    expect(JSON.parse(scanPostgres!.stdout)).toEqual(scan);
  });
});
