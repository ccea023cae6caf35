import { Command, Option } from 'commander';
import { compare } from '../compare.js';
import { readArticle, DEFAULT_MAX_BYTES } from '../text/read.js';
import { COMPARE_FORMATS, needsAlignmentMap, renderCompare, type CompareFormat } from '../report/render.js';
import { emit } from './output.js';
import { guard, parseFraction, parsePositiveInt } from './run.js';

interface CompareFlags {
  format: CompareFormat;
  out?: string;
  maxBytes: number;
  duplicateCoverage?: number;
  paraphraseCoverage?: number;
  minPassageScore?: number;
  permutations?: number;
}

export function compareCommand(): Command {
  return new Command('compare')
    .description('find the passages of CANDIDATE taken from SOURCE (copied, edited or paraphrased)')
    .argument('<source>', 'the original article (text file)')
    .argument('<candidate>', 'the article that may reuse it (text file)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(COMPARE_FORMATS).default('text'))
    .option('-o, --out <file>', 'write the report to FILE (atomically) instead of stdout')
    .option('--max-bytes <n>', 'refuse input files larger than this', parsePositiveInt, DEFAULT_MAX_BYTES)
    .option('--duplicate-coverage <x>', 'verdict threshold: candidate coverage for "duplicate"', parseFraction)
    .option('--paraphrase-coverage <x>', 'verdict threshold: candidate coverage for "paraphrase"', parseFraction)
    .option('--min-passage-score <x>', 'evidence a chain of similar sentences needs to count as a passage', Number)
    .option('--permutations <n>', 'MinHash permutations for the resemblance estimate', parsePositiveInt)
    .action((sourcePath: string, candidatePath: string, flags: CompareFlags) =>
      guard(() => {
        const source = readArticle(sourcePath, flags.maxBytes);
        const candidate = readArticle(candidatePath, flags.maxBytes);
        const result = compare(source.text, candidate.text, {
          sourcePath,
          candidatePath,
          alignmentMap: needsAlignmentMap(flags.format),
          permutations: flags.permutations,
          verdict: definedOnly({ duplicateCoverage: flags.duplicateCoverage, paraphraseCoverage: flags.paraphraseCoverage }),
          align: definedOnly({ minPassageScore: flags.minPassageScore }),
        });
        emit(renderCompare(flags.format, result, source.text, candidate.text), flags.out);
      }),
    );
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
