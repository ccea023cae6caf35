import { availableParallelism } from 'node:os';
import type { OpenArchiveOptions } from '../archive/archive.js';

export interface ServeOptions {
  /** The archive, passed through to `openArchive`: an SQLite file or a URL another store accepts. */
  archive: string;
  archiveOptions?: OpenArchiveOptions;
  /** Default 127.0.0.1: reachable from this machine only unless told otherwise. */
  host?: string;
  /** Default 8080; 0 lets the system pick a free port (tests). */
  port?: number;
  /** When set, every route but /healthz and the page needs `Authorization: Bearer TOKEN`. */
  token?: string;
  /** Largest request body in bytes (default 5 MiB): larger is refused with 413. */
  bodyLimit?: number;
  /** Longest a check or compare may take from arrival, queueing included (default 30 s): then 503. */
  timeLimitMs?: number;
  /** Analysis worker threads (default: one per CPU). */
  workers?: number;
  /** Analyses that may wait for a worker (default 4 per worker): one more is refused with 429. */
  queue?: number;
  /** Archive writes that may wait (default 16): one more is refused with 429. */
  writeQueue?: number;
  /** Test hook: another analysis worker entry speaking the same protocol. */
  workerUrl?: URL;
  /** Where one-line server messages go (default: stderr). */
  log?: (line: string) => void;
}

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 8080;
export const DEFAULT_BODY_LIMIT = 5 * 1024 * 1024;
export const DEFAULT_TIME_LIMIT_MS = 30_000;
export const DEFAULT_WRITE_QUEUE = 16;

export type ResolvedServeOptions = Required<Omit<ServeOptions, 'token' | 'workerUrl' | 'archiveOptions'>> & Pick<ServeOptions, 'token' | 'workerUrl' | 'archiveOptions'>;

export function resolveServeOptions(options: ServeOptions): ResolvedServeOptions {
  const workers = options.workers ?? availableParallelism();
  return {
    ...options,
    host: options.host ?? DEFAULT_HOST,
    port: options.port ?? DEFAULT_PORT,
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    timeLimitMs: options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS,
    workers,
    queue: options.queue ?? 4 * workers,
    writeQueue: options.writeQueue ?? DEFAULT_WRITE_QUEUE,
    log: options.log ?? ((line) => process.stderr.write(`parascope serve: ${line}\n`)),
  };
}
