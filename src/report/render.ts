import type { CompareResult } from '../result.js';
import { renderHtml } from './html/page.js';
import { renderJson } from './json.js';
import { renderText } from './text.js';

export const COMPARE_FORMATS = ['text', 'json', 'html'] as const;
export type CompareFormat = (typeof COMPARE_FORMATS)[number];

/** Whether a format needs the alignment map in the result (only the HTML report draws it). */
export function needsAlignmentMap(format: CompareFormat): boolean {
  return format === 'html';
}

export function renderCompare(format: CompareFormat, result: CompareResult, sourceText: string, candidateText: string): string {
  switch (format) {
    case 'json':
      return renderJson(result);
    case 'text':
      return renderText(result, sourceText, candidateText);
    case 'html':
      return renderHtml(result, sourceText, candidateText);
  }
}
