import cliProgress from 'cli-progress';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parsePairs, type PairSpec } from '../batch/pairs.js';
import { comparePairs, type PairError } from '../batch/pool.js';
import type { CompareOptions } from '../compare.js';
import { InputError } from '../errors.js';
import { panFileName, renderPan } from '../report/pan.js';
import { decodeText } from '../text/decode.js';
import { writeFileAtomic } from '../util/atomic.js';

export const BATCH_FORMATS = ['pan', 'jsonl'] as const;
export type BatchFormat = (typeof BATCH_FORMATS)[number];

export interface BatchCommand {
  pairs: string;
  sourceDir: string;
  candidateDir: string;
  format: BatchFormat;
  /** pan: the folder for the XML files (required); jsonl: the folder for results.jsonl (absent: stdout). */
  out?: string;
  jobs?: number;
  maxBytes: number;
  compare: CompareOptions;
}

interface Job extends PairSpec {
  index: number;
  sourcePath: string;
  candidatePath: string;
}

/** `parascope compare --pairs`: compare every pair of the file on worker threads and write one output per pair. */
export async function runBatch(command: BatchCommand): Promise<void> {
  const specs = parsePairs(readPairsFile(command.pairs), command.pairs);
  requireFolder(command.sourceDir, '--source-dir');
  requireFolder(command.candidateDir, '--candidate-dir');
  const jobs: Job[] = specs.map((p, index) => ({ ...p, index, sourcePath: join(command.sourceDir, p.source), candidatePath: join(command.candidateDir, p.candidate) }));

  const out = command.out;
  if (command.format === 'pan') {
    if (!out) throw new InputError('--format pan writes one file per pair: give the folder with --out DIR');
    refuseNameClashes(jobs);
  }
  if (out) makeFolder(out);

  const lines: string[] = [];
  const failures: { job: Job; error: PairError }[] = [];
  const progress = progressBar(jobs.length, 'comparing');
  const started = performance.now();
  try {
    await comparePairs(jobs, { jobs: command.jobs, compare: command.compare, maxBytes: command.maxBytes }, ({ pair, result, error }) => {
      progress.tick();
      if (error) {
        failures.push({ job: pair, error });
        return;
      }
      if (command.format === 'pan') {
        const references = { candidate: basename(pair.candidate), source: basename(pair.source) };
        writeOut(join(out!, panFileName(references)), renderPan(result, references));
      } else if (out) {
        lines[pair.index] = JSON.stringify(result);
      } else {
        process.stdout.write(JSON.stringify(result) + '\n'); // streamed in completion order
      }
    });
  } finally {
    progress.stop();
  }
  const seconds = (performance.now() - started) / 1000;

  if (command.format === 'jsonl' && out) {
    const body = lines.filter((l) => l !== undefined).join('\n');
    writeOut(join(out, 'results.jsonl'), body.length > 0 ? body + '\n' : '');
  }
  for (const { job, error } of failures.sort((a, b) => a.job.index - b.job.index)) {
    process.stderr.write(`parascope: ${command.pairs}: line ${job.line} (${job.candidate} ${job.source}): ${error.message}\n`);
  }
  const done = jobs.length - failures.length;
  const wrote = !out ? '' : command.format === 'pan' ? `, wrote ${done} files to ${out}` : `, wrote ${join(out, 'results.jsonl')}`;
  process.stderr.write(`compared ${done} of ${jobs.length} pairs in ${seconds.toFixed(1)} s (${(jobs.length / seconds).toFixed(1)} pairs/s)${wrote}\n`);
  if (failures.length > 0) {
    const summary = `${failures.length} of ${jobs.length} pairs failed (listed above)`;
    // Bad files are the user's to fix (exit 2); an exception or a crashed worker is our bug (exit 3).
    if (failures.every((f) => f.error.kind === 'input')) throw new InputError(summary);
    throw new Error(summary);
  }
}

/** A progress bar on stderr, only for a person watching a terminal: never in logs, pipes or CI output. */
export function progressBar(total: number, label: string): { tick(): void; stop(): void } {
  if (!process.stderr.isTTY) return { tick() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: `${label} [{bar}] {value}/{total} pairs | {eta_formatted} left`, clearOnComplete: true, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return { tick: () => bar.increment(), stop: () => bar.stop() };
}

function readPairsFile(path: string): string {
  try {
    return decodeText(readFileSync(path), path).text;
  } catch (err) {
    if (err instanceof InputError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError(`${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory, expected a pairs file' : `cannot be read (${code ?? (err as Error).message})`}`);
  }
}

function requireFolder(path: string, flag: string): void {
  let isDir = false;
  try {
    isDir = statSync(path).isDirectory();
  } catch {
    throw new InputError(`${flag} ${path}: no such folder`);
  }
  if (!isDir) throw new InputError(`${flag} ${path}: is not a folder`);
}

function makeFolder(path: string): void {
  try {
    mkdirSync(path, { recursive: true });
  } catch (err) {
    throw new InputError(`--out ${path}: cannot create the folder (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
}

/** Two pairs writing the same XML file would silently keep only one of them. */
function refuseNameClashes(jobs: readonly Job[]): void {
  const seen = new Map<string, Job>();
  for (const job of jobs) {
    const name = panFileName({ candidate: job.candidate, source: job.source });
    const first = seen.get(name);
    if (first) throw new InputError(`lines ${first.line} and ${job.line} would both write ${name} (same pair, or same names in different folders)`);
    seen.set(name, job);
  }
}

function writeOut(path: string, content: string): void {
  try {
    writeFileAtomic(path, content);
  } catch (err) {
    throw new InputError(`cannot write ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}
