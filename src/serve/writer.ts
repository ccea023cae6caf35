import { HttpError } from './errors.js';

/**
 * Archive writes, one at a time in arrival order, with a bounded queue. The SQLite store already serializes
 * transactions per connection; this also keeps a burst of large uploads from analyzing many documents at
 * once on the main thread, and refuses (429) what would wait too long. Writes are not interrupted by the time
 * limit once started: a half-done write is worse than a late one.
 */
export class WriteQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private pending = 0;
  private closed = false;

  constructor(private readonly limit: number) {}

  get size(): number {
    return this.pending;
  }

  run<T>(body: () => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new HttpError(503, 'shutting-down', 'server is shutting down', 1));
    if (this.pending >= this.limit) return Promise.reject(new HttpError(429, 'overloaded', `server busy: ${this.pending} archive writes waiting; retry later`, 1));
    this.pending++;
    const result = this.tail.then(body).finally(() => this.pending--);
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** Refuse new writes and wait for the queued ones. */
  async drain(): Promise<void> {
    this.closed = true;
    await this.tail;
  }
}

/** Let the event loop answer other requests between two CPU-heavy steps. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
