/**
 * A synthetic archive for bench:archive: documents made by recombining sentences of the real corpora
 * (bbc-news and the PAN13 sources), the way a wire archive is full of stories that reuse each other's
 * passages. Each document is a headline and 2-4 blocks of 3-8 consecutive sentences from random real
 * documents. Deterministic (seeded).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rng } from '../tests/helpers/generate.js';

/** Sentences of each text, split on sentence punctuation and blank lines; short fragments dropped. */
function sentencesOf(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .flatMap((p) => p.replace(/\s+/g, ' ').trim().split(/(?<=[.!?]["”’]?)\s+(?=["“‘A-Z])/))
    .filter((s) => {
      const words = s.split(' ').length;
      return words >= 5 && words <= 60;
    });
}

export function writeSyntheticCorpus(sourceFiles: readonly string[], dir: string, count: number, seed = 1): void {
  const docs = sourceFiles
    .map((f) => readFileSync(f, 'utf8'))
    .filter((text) => !text.includes('\uFFFD')) // not UTF-8: the CLI refuses these too
    .map(sentencesOf)
    .filter((s) => s.length >= 3);
  const random = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  for (let i = 0; i < count; i++) {
    const blocks: string[] = [];
    const n = 2 + Math.floor(random() * 3);
    for (let b = 0; b < n; b++) {
      const source = pick(docs);
      const len = Math.min(source.length, 3 + Math.floor(random() * 6));
      const start = Math.floor(random() * (source.length - len + 1));
      blocks.push(source.slice(start, start + len).join(' '));
    }
    const title = pick(pick(docs)).split(' ').slice(0, 8).join(' ').replace(/[.!?]+$/, '');
    const sub = join(dir, String(Math.floor(i / 1000)).padStart(3, '0'));
    if (i % 1000 === 0) mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, `${String(i).padStart(6, '0')}.txt`), `${title}\n\n${blocks.join('\n\n')}\n`);
  }
}
