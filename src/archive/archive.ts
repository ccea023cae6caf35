import { resolve } from 'node:path';
import { InputError } from '../errors.js';
import { DEFAULT_MAX_BYTES, readArticle } from '../text/read.js';
import { addPaths, type AddOptions, type AddSummary } from './add.js';
import { analysisProbe } from './analysis-probe.js';
import { boilerplateThreshold } from './boilerplate.js';
import { checkText, type CheckOptions, type CheckReport, type CheckResult } from './check.js';
import { prepareDocument } from './prepare.js';
import { scanArchive, type ScanOptions, type ScanResult } from './scan.js';
import { openStore, type OpenStoreOptions } from './open-store.js';
import { archiveError } from './sqlite/open.js';
import type { ArchiveStore, DocumentRow } from './store.js';
import { findProblems } from './verify.js';
import { removeBatch, writeBatch, type WriteOutcome } from './write.js';

export interface ArchivedDocument {
  id: string;
  path: string;
  title: string;
  /** sha256 of the text, hex. */
  hash: string;
  length: number;
  added: string;
  meta: Record<string, string>;
}

export interface ArchiveStats {
  path: string;
  schemaVersion: number;
  documents: number;
  /** Distinct content terms, postings rows, learned boilerplate units (sentences and lines). */
  terms: number;
  postings: number;
  boilerplateUnits: number;
  sizeBytes: number;
}

export type OpenArchiveOptions = OpenStoreOptions;

/**
 * A persistent, incremental archive of articles that answers "which archived articles did this one reuse,
 * and where?". `location` is an SQLite file (created on first write), ':memory:', or a PostgreSQL URL
 * (`postgres://user@host/db`, connected on first use; see open-store.ts).
 */
export function openArchive(location: string, options: OpenArchiveOptions = {}): Archive {
  return new Archive(openStore(location, options));
}

export class Archive {
  private analysisChecked = false;

  constructor(private readonly store: ArchiveStore) {}

  get path(): string {
    return this.store.location;
  }

  /** Add files and directories (recursively). Same text at the same path: no-op; changed text: replaced, same id. */
  async add(paths: readonly string[], options: AddOptions = {}): Promise<AddSummary> {
    return this.guard(async () => {
      await this.sameAnalysis(true);
      return addPaths(this.store, paths, options);
    });
  }

  /** Add one text under a path (need not exist on disk): the single-document form of `add`. */
  async addText(path: string, text: string, meta: Record<string, string> = {}): Promise<WriteOutcome> {
    return this.guard(async () => {
      this.writable();
      if (text.trim().length === 0) throw new InputError(`${path}: text is empty`);
      await this.sameAnalysis(true);
      return (await writeBatch(this.store, [prepareDocument(resolve(path), text)], meta, new Date().toISOString()))[0]!;
    });
  }

  /** Remove documents by id (or by path); returns the removed ones and the arguments that matched nothing. */
  async remove(idsOrPaths: readonly string[]): Promise<{ removed: ArchivedDocument[]; missing: string[] }> {
    return this.guard(async () => {
      this.writable();
      const docs: number[] = [];
      const missing: string[] = [];
      for (const key of idsOrPaths) {
        const row = (await this.store.documentByUid(key)) ?? (await this.store.documentByPath(resolve(key)));
        if (row) docs.push(row.doc);
        else missing.push(key);
      }
      return { removed: (await removeBatch(this.store, docs)).map(publicDocument), missing };
    });
  }

  async list(): Promise<ArchivedDocument[]> {
    return this.guard(async () => (await this.store.allDocuments()).map(publicDocument));
  }

  /** One archived document by id (or by path), without its text; undefined when there is none. */
  async document(idOrPath: string): Promise<ArchivedDocument | undefined> {
    return this.guard(async () => {
      const row = (await this.store.documentByUid(idOrPath)) ?? (await this.store.documentByPath(resolve(idOrPath)));
      return row && publicDocument(row);
    });
  }

  /** An archived document's text, by id. */
  async text(id: string): Promise<string> {
    return this.guard(async () => {
      const row = await this.store.documentByUid(id);
      if (!row) throw new InputError(`${id}: no such document in ${this.path}`);
      return this.store.text(row.doc);
    });
  }

  async stats(boilerplateMinDocs?: number): Promise<ArchiveStats> {
    return this.guard(async () => {
      const info = await this.store.info();
      const { documents } = await this.store.totals();
      return {
        path: info.location,
        schemaVersion: info.schemaVersion,
        documents,
        terms: info.terms,
        postings: info.postings,
        boilerplateUnits: await this.store.countUnitsAtLeast(boilerplateMinDocs ?? boilerplateThreshold(documents)),
        sizeBytes: info.sizeBytes,
      };
    });
  }

  /** Which archived documents does `text` reuse, and where? */
  async check(text: string, options: CheckOptions = {}): Promise<CheckResult> {
    return (await this.checkReport(text, options)).result;
  }

  /** `check` plus the texts its offsets point into, for renderers. */
  async checkReport(text: string, options: CheckOptions = {}): Promise<CheckReport> {
    return this.guard(async () => {
      await this.sameAnalysis(false);
      return checkText(this.store, text, options);
    });
  }

  /** Read an article file and check it. */
  async checkFile(path: string, options: CheckOptions & { maxBytes?: number } = {}): Promise<CheckReport> {
    const { text } = readArticle(path, options.maxBytes ?? DEFAULT_MAX_BYTES);
    return this.checkReport(text, { ...options, path });
  }

  /** Every group of identical or near-duplicate documents and every reuse pair inside the archive. */
  async scan(options: ScanOptions = {}): Promise<ScanResult> {
    return this.guard(async () => {
      await this.sameAnalysis(false);
      return scanArchive(this.store, options);
    });
  }

  /** The storage engine's integrity check plus parascope's own invariants (verify.ts); no problems = sound. */
  async verify(): Promise<{ documents: number; problems: string[] }> {
    return this.guard(async () => {
      const facts = await this.store.verifyFacts();
      return { documents: facts.documentCount, problems: await findProblems(facts, this.store.fingerprints()) };
    });
  }

  async close(): Promise<void> {
    await this.store.close();
  }

  /** Refuse an archive whose terms were computed by a different text analysis (see analysis-probe.ts). */
  private async sameAnalysis(writing: boolean): Promise<void> {
    if (this.analysisChecked) return;
    const stored = await this.store.getMeta('analysis');
    const mine = analysisProbe();
    if (stored === undefined) {
      // Documents without a fingerprint cannot be vouched for; an empty archive gets this parascope's on first write.
      if ((await this.store.totals()).documents > 0) throw new InputError(`${this.path}: archive has no analysis fingerprint; rebuild it with this parascope`);
      if (writing) {
        this.writable();
        await this.store.transaction(() => this.store.setMeta('analysis', mine));
      }
    } else if (stored !== mine) {
      throw new InputError(`${this.path}: archive was built with a different version of parascope's text analysis; rebuild it (index add into a new archive)`);
    }
    this.analysisChecked = stored !== undefined || writing;
  }

  private writable(): void {
    if (this.store.readonly) throw new InputError(`${this.path}: archive is opened read-only`);
  }

  private async guard<T>(body: () => Promise<T>): Promise<T> {
    try {
      return await body();
    } catch (err) {
      throw archiveError(err, this.path);
    }
  }
}

function publicDocument(row: DocumentRow): ArchivedDocument {
  return { id: row.uid, path: row.path, title: row.title, hash: row.hash, length: row.length, added: row.added, meta: row.meta };
}
