import type { CompareResult } from '../result.js';
import { excerpt } from './excerpt.js';

const percent = (x: number): string => `${(x * 100).toFixed(1)}%`;

/** The human summary `parascope compare` prints by default. */
export function renderText(result: CompareResult, sourceText: string, candidateText: string): string {
  const name = (path: string | null, fallback: string): string => path ?? fallback;
  const lines: string[] = [
    `source:    ${name(result.source.path, '(source text)')}  (${result.source.length} chars, ${result.source.sentences} sentences)`,
    `candidate: ${name(result.candidate.path, '(candidate text)')}  (${result.candidate.length} chars, ${result.candidate.sentences} sentences)`,
    `verdict:   ${result.verdict}`,
    `coverage:  candidate ${percent(result.coverage.candidate)}, source ${percent(result.coverage.source)}` +
      `   similarity ${result.similarity.toFixed(2)}   passages ${result.passages.length}`,
  ];
  result.passages.forEach((p, i) => {
    lines.push(
      '',
      `#${i + 1} ${p.kind}  similarity ${p.similarity.toFixed(2)}  score ${p.score.toFixed(2)}  ${p.pairs.length} sentence pair(s)`,
      `   candidate [${p.candidate.start}, ${p.candidate.end})  ${excerpt(candidateText, p.candidate)}`,
      `   source    [${p.source.start}, ${p.source.end})  ${excerpt(sourceText, p.source)}`,
    );
  });
  if (result.passages.length === 0) lines.push('', 'No reused passage found.');
  return lines.join('\n') + '\n';
}
