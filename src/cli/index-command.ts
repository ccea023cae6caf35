import cliProgress from 'cli-progress';
import { Command, InvalidArgumentError, Option } from 'commander';
import { DEFAULT_BATCH_SIZE } from '../archive/add.js';
import { openArchive, type Archive, type OpenArchiveOptions } from '../archive/archive.js';
import { InputError } from '../errors.js';
import { DEFAULT_MAX_BYTES } from '../text/read.js';
import { guard, parsePositiveInt } from './run.js';

export const DEFAULT_ARCHIVE = 'parascope.db';

/** The archive used when no --archive is given: PARASCOPE_ARCHIVE, else parascope.db. */
export function defaultArchive(): string {
  return process.env.PARASCOPE_ARCHIVE || DEFAULT_ARCHIVE;
}

/** The archive every command uses unless told otherwise: --archive, else PARASCOPE_ARCHIVE, else parascope.db. */
export function archiveOption(): Option {
  return new Option('-a, --archive <file|url>', 'the archive: an SQLite file, or a PostgreSQL URL (postgres://user@host:port/db)')
    .env('PARASCOPE_ARCHIVE')
    .default(DEFAULT_ARCHIVE);
}

/** How long a writer waits for another process's write to finish before giving up: PARASCOPE_BUSY_TIMEOUT_MS. */
function busyTimeout(): number | undefined {
  const ms = Number(process.env.PARASCOPE_BUSY_TIMEOUT_MS);
  return process.env.PARASCOPE_BUSY_TIMEOUT_MS && Number.isFinite(ms) && ms >= 0 ? ms : undefined;
}

/** Open the archive for the length of `body`, closing it whatever happens. */
export async function withArchive<T>(path: string, options: OpenArchiveOptions, body: (archive: Archive) => T | Promise<T>): Promise<T> {
  const archive = openArchive(path, { busyTimeout: busyTimeout(), ...options });
  try {
    return await body(archive);
  } finally {
    await archive.close();
  }
}

/** A progress bar on stderr, only when stderr is a terminal (never in logs or pipes). */
export function progress(label: string, unit: string): { update(done: number, total: number): void; stop(): void } {
  if (!process.stderr.isTTY) return { update() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: `${label} [{bar}] {value}/{total} ${unit} | {eta_formatted} left`, clearOnComplete: true, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total) {
      if (!started) bar.start(total, 0);
      started = true;
      bar.update(done);
    },
    stop: () => bar.stop(),
  };
}

function parseMeta(value: string, previous: Record<string, string> = {}): Record<string, string> {
  const at = value.indexOf('=');
  if (at <= 0) throw new InvalidArgumentError('expected key=value');
  return { ...previous, [value.slice(0, at)]: value.slice(at + 1) };
}

const FORMATS = ['text', 'json'] as const;
type Format = (typeof FORMATS)[number];

/** An `index` subcommand that only reads the archive and prints text or JSON. */
function readingCommand(index: Command, name: string, description: string, body: (archive: Archive, format: Format) => Promise<void>): void {
  index
    .command(name)
    .description(description)
    .addOption(archiveOption())
    .addOption(new Option('-f, --format <format>', 'output format').choices(FORMATS).default('text'))
    .action((flags: { archive: string; format: Format }) => guard(() => withArchive(flags.archive, { readonly: true }, (archive) => body(archive, flags.format))));
}

export function indexCommand(): Command {
  const index = new Command('index').description('manage the archive that `check` and `scan` search');

  index
    .command('add')
    .description('add articles (files, or directories recursively); same text at the same path is a no-op, changed text replaces it and keeps its id')
    .argument('<paths...>', 'files and directories')
    .addOption(archiveOption())
    .option('--meta <key=value>', 'store key=value with every document added (repeatable)', parseMeta)
    .option('-j, --jobs <n>', 'worker threads for analysis (default: one per core; 1 = none)', parsePositiveInt)
    .option('--max-bytes <n>', 'skip files larger than this', parsePositiveInt, DEFAULT_MAX_BYTES)
    .option('--batch-size <n>', `documents per transaction (default ${DEFAULT_BATCH_SIZE}); an interrupted run keeps every finished batch`, parsePositiveInt)
    .action((paths: string[], flags: { archive: string; meta?: Record<string, string>; jobs?: number; maxBytes: number; batchSize?: number }) =>
      guard(() =>
        withArchive(flags.archive, {}, async (archive) => {
          const bar = progress('indexing', 'files');
          const summary = await archive
            .add(paths, { meta: flags.meta, jobs: flags.jobs, maxBytes: flags.maxBytes, batchSize: flags.batchSize, onProgress: (d, t) => bar.update(d, t) })
            .finally(() => bar.stop());
          for (const f of summary.failed) process.stderr.write(`parascope: skipped ${f.reason}\n`);
          process.stdout.write(`added ${summary.added}, replaced ${summary.replaced}, unchanged ${summary.unchanged}, skipped ${summary.failed.length}\n`);
          // Everything readable was added, but a file the user asked for is missing from the archive.
          if (summary.failed.length > 0) process.exitCode = 2;
        }),
      ),
    );

  index
    .command('remove')
    .description('remove documents by id (or by path)')
    .argument('<ids...>', 'document ids as shown by `index list`, or paths')
    .addOption(archiveOption())
    .action((ids: string[], flags: { archive: string }) =>
      guard(() =>
        withArchive(flags.archive, { create: false }, async (archive) => {
          const { removed, missing } = await archive.remove(ids);
          if (missing.length > 0 && removed.length === 0) throw new InputError(`no such document: ${missing.join(', ')}`);
          for (const m of missing) process.stderr.write(`parascope: no such document: ${m}\n`);
          process.stdout.write(`removed ${removed.length}\n`);
          if (missing.length > 0) process.exitCode = 2;
        }),
      ),
    );

  readingCommand(index, 'list', 'list the archived documents: id, path, title', async (archive, format) => {
    const docs = await archive.list();
    if (format === 'json') process.stdout.write(JSON.stringify(docs, null, 2) + '\n');
    else process.stdout.write(docs.map((d) => `${d.id}  ${d.path}  ${d.title}\n`).join(''));
  });

  readingCommand(index, 'stats', 'archive size and contents', async (archive, format) => {
    const s = await archive.stats();
    if (format === 'json') {
      process.stdout.write(JSON.stringify(s, null, 2) + '\n');
      return;
    }
    process.stdout.write(
      [
        `archive:     ${s.path} (schema ${s.schemaVersion})`,
        `documents:   ${s.documents}`,
        `terms:       ${s.terms} (${s.postings} postings)`,
        `boilerplate: ${s.boilerplateUnits} sentences/lines`,
        `size:        ${(s.sizeBytes / 1048576).toFixed(1)} MiB (${s.documents ? Math.round(s.sizeBytes / s.documents) : 0} bytes per document)`,
      ].join('\n') + '\n',
    );
  });

  readingCommand(
    index,
    'verify',
    "check the archive: the storage engine's integrity check plus parascope's own invariants. Exit 1 when a problem is found",
    async (archive, format) => {
      const report = await archive.verify();
      if (format === 'json') process.stdout.write(JSON.stringify({ ok: report.problems.length === 0, ...report }, null, 2) + '\n');
      else if (report.problems.length === 0) process.stdout.write(`ok: ${report.documents} documents, no problems\n`);
      else process.stdout.write(report.problems.map((p) => `problem: ${p}\n`).join('') + `${report.problems.length} problems in ${report.documents} documents\n`);
      if (report.problems.length > 0) process.exitCode = 1;
    },
  );
  return index;
}
