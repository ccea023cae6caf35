import { Worker } from 'node:worker_threads';
import { workerEntry } from '../batch/pool.js';
import { InputError } from '../errors.js';
import { HttpError } from './errors.js';
import type { AnalysisReply, AnalysisSetup, AnalysisTask, TaskMessage, WorkerMessage } from './protocol.js';

export interface PoolOptions {
  setup: AnalysisSetup;
  /** Worker threads: how many analyses run at once. */
  workers: number;
  /** Analyses that may wait for a free worker; one more is refused with 429. */
  queue: number;
  /** From arrival to answer: a task still queued or running after this long is dropped (its worker is replaced). */
  timeLimitMs: number;
  /** Another worker entry speaking the same protocol; for tests. */
  workerUrl?: URL;
  log: (line: string) => void;
}

export type Done = Extract<AnalysisReply, { type: 'done' }>;

interface Job {
  id: number;
  task: AnalysisTask;
  resolve: (reply: Done) => void;
  reject: (err: Error) => void;
  timer: NodeJS.Timeout;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  /** Terminated on purpose (time limit, shutdown): its exit is not a crash. */
  retired: boolean;
  job?: Job;
  lastError?: string;
}

/**
 * Check and compare on worker threads with a bounded queue and a time limit. Analysis is CPU-bound: on the main
 * thread it would stall every other request and could not be interrupted. Here a task that overruns its time
 * limit is answered 503 and its worker terminated and replaced; a full queue is answered 429 at once, so an
 * overloaded server sheds load instead of piling up requests that would all time out.
 */
export class AnalysisPool {
  private readonly slots: Slot[] = [];
  private readonly waiting: Job[] = [];
  private readonly entry: ReturnType<typeof workerEntry>;
  private nextId = 0;
  private closed = false;

  private constructor(private readonly options: PoolOptions) {
    this.entry = workerEntry(options.workerUrl ?? new URL('./worker.js', import.meta.url));
  }

  /** Start every worker; resolves when all have opened the archive, rejects if one cannot start. */
  static async start(options: PoolOptions): Promise<AnalysisPool> {
    const pool = new AnalysisPool(options);
    try {
      await Promise.all(Array.from({ length: Math.max(1, options.workers) }, (_, i) => pool.spawn(i)));
    } catch (err) {
      await pool.close();
      throw err;
    }
    return pool;
  }

  /** Tasks running and waiting, for /healthz. */
  get load(): { running: number; queued: number; workers: number } {
    return { running: this.slots.filter((s) => s.job).length, queued: this.waiting.length, workers: this.slots.filter((s) => s.ready).length };
  }

  /** Run `task`; `gone` aborts when the client disconnects, which drops the task if it is still waiting. */
  run(task: AnalysisTask, gone?: AbortSignal): Promise<Done> {
    if (this.closed) return Promise.reject(new HttpError(503, 'shutting-down', 'server is shutting down', 1));
    if (!this.slots.some((s) => !s.retired)) return Promise.reject(new HttpError(503, 'unavailable', 'no analysis worker is running', 5));
    const idle = this.slots.find((s) => s.ready && !s.job);
    if (!idle && this.waiting.length >= this.options.queue) {
      return Promise.reject(new HttpError(429, 'overloaded', `server busy: ${this.slots.length} analyses running and ${this.waiting.length} waiting; retry later`, 1));
    }
    return new Promise<Done>((resolve, reject) => {
      const job: Job = { id: this.nextId++, task, resolve, reject, timer: setTimeout(() => this.expire(job), this.options.timeLimitMs) };
      if (idle) this.dispatch(idle, job);
      else {
        this.waiting.push(job);
        // A client that gave up must not keep its place: it would delay (or push into 429) those still waiting.
        gone?.addEventListener('abort', () => this.abandon(job), { once: true });
      }
    });
  }

