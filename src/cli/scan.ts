import { Command, Option } from 'commander';
import { InputError } from '../errors.js';
import { renderScan, SCAN_FORMATS, type ScanFormat } from '../report/check-scan.js';
import { DEFAULT_MAX_BYTES } from '../text/read.js';
import { defaultArchive, progress, withArchive } from './index-command.js';
import { emit } from './output.js';
import { guard, parsePositiveInt } from './run.js';

interface ScanFlags {
  archive?: string;
  format: ScanFormat;
  out?: string;
  jobs?: number;
  maxBytes: number;
}

export function scanCommand(): Command {
  return new Command('scan')
    .description('find every group of duplicates and every reuse pair inside a collection: the files given, or an archive')
    .argument('[paths...]', 'files and directories to scan (indexed in memory); without them, scan --archive')
    .option('-a, --archive <file|url>', 'scan this archive (default $PARASCOPE_ARCHIVE, else parascope.db, when no paths are given)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(SCAN_FORMATS).default('json'))
    .option('-o, --out <file>', 'write the report to FILE (atomically) instead of stdout')
    .option('-j, --jobs <n>', 'worker threads for indexing paths (default: one per core)', parsePositiveInt)
    .option('--max-bytes <n>', 'skip files larger than this', parsePositiveInt, DEFAULT_MAX_BYTES)
    .action((paths: string[], flags: ScanFlags) =>
      guard(async () => {
        if (paths.length > 0 && flags.archive) throw new InputError('give either paths to scan or --archive, not both');
        const fromPaths = paths.length > 0;
        await withArchive(fromPaths ? ':memory:' : (flags.archive ?? defaultArchive()), { readonly: !fromPaths }, async (archive) => {
          if (fromPaths) {
            const bar = progress('indexing', 'files');
            const summary = await archive.add(paths, { jobs: flags.jobs, maxBytes: flags.maxBytes, onProgress: (d, t) => bar.update(d, t) }).finally(() => bar.stop());
            for (const f of summary.failed) process.stderr.write(`parascope: skipped ${f.reason}\n`);
            // As with `index add`: the rest is scanned, but a file the user named is missing from the result.
            if (summary.failed.length > 0) process.exitCode = 2;
          }
          const bar = progress('scanning', 'documents');
          let result;
          try {
            result = await archive.scan({ onProgress: (d, t) => bar.update(d, t) });
          } finally {
            bar.stop();
          }
          emit(renderScan(flags.format, result), flags.out);
        });
      }),
    );
}

