import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { packText } from './codec.js';
import { documentFeatures } from './features.js';
import { unpackChunk, type WireChunk } from './prepare-wire.js';
import type { PreparedDocument } from './write.js';

export function prepareDocument(path: string, text: string): PreparedDocument {
  return { path, features: documentFeatures(text), packedText: packText(text) };
}

export interface Preparer {
  prepare(items: readonly { path: string; text: string }[]): Promise<PreparedDocument[]>;
  close(): Promise<void>;
}

const WORKER_URL = new URL('./prepare-worker.js', import.meta.url);

/**
 * Documents per worker message. Texts go out and prepared documents come back a chunk at a time (one
 * transferred buffer per chunk, see prepare-wire.ts); chunks are handed to whichever worker is free, so a
 * worker that drew long PAN documents does not hold up the batch.
 */
export const CHUNK_DOCUMENTS = 16;
/**
 * Chunks queued at each worker (~0.1 s of work), so it does not run dry while the main thread is busy writing
 * a batch and cannot hand out the next chunk.
 */
const IN_FLIGHT = 4;

interface Job {
  items: readonly { path: string; text: string }[];
  resolve: (docs: PreparedDocument[]) => void;
  reject: (err: Error) => void;
}

/**
 * Feature extraction (wink analysis, terms, MinHash) on `jobs` worker threads, or inline for jobs ≤ 1.
 * The main thread keeps reading files and writing SQLite while workers analyze the next batch. From
 * TypeScript sources (tests) there is no compiled worker file, so it runs inline.
 */
export function createPreparer(jobs = availableParallelism()): Preparer {
  if (jobs <= 1 || !existsSync(fileURLToPath(WORKER_URL))) {
    return { prepare: async (items) => items.map((i) => prepareDocument(i.path, i.text)), close: async () => undefined };
  }
  const queue: Job[] = [];
  const workers = Array.from({ length: jobs }, () => ({ worker: new Worker(WORKER_URL), running: new Map<number, Job>() }));
  let next = 0;
  const pump = () => {
    for (let round = 0; round < IN_FLIGHT && queue.length > 0; round++) {
      for (const w of workers) {
        if (w.running.size > round || queue.length === 0) continue;
        const job = queue.shift()!;
        const id = next++;
        w.running.set(id, job);
        w.worker.postMessage({ id, items: job.items });
      }
    }
  };
  for (const w of workers) {
    w.worker.on('message', (m: { id: number; chunk?: WireChunk; error?: string }) => {
      const job = w.running.get(m.id);
      w.running.delete(m.id);
      if (m.chunk) job?.resolve(unpackChunk(m.chunk));
      else job?.reject(new Error(m.error ?? 'worker failed'));
      pump();
    });
    w.worker.on('error', (err) => {
      for (const job of [...w.running.values(), ...queue.splice(0)]) job.reject(err);
      w.running.clear();
    });
  }
  return {
    async prepare(items) {
      const chunks: Promise<PreparedDocument[]>[] = [];
      for (let i = 0; i < items.length; i += CHUNK_DOCUMENTS) {
        const slice = items.slice(i, i + CHUNK_DOCUMENTS);
        chunks.push(new Promise((resolve, reject) => queue.push({ items: slice, resolve, reject })));
      }
      pump();
      return (await Promise.all(chunks)).flat();
    },
    async close() {
      await Promise.all(workers.map((w) => w.worker.terminate()));
    },
  };
}
