import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { packText } from './codec.js';
import { documentFeatures, type DocumentFeatures } from './features.js';
import type { PreparedDocument } from './write.js';

export function prepareDocument(path: string, text: string): PreparedDocument {
  return { path, features: documentFeatures(text), packedText: packText(text) };
}

/**
 * A prepared document as posted from a worker: the long number arrays travel as typed arrays whose buffers
 * are transferred, not structured-cloned element by element (cloning took ~6% of a worker's time).
 */
export interface WirePrepared {
  path: string;
  features: Omit<DocumentFeatures, 'termIds' | 'termFreqs' | 'unitKeys' | 'bands'>;
  termIds: Float64Array;
  termFreqs: Uint32Array;
  unitKeys: Uint32Array;
  bands: Float64Array;
  packedText: Uint8Array;
}

export function toWire(d: PreparedDocument): { wire: WirePrepared; transfer: ArrayBuffer[] } {
  const { termIds, termFreqs, unitKeys, bands, ...rest } = d.features;
  const wire: WirePrepared = {
    path: d.path,
    features: { ...rest, signature: rest.signature.slice() },
    termIds: Float64Array.from(termIds),
    termFreqs: Uint32Array.from(termFreqs),
    unitKeys: Uint32Array.from(unitKeys),
    bands: Float64Array.from(bands),
    packedText: new Uint8Array(d.packedText), // its own exact buffer (a Buffer may sit in a shared pool)
  };
  const transfer = [wire.features.signature, wire.termIds, wire.termFreqs, wire.unitKeys, wire.bands, wire.packedText].map((a) => a.buffer as ArrayBuffer);
  return { wire, transfer };
}

export function fromWire(w: WirePrepared): PreparedDocument {
  return {
    path: w.path,
    packedText: w.packedText,
    features: { ...w.features, termIds: Array.from(w.termIds), termFreqs: Array.from(w.termFreqs), unitKeys: Array.from(w.unitKeys), bands: Array.from(w.bands) },
  };
}

export interface Preparer {
  prepare(items: readonly { path: string; text: string }[]): Promise<PreparedDocument[]>;
  close(): Promise<void>;
}

const WORKER_URL = new URL('./prepare-worker.js', import.meta.url);

/**
 * Feature extraction (wink analysis, terms, MinHash) on `jobs` worker threads, or inline for jobs ≤ 1.
 * The main thread keeps reading files and writing SQLite while workers analyze the next batch. From
 * TypeScript sources (tests) there is no compiled worker file, so it runs inline.
 */
export function createPreparer(jobs = availableParallelism()): Preparer {
  if (jobs <= 1 || !existsSync(fileURLToPath(WORKER_URL))) {
    return { prepare: async (items) => items.map((i) => prepareDocument(i.path, i.text)), close: async () => undefined };
  }
  const workers = Array.from({ length: jobs }, () => new Worker(WORKER_URL));
  let next = 0;
  const pending = new Map<number, { resolve: (d: PreparedDocument) => void; reject: (e: Error) => void }>();
  for (const w of workers) {
    w.on('message', (m: { id: number; doc?: WirePrepared; error?: string }) => {
      const p = pending.get(m.id);
      pending.delete(m.id);
      if (m.doc) p?.resolve(fromWire(m.doc));
      else p?.reject(new Error(m.error ?? 'worker failed'));
    });
    w.on('error', (err) => {
      for (const p of pending.values()) p.reject(err);
      pending.clear();
    });
  }
  return {
    prepare(items) {
      return Promise.all(
        items.map(
          (item) =>
            new Promise<PreparedDocument>((resolve, reject) => {
              const id = next++;
              pending.set(id, { resolve, reject });
              workers[id % workers.length]!.postMessage({ id, path: item.path, text: item.text });
            }),
        ),
      );
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
