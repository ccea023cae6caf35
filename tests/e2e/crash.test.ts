import Database from 'better-sqlite3';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { rng } from '../helpers/generate.js';
import { article } from '../archive/helpers.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = join(root, 'dist/cli/main.js');
const DOCUMENTS = 2000;
const TRIALS = 10;
/** A different moment pattern on every run, printed so that a failure can be replayed with PARASCOPE_CRASH_SEED. */
const SEED = Number(process.env.PARASCOPE_CRASH_SEED ?? Date.now() % 1_000_000);

const dir = mkdtempSync(join(tmpdir(), 'parascope-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function start(args: string[]): { child: ReturnType<typeof spawn>; done: Promise<Exit> } {
  const child = spawn(process.execPath, [cli, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, PARASCOPE_DEBUG: '' } });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  const done = new Promise<Exit>((resolve) => child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  return { child, done };
}

function run(args: string[]): Exit {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8', timeout: 300_000, env: { ...process.env, PARASCOPE_DEBUG: '' } });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Whether the archive's schema has been committed. A run killed between creating the file and committing the
 * schema leaves an empty SQLite database, which is no archive yet (as if the file did not exist).
 */
function hasSchema(db: string): boolean {
  if (!existsSync(db)) return false;
  try {
    const c = new Database(db, { readonly: true });
    try {
      return c.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'documents'").pluck().get() === 1;
    } finally {
      c.close();
    }
  } catch {
    return false;
  }
}

describe(`index add killed with SIGKILL at random moments (seed ${SEED})`, () => {
  it(`${TRIALS} trials of ${DOCUMENTS} documents: the archive verifies after each kill, a re-run (with a concurrent check) completes it with one copy of each`, async () => {
    const files = join(dir, 'files');
    mkdirSync(files);
    const paths = Array.from({ length: DOCUMENTS }, (_, i) => join(files, `${String(i).padStart(4, '0')}.txt`));
    paths.forEach((p, i) => writeFileSync(p, article(i)));
    const random = rng(SEED);

    // One uninterrupted run gives the time scale of the random moments on this machine, now.
    const t0 = performance.now();
    const calibration = run(['index', 'add', '-a', join(dir, 'calibration.db'), '--batch-size', '100', files]);
    const fullMs = performance.now() - t0;
    expect(calibration.stdout).toBe(`added ${DOCUMENTS}, replaced 0, unchanged 0, skipped 0\n`);

    let killed = 0;
    for (let attempt = 0; killed < TRIALS; attempt++) {
      expect(attempt, 'too many runs finished before their kill: the machine is too fast for the moments chosen').toBeLessThan(TRIALS * 3);
      const db = join(dir, `trial-${attempt}.db`);
      // Batches of 100 (commits to interrupt) or the default 1000; analysis on workers or on the main thread.
      const options = ['--batch-size', random() < 0.5 ? '100' : '1000', '--jobs', random() < 0.5 ? '1' : '2'];
      const moment = Math.round(random() * fullMs * 0.9);
      const add = start(['index', 'add', '-a', db, ...options, files]);
      await sleep(moment);
      const wasRunning = add.child.kill('SIGKILL');
      const exit = await add.done;
      const context = `attempt ${attempt} (seed ${SEED}), killed after ${moment} ms with ${options.join(' ')}`;
      if (!wasRunning || exit.signal !== 'SIGKILL') continue; // finished first: not a crash trial
      killed++;
      expect(readdirSync(files)).toHaveLength(DOCUMENTS);

      if (hasSchema(db)) {
        // The archive opens and passes the engine's integrity check and parascope's own invariants.
        const verify = run(['index', 'verify', '-a', db]);
        expect(verify.stdout, context).toMatch(/^ok: \d+ documents, no problems\n$/);
        expect(verify.code, context).toBe(0);
      }

      // Re-run to completion while a check reads the same archive.
      const rerun = start(['index', 'add', '-a', db, ...options, files]);
      while (!hasSchema(db) && rerun.child.exitCode === null) await sleep(5);
      const check = run(['check', paths[7]!, '-a', db, '--format', 'json', '--fail-on', 'never']);
      expect(check.stderr, context).toBe('');
      expect(check.code, context).toBe(0);
      expect(JSON.parse(check.stdout).candidate.path).toBe(paths[7]);
      const finished = await rerun.done;
      expect(finished.stderr, context).toBe('');
      expect(finished.code, context).toBe(0);
      const counts = /^added (\d+), replaced 0, unchanged (\d+), skipped 0\n$/.exec(finished.stdout);
      expect(counts, `${context}: ${finished.stdout}`).not.toBeNull();
      expect(Number(counts![1]) + Number(counts![2])).toBe(DOCUMENTS);

      // Exactly one copy of each document, and a sound archive.
      const listed = (JSON.parse(run(['index', 'list', '-a', db, '--format', 'json']).stdout) as { path: string }[]).map((d) => d.path);
      expect(listed.length, context).toBe(DOCUMENTS);
      expect([...listed].sort()).toEqual(paths);
      expect(run(['index', 'verify', '-a', db]).stdout, context).toBe(`ok: ${DOCUMENTS} documents, no problems\n`);
      rmSync(db, { force: true });
      for (const suffix of ['-wal', '-shm']) rmSync(db + suffix, { force: true });
    }
    expect(killed).toBe(TRIALS);
  }, 1_200_000);
});
