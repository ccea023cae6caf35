import { Command, Option } from 'commander';
import { FAIL_ON, failsGate, type FailOn } from '../archive/check.js';
import { CHECK_FORMATS, needsCheckAlignmentMap, renderCheck, type CheckFormat } from '../report/check.js';
import { DEFAULT_MAX_BYTES } from '../text/read.js';
import { archiveOption, withArchive } from './index-command.js';
import { emit } from './output.js';
import { guard, parsePositiveInt } from './run.js';

interface CheckFlags {
  archive: string;
  top: number;
  failOn: FailOn;
  format: CheckFormat;
  out?: string;
  maxBytes: number;
  candidates?: number;
}

export function checkCommand(): Command {
  return new Command('check')
    .description('check an article against the archive: which archived articles does it reuse, and where? Exit 1 when reuse reaches --fail-on')
    .argument('<article>', 'the article to check (text file)')
    .addOption(archiveOption())
    .option('-k, --top <k>', 'report at most K matches', parsePositiveInt, 10)
    .addOption(new Option('--fail-on <level>', 'exit 1 when any match is at least this').choices(FAIL_ON).default('paraphrase'))
    .addOption(new Option('-f, --format <format>', 'output format').choices(CHECK_FORMATS).default('text'))
    .option('-o, --out <file>', 'write the report to FILE (atomically) instead of stdout')
    .option('--max-bytes <n>', 'refuse a larger article', parsePositiveInt, DEFAULT_MAX_BYTES)
    .option('--candidates <n>', 'align at most N retrieved archive documents (default 30)', parsePositiveInt)
    .action((article: string, flags: CheckFlags) =>
      guard(() =>
        withArchive(flags.archive, { readonly: true }, async (archive) => {
          const report = await archive.checkFile(article, {
            top: flags.top,
            maxBytes: flags.maxBytes,
            compare: { alignmentMap: needsCheckAlignmentMap(flags.format) },
            retrieval: flags.candidates ? { pool: flags.candidates } : undefined,
          });
          emit(renderCheck(flags.format, report), flags.out);
          if (failsGate(report.result.verdict, flags.failOn)) process.exitCode = 1; // the pre-publish gate
        }),
      ),
    );
}
