import type { CheckReport } from '../archive/check.js';
import { renderCheckHtml } from './check-html.js';
import { excerpt } from './excerpt.js';

export const CHECK_FORMATS = ['text', 'json', 'html'] as const;
export type CheckFormat = (typeof CHECK_FORMATS)[number];

export function needsCheckAlignmentMap(format: CheckFormat): boolean {
  return format === 'html';
}

export function renderCheck(format: CheckFormat, report: CheckReport): string {
  switch (format) {
    case 'json':
      return JSON.stringify(report.result, null, 2) + '\n';
    case 'text':
      return renderCheckText(report);
    case 'html':
      return renderCheckHtml(report);
  }
}

const percent = (x: number): string => `${(x * 100).toFixed(1)}%`;

/** The human summary `parascope check` prints by default. */
export function renderCheckText({ result, candidateText, sourceTexts }: CheckReport): string {
  const lines = [
    `candidate: ${result.candidate.path ?? '(candidate text)'}  (${result.candidate.length} chars, ${result.candidate.sentences} sentences)`,
    `archive:   ${result.archive.documents} documents; ${result.archive.retrieved} retrieved, ${result.archive.aligned} aligned`,
    `verdict:   ${result.verdict}`,
    `coverage:  ${percent(result.coverage)} of the candidate is in passages of ${result.matches.length} archived document(s)`,
  ];
  if (result.candidate.boilerplate.length > 0) lines.push(`boilerplate: ${result.candidate.boilerplate.length} sentence(s) of the candidate ignored`);
  result.matches.forEach((m, i) => {
    lines.push(
      '',
      `#${i + 1} ${m.verdict}  ${m.document.path}  [${m.document.id}]`,
      `   title:    ${m.document.title}`,
      `   coverage: candidate ${percent(m.coverage.candidate)}, source ${percent(m.coverage.source)}   similarity ${m.similarity.toFixed(2)}   passages ${m.passages.length}`,
    );
    m.passages.forEach((p, k) => {
      lines.push(
        `   ${String(k + 1).padStart(2)}. ${p.kind}  similarity ${p.similarity.toFixed(2)}  score ${p.score.toFixed(2)}`,
        `       candidate [${p.candidate.start}, ${p.candidate.end})  ${excerpt(candidateText, p.candidate, 64)}`,
        `       source    [${p.source.start}, ${p.source.end})  ${excerpt(sourceTexts[i] ?? '', p.source, 64)}`,
      );
    });
  });
  if (result.matches.length === 0) lines.push('', 'No reuse of archived documents found.');
  return lines.join('\n') + '\n';
}

