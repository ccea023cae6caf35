import type { CompareOptions } from '../compare.js';
import type { CompareResult } from '../result.js';

/** What every worker is started with (`workerData`): the same for all pairs of a batch. */
export interface WorkerSetup {
  compare: CompareOptions;
  maxBytes: number;
  /** How many analyzed documents a worker keeps; PAN pairs reuse a suspicious document up to ~20 times. */
  cacheSize: number;
}

/** Main thread → worker: compare one pair. Paths are absolute, so they double as cache keys. */
export interface PairTask {
  type: 'pair';
  id: number;
  sourcePath: string;
  candidatePath: string;
}

/** Worker → main thread. `ready` lets the pool tell a worker that cannot start from one that crashed mid-batch. */
export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'done'; id: number; result: CompareResult }
  | { type: 'failed'; id: number; message: string; input: boolean };
