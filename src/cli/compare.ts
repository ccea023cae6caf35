import { Command, Option } from 'commander';
import { compare, type CompareOptions } from '../compare.js';
import { InputError } from '../errors.js';
import { readArticle, DEFAULT_MAX_BYTES } from '../text/read.js';
import { COMPARE_FORMATS, needsAlignmentMap, renderCompare, type CompareFormat } from '../report/render.js';
import { BATCH_FORMATS, runBatch, type BatchFormat } from './batch.js';
import { emit } from './output.js';
import { guard, parseFraction, parsePositiveInt } from './run.js';

interface CompareFlags {
  format?: CompareFormat | BatchFormat;
  out?: string;
  maxBytes: number;
  duplicateCoverage?: number;
  paraphraseCoverage?: number;
  minPassageScore?: number;
  permutations?: number;
  pairs?: string;
  sourceDir?: string;
  candidateDir?: string;
  jobs?: number;
}

export function compareCommand(): Command {
  return new Command('compare')
    .description('find the passages of CANDIDATE taken from SOURCE (copied, edited or paraphrased); with --pairs, of many pairs')
    .argument('[source]', 'the original article (text file)')
    .argument('[candidate]', 'the article that may reuse it (text file)')
    .addOption(
      new Option('-f, --format <format>', `output format: ${COMPARE_FORMATS.join(', ')} for one pair (default text); ${BATCH_FORMATS.join(' or ')} with --pairs (default jsonl)`).choices([
        ...COMPARE_FORMATS,
        ...BATCH_FORMATS,
      ]),
    )
    .option('-o, --out <path>', 'write the report to FILE (atomically) instead of stdout; with --pairs, a folder')
    .option('--max-bytes <n>', 'refuse input files larger than this', parsePositiveInt, DEFAULT_MAX_BYTES)
    .option('--duplicate-coverage <x>', 'verdict threshold: candidate coverage for "duplicate"', parseFraction)
    .option('--paraphrase-coverage <x>', 'verdict threshold: candidate coverage for "paraphrase"', parseFraction)
    .option('--min-passage-score <x>', 'evidence a chain of similar sentences needs to count as a passage', Number)
    .option('--permutations <n>', 'MinHash permutations for the resemblance estimate', parsePositiveInt)
    .option('--pairs <file>', 'batch mode: compare every "CANDIDATE SOURCE" line of FILE')
    .option('--source-dir <dir>', 'with --pairs: the folder of the SOURCE files')
    .option('--candidate-dir <dir>', 'with --pairs: the folder of the CANDIDATE files')
    .option('--jobs <n>', 'with --pairs: worker threads (default: one per CPU)', parsePositiveInt)
    .action((sourcePath: string | undefined, candidatePath: string | undefined, flags: CompareFlags) =>
      guard(() => (flags.pairs !== undefined ? batch(flags.pairs, sourcePath, flags) : single(sourcePath, candidatePath, flags))),
    );
}

function single(sourcePath: string | undefined, candidatePath: string | undefined, flags: CompareFlags): void {
  const batchOnly = (['sourceDir', 'candidateDir', 'jobs'] as const).filter((k) => flags[k] !== undefined).map(flagName);
  if (batchOnly.length > 0) throw new InputError(`${batchOnly.join(', ')}: only with --pairs FILE`);
  if (sourcePath === undefined || candidatePath === undefined) {
    throw new InputError(`missing ${sourcePath === undefined ? 'arguments SOURCE and CANDIDATE' : 'argument CANDIDATE'} (or give --pairs FILE to compare many pairs)`);
  }
  const format = flags.format ?? 'text';
  if (!isCompareFormat(format)) throw new InputError(`--format ${format}: only with --pairs FILE (one pair: ${COMPARE_FORMATS.join(' or ')})`);
  const source = readArticle(sourcePath, flags.maxBytes);
  const candidate = readArticle(candidatePath, flags.maxBytes);
  const result = compare(source.text, candidate.text, {
    ...compareOptions(flags),
    sourcePath,
    candidatePath,
    alignmentMap: needsAlignmentMap(format),
  });
  emit(renderCompare(format, result, source.text, candidate.text), flags.out);
}

function batch(pairs: string, positional: string | undefined, flags: CompareFlags): Promise<void> {
  if (positional !== undefined) throw new InputError('give either SOURCE CANDIDATE or --pairs FILE, not both');
  const format = flags.format ?? 'jsonl';
  if (isCompareFormat(format)) throw new InputError(`--format ${format}: only for one pair (with --pairs: ${BATCH_FORMATS.join(' or ')})`);
  if (flags.sourceDir === undefined || flags.candidateDir === undefined) throw new InputError('--pairs needs --source-dir DIR and --candidate-dir DIR');
  return runBatch({
    pairs,
    sourceDir: flags.sourceDir,
    candidateDir: flags.candidateDir,
    format,
    out: flags.out,
    jobs: flags.jobs,
    maxBytes: flags.maxBytes,
    compare: compareOptions(flags),
  });
}

function compareOptions(flags: CompareFlags): CompareOptions {
  return {
    permutations: flags.permutations,
    verdict: definedOnly({ duplicateCoverage: flags.duplicateCoverage, paraphraseCoverage: flags.paraphraseCoverage }),
    align: definedOnly({ minPassageScore: flags.minPassageScore }),
  };
}

function isCompareFormat(format: string): format is CompareFormat {
  return (COMPARE_FORMATS as readonly string[]).includes(format);
}

function flagName(key: string): string {
  return `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
