import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const SEED_NAMES = [
  'sieff-oped',
  'pasha-rewrite',
  'chinadaily-cements-ties',
  'cgtn-shared-future',
  'globaltimes-mutual-trust',
] as const;
export type SeedName = (typeof SEED_NAMES)[number];

export function fixturePath(relative: string): string {
  return fileURLToPath(new URL(`../../fixtures/${relative}`, import.meta.url));
}

export function seed(name: SeedName): string {
  return readFileSync(fixturePath(`${name}.txt`), 'utf8');
}