  /** Refuse new tasks, fail waiting ones, stop the workers (running tasks are abandoned: drain before calling). */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.waiting.splice(0)) this.settle(job, new HttpError(503, 'shutting-down', 'server is shutting down', 1));
    await Promise.all(
      this.slots.map((slot) => {
        slot.retired = true;
        if (slot.job) this.settle(slot.job, new HttpError(503, 'shutting-down', 'server is shutting down', 1));
        return slot.worker.terminate();
      }),
    );
  }

  private spawn(index: number): Promise<void> {
    const worker = new Worker(this.entry.code, { eval: this.entry.eval, workerData: this.options.setup });
    const slot: Slot = { worker, ready: false, retired: false };
    this.slots[index] = slot;
    return new Promise((started, failed) => {
      worker.on('message', (message: WorkerMessage) => {
        if (message.type === 'ready') {
          slot.ready = true;
          started();
          this.pump(slot);
        } else if (message.type === 'fatal') {
          slot.lastError = message.message;
        } else if (slot.job && slot.job.id === message.id) {
          const job = slot.job;
          slot.job = undefined;
          const reply = message.reply;
          if (reply.type === 'done') this.settle(job, undefined, reply);
          else this.settle(job, new HttpError(reply.status, reply.status === 404 ? 'not-found' : reply.status === 400 ? 'bad-request' : 'internal', reply.status === 500 ? 'internal error' : reply.message));
          if (reply.type === 'failed' && reply.status === 500) this.options.log(`internal error in analysis: ${reply.message}`);
          this.pump(slot);
        }
      });
      worker.on('error', (err) => {
        slot.lastError ??= err.message;
      });
      worker.on('exit', (code) => {
        if (slot.retired || this.closed) return;
        const why = slot.lastError ?? `exited with code ${code}`;
        if (!slot.ready) {
          // Dying before saying hello (archive unreadable, broken install) will not improve on a retry.
          slot.retired = true;
          this.options.log(`analysis worker could not start: ${why}`);
          this.failAllIfNoWorker();
          failed(new InputError(`analysis worker could not start: ${why}`));
          return;
        }
        if (slot.job) this.settle(slot.job, new HttpError(500, 'internal', 'internal error: analysis worker crashed'));
        this.options.log(`analysis worker crashed (${why}); starting another`);
        this.replace(index);
      });
    });
  }

  private replace(index: number): void {
    this.spawn(index).catch(() => undefined); // reported through log and failAllIfNoWorker
  }

  private failAllIfNoWorker(): void {
    if (this.slots.some((s) => !s.retired)) return;
    for (const job of this.waiting.splice(0)) this.settle(job, new HttpError(503, 'unavailable', 'no analysis worker is running', 5));
  }

  private dispatch(slot: Slot, job: Job): void {
    slot.job = job;
    const message: TaskMessage = { id: job.id, task: job.task };
    slot.worker.postMessage(message);
  }

  private pump(slot: Slot): void {
    if (slot.job || !slot.ready || slot.retired) return;
    const job = this.waiting.shift();
    if (job) this.dispatch(slot, job);
  }

  private abandon(job: Job): void {
    const queued = this.waiting.indexOf(job);
    if (queued < 0) return; // already running (it finishes; nobody reads the answer) or done
    this.waiting.splice(queued, 1);
    this.settle(job, new HttpError(503, 'unavailable', 'client disconnected while waiting'));
  }

  private expire(job: Job): void {
    const message = `analysis took longer than the time limit of ${this.options.timeLimitMs} ms`;
    const queued = this.waiting.indexOf(job);
    if (queued >= 0) {
      this.waiting.splice(queued, 1);
      this.settle(job, new HttpError(503, 'timeout', `${message} (still waiting for a free worker)`, 1));
      return;
    }
    const index = this.slots.findIndex((s) => s.job === job);
    if (index < 0) return;
    // A worker cannot be interrupted mid-analysis: terminate it and start a fresh one in its place.
    const slot = this.slots[index]!;
    slot.retired = true;
    slot.job = undefined;
    void slot.worker.terminate();
    this.settle(job, new HttpError(503, 'timeout', message, 1));
    if (!this.closed) this.replace(index);
  }

  private settle(job: Job, err: Error | undefined, reply?: Done): void {
    clearTimeout(job.timer);
    if (err) job.reject(err);
    else job.resolve(reply!);
  }
}
