import { parentPort, workerData } from 'node:worker_threads';
import { compareDocuments } from '../compare.js';
import { InputError } from '../errors.js';
import type { TextDocument } from '../text/document.js';
import { readArticle } from '../text/read.js';
import { analyze, DEFAULT_SEGMENT_OPTIONS } from '../text/tokenize.js';
import { Lru } from './lru.js';
import type { PairTask, WorkerMessage, WorkerSetup } from './protocol.js';

// Worker entry of the batch pool: compares pairs one at a time, keeping recently analyzed documents because
// batches (PAN, a newsroom's day of wires) check one document against many partners.
const port = parentPort;
if (!port) throw new Error('parascope batch worker: must run as a worker thread');
const setup = workerData as WorkerSetup;
const segment = { ...DEFAULT_SEGMENT_OPTIONS, ...setup.compare.segment };
const cache = new Lru<string, TextDocument>(setup.cacheSize);

// Same order as the pool's mirror of this cache (candidate first), so the pool's affinity guesses stay exact.
function load(path: string): TextDocument {
  return cache.getOrSet(path, () => analyze(readArticle(path, setup.maxBytes).text, segment));
}

function post(message: WorkerMessage): void {
  port!.postMessage(message);
}

port.on('message', (task: PairTask) => {
  try {
    const candidate = load(task.candidatePath);
    const source = load(task.sourcePath);
    const result = compareDocuments(source, candidate, {
      ...setup.compare,
      sourcePath: task.sourcePath,
      candidatePath: task.candidatePath,
    });
    post({ type: 'done', id: task.id, result });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    post({ type: 'failed', id: task.id, message, input: err instanceof InputError });
  }
});

post({ type: 'ready' });
