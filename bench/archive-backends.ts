/**
 * For bench:archive-acceptance --archive postgres://…: the acceptance archives built again on PostgreSQL from
 * the same inputs, and every `check` and the archive `scan` compared with the SQLite archives' JSON. The
 * results name no archive location or time, so "identical" means byte-for-byte equal JSON.
 */
import { randomBytes } from 'node:crypto';
import { BBC_FOLDERS, filesUnder, fixture, parascope, round, SEEDS } from './archive-lib.js';

function freshSchema(server: string, name: string): string {
  const url = new URL(server);
  url.searchParams.set('schema', `acceptance_${name}_${randomBytes(3).toString('hex')}`);
  return url.toString();
}

/** check (JSON) of each query on both archives; the queries whose output differs. */
function compareChecks(sqlite: string, postgres: string, queries: string[]) {
  const differ: string[] = [];
  let exit1 = 0;
  for (const q of queries) {
    const [a, b] = [sqlite, postgres].map((db) => parascope(['check', q, '--archive', db, '--format', 'json']));
    if (a!.code === 2 || b!.code === 2) throw new Error(`check ${q} failed: ${a!.stderr}${b!.stderr}`);
    if (a!.code !== b!.code || a!.stdout !== b!.stdout) differ.push(q.replace(/^.*\/(fixtures|bbc-news)\//, ''));
    if (a!.code === 1) exit1++;
  }
  return { checks: queries.length, failingOnSqlite: exit1, differing: differ };
}

export function compareBackends(server: string, sqliteA: string, sqliteB: string, log: (s: string) => void) {
  const queries = [...SEEDS.map(fixture), ...BBC_FOLDERS.flatMap(filesUnder).filter((_, i) => i % 23 === 0)];
  const pg = freshSchema(server, 'a');
  const add = parascope(['index', 'add', '--archive', pg, ...BBC_FOLDERS, ...SEEDS.filter((s) => s !== 'pasha-rewrite').map(fixture)]);
  log(`postgres archive A: ${add.stdout.trim()} in ${round(add.seconds, 1)} s`);
  const archiveA = compareChecks(sqliteA, pg, queries);
  const scans = [sqliteA, pg].map((db) => parascope(['scan', '--archive', db, '--format', 'json']));
  const scanA = { identical: scans[0]!.stdout === scans[1]!.stdout, pairs: (JSON.parse(scans[0]!.stdout) as { pairs: unknown[] }).pairs.length, seconds: scans.map((s) => round(s.seconds, 1)) };
  log(`archive A: ${JSON.stringify(archiveA)}; scan ${JSON.stringify(scanA)}`);

  // Archive B the same way as on SQLite: remove the three other seeds, add the rewrite.
  const others = ['chinadaily-cements-ties', 'cgtn-shared-future', 'globaltimes-mutual-trust'];
  parascope(['index', 'remove', '--archive', pg, ...others.map(fixture)]);
  parascope(['index', 'add', '--archive', pg, fixture('pasha-rewrite')]);
  const archiveB = compareChecks(sqliteB, pg, SEEDS.map(fixture));
  const scansB = [sqliteB, pg].map((db) => parascope(['scan', '--archive', db, '--format', 'json']).stdout);
  const scanB = { identical: scansB[0] === scansB[1] };
  log(`archive B: ${JSON.stringify(archiveB)}; scan ${JSON.stringify(scanB)}`);
  return {
    command: 'the same index add / remove / check / scan --archive runs on SQLite files and on PostgreSQL schemas; JSON compared byte for byte',
    archiveA,
    scanA,
    archiveB,
    scanB,
    identical: archiveA.differing.length === 0 && scanA.identical && archiveB.differing.length === 0 && scanB.identical,
  };
}
