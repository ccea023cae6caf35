import type { CompareResult } from '../result.js';

export function renderJson(result: CompareResult): string {
  return JSON.stringify(result, null, 2) + '\n';
}
