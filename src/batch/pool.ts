import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { CompareOptions } from '../compare.js';
import type { CompareResult } from '../result.js';
import { DEFAULT_MAX_BYTES } from '../text/read.js';
import type { PairTask, WorkerMessage, WorkerSetup } from './protocol.js';
import { AffinityQueue } from './schedule.js';

/** A pair to compare, by file path; any other fields ride along untouched to the outcome. */
export interface BatchPair {
  candidatePath: string;
  sourcePath: string;
}

export interface BatchOptions {
  /** Worker threads (default: `os.availableParallelism()`), never more than there are pairs. */
  jobs?: number;
  /** Passed to `compareDocuments` for every pair (`sourcePath`/`candidatePath` are set per pair). */
  compare?: CompareOptions;
  maxBytes?: number;
  /** Analyzed documents each worker keeps (default 256). */
  cacheSize?: number;
  /** Another worker entry speaking the same protocol; for tests. Default: `worker.js` (or `.ts`) beside this module. */
  workerUrl?: URL;
}

/** Why a pair has no result: a bad input file, a bug while comparing it, or the worker dying under it. */
export interface PairError {
  kind: 'input' | 'internal' | 'crash';
  message: string;
}

export type PairOutcome<T> = { pair: T; result: CompareResult; error?: undefined } | { pair: T; result?: undefined; error: PairError };

export interface BatchSummary {
  pairs: number;
  failed: number;
}

export const DEFAULT_CACHE_SIZE = 256;

/**
 * Compare many pairs on a pool of worker threads. Outcomes arrive through `onOutcome` as pairs finish, in any
 * order. A pair that fails (unreadable file, exception, worker crash) is reported as an outcome with `error`
 * and the batch goes on: a crashed worker is replaced. The promise rejects only when a worker cannot start at
 * all, or when `onOutcome` throws.
 */
export function comparePairs<T extends BatchPair>(
  pairs: readonly T[],
  options: BatchOptions,
  onOutcome: (outcome: PairOutcome<T>) => void,
): Promise<BatchSummary> {
  const jobs = Math.max(1, Math.min(options.jobs ?? availableParallelism(), pairs.length));
  const setup: WorkerSetup = {
    compare: options.compare ?? {},
    maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
    cacheSize: options.cacheSize ?? DEFAULT_CACHE_SIZE,
  };
  const entry = workerEntry(options.workerUrl ?? new URL('./worker.js', import.meta.url));
  const tasks = pairs.map((pair, id) => ({ id, pair, sourcePath: resolve(pair.sourcePath), candidatePath: resolve(pair.candidatePath) }));
  const queue = new AffinityQueue(tasks, (t) => [t.candidatePath, t.sourcePath], jobs, setup.cacheSize);
  if (tasks.length === 0) return Promise.resolve({ pairs: 0, failed: 0 });

  return new Promise((done, fail) => {
    interface Slot {
      worker: Worker;
      ready: boolean;
      closing: boolean;
      task?: (typeof tasks)[number];
      lastError?: Error;
    }
    const slots: Slot[] = [];
    let finished = 0;
    let failed = 0;
    let over = false;

    const shutdown = (): void => {
      over = true;
      for (const slot of slots) {
        slot.closing = true;
        void slot.worker.terminate();
      }
    };
    const deliver = (outcome: PairOutcome<T>): void => {
      if (over) return;
      finished++;
      if (outcome.error) failed++;
      try {
        onOutcome(outcome);
      } catch (err) {
        shutdown();
        fail(err);
        return;
      }
      if (finished === tasks.length) {
        shutdown();
        done({ pairs: tasks.length, failed });
      }
    };
    const dispatch = (index: number): void => {
      const slot = slots[index]!;
      const task = queue.take(index);
      slot.task = task;
      if (!task) return;
      const message: PairTask = { type: 'pair', id: task.id, sourcePath: task.sourcePath, candidatePath: task.candidatePath };
      slot.worker.postMessage(message);
    };
    const start = (index: number): void => {
      const worker = new Worker(entry.code, { eval: entry.eval, workerData: setup });
      const slot: Slot = { worker, ready: false, closing: false };
      slots[index] = slot;
      worker.on('message', (message: WorkerMessage) => {
        if (over) return;
        if (message.type === 'ready') {
          slot.ready = true;
          dispatch(index);
          return;
        }
        const task = slot.task;
        if (!task || task.id !== message.id) return; // cannot happen: one task in flight per worker
        slot.task = undefined;
        if (message.type === 'done') deliver({ pair: task.pair, result: message.result });
        else deliver({ pair: task.pair, error: { kind: message.input ? 'input' : 'internal', message: message.message } });
        if (!over) dispatch(index);
      });
      worker.on('error', (err) => {
        slot.lastError = err;
      });
      worker.on('exit', (code) => {
        if (slot.closing || over) return;
        const why = slot.lastError?.message ?? `exited with code ${code}`;
        if (!slot.ready) {
          // A worker that dies before saying hello will not do better on a retry: stop instead of looping.
          shutdown();
          fail(new Error(`batch worker could not start (${entry.file}): ${why}`));
          return;
        }
        const task = slot.task;
        queue.reset(index);
        start(index);
        if (task) deliver({ pair: task.pair, error: { kind: 'crash', message: `worker crashed: ${why}` } });
      });
    };
    for (let i = 0; i < jobs; i++) start(i);
  });
}

/**
 * How to start the worker: the compiled `.js` beside this module (dist/), or, when running from source under
 * tsx (tests, bench), the `.ts` file. A worker thread does not inherit tsx's module hooks, and on Node 20
 * `execArgv: ['--import', 'tsx']` does not install them in the worker either (tsx issue #354: the entry still
 * fails with ERR_UNKNOWN_FILE_EXTENSION), so a `.ts` worker is started from a tiny bootstrap that registers
 * tsx through its API and then imports the entry. tsx is resolved here, where node_modules is reachable.
 */
export function workerEntry(url: URL): { code: string; eval: boolean; file: string } {
  let file = fileURLToPath(url);
  if (file.endsWith('.js') && !existsSync(file) && existsSync(file.replace(/\.js$/, '.ts'))) file = file.replace(/\.js$/, '.ts');
  if (!file.endsWith('.ts')) return { code: file, eval: false, file };
  const tsx = import.meta.resolve('tsx/esm/api');
  const code = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(pathToFileURL(file).href)}); });`;
  return { code, eval: true, file };
}
