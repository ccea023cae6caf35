/**
 * Shared by bench:archive and bench:archive-acceptance: the corpora, running the built CLI with its peak
 * memory, and recording results.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));
export const cli = join(root, 'dist/cli/main.js');
export const corpora = process.env.PARASCOPE_CORPORA ?? join(root, '../shared/corpora');
export const BBC = join(corpora, 'bbc-news');
/** The five topic folders: bbc-news/README.TXT is not an article. */
export const BBC_FOLDERS = ['business', 'entertainment', 'politics', 'sport', 'tech'].map((d) => join(BBC, d));
export const PAN = join(corpora, 'pan13-train');
export const SEEDS = ['sieff-oped', 'pasha-rewrite', 'chinadaily-cements-ties', 'cgtn-shared-future', 'globaltimes-mutual-trust'];
export const fixture = (name: string): string => join(root, 'fixtures', `${name}.txt`);

export function requireBuilt(): void {
  if (!existsSync(cli)) throw new Error('dist/cli/main.js is missing: run `npm run build` first');
  if (!existsSync(BBC)) throw new Error(`corpora not found at ${corpora} (set PARASCOPE_CORPORA)`);
}

export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : e.isFile() && !e.name.startsWith('.') ? [join(dir, e.name)] : []))
    .sort();
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  seconds: number;
  /** Peak resident memory of the process in MiB (GNU time), or null where /usr/bin/time is missing. */
  peakMiB: number | null;
}

const GNU_TIME = '/usr/bin/time';

/** Run the built CLI once, measuring wall time and (with GNU time) peak memory. */
export function parascope(args: string[], env: Record<string, string> = {}): Run {
  const timed = existsSync(GNU_TIME);
  const [cmd, argv] = timed ? [GNU_TIME, ['-f', '__peak_kib=%M', process.execPath, cli, ...args]] : [process.execPath, [cli, ...args]];
  const t0 = performance.now();
  const r = spawnSync(cmd, argv, { encoding: 'utf8', cwd: root, env: { ...process.env, ...env }, maxBuffer: 1 << 30 });
  const seconds = (performance.now() - t0) / 1000;
  const peak = /__peak_kib=(\d+)/.exec(r.stderr ?? '');
  return {
    code: r.status,
    stdout: r.stdout,
    stderr: (r.stderr ?? '').replace(/__peak_kib=\d+\n?/, '').replace(/^Command exited with non-zero status \d+\n?/m, ''),
    seconds,
    peakMiB: peak ? Math.round(Number(peak[1]) / 1024) : null,
  };
}

export function cores(): number {
  return availableParallelism();
}

export function gitState(): { commit: string | null; dirty: boolean | null } {
  try {
    const commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src', 'bench'], { cwd: root, encoding: 'utf8' }).trim() !== '';
    return { commit, dirty };
  } catch {
    return { commit: null, dirty: null };
  }
}

export function saveResults(name: string, results: object): string {
  const path = join(root, 'bench/results', `${name}.json`);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify({ date: new Date().toISOString(), node: process.version, cores: cores(), ...gitState(), ...results }, null, 2) + '\n');
  return path;
}

/** `--name value` from argv. */
export function flag(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

export const round = (x: number, digits = 3): number => Math.round(x * 10 ** digits) / 10 ** digits;
