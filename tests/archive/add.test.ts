import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { article, tempArchive, tempDir } from './helpers.js';

const BINARY = new Set([2, 3, 8, 9]);

describe('index add', () => {
  it('reads two batches at once yet stores every file once and reports skipped files in the order given', async () => {
    const dir = tempDir();
    const names: string[] = [];
    for (let i = 0; i < 14; i++) {
      const name = join(dir, `f${String(i).padStart(2, '0')}.txt`);
      // Binary files (skipped) at the end of one batch of 3 and the start of the next.
      writeFileSync(name, BINARY.has(i) ? Buffer.from(Array.from({ length: 400 }, (_, k) => k % 7)) : article(i));
      names.push(name);
    }
    const { archive } = tempArchive();
    try {
      const summary = await archive.add([dir], { jobs: 1, batchSize: 3 });
      const binary = names.filter((_, i) => BINARY.has(i));
      expect(summary.failed.map((f) => f.path)).toEqual(binary);
      expect(summary.added).toBe(names.length - binary.length);
      expect((await archive.add([dir], { jobs: 1, batchSize: 3 })).unchanged).toBe(names.length - binary.length);
      expect((await archive.verify()).problems).toEqual([]);
    } finally {
      await archive.close();
    }
  }, 30_000);
});
