import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { readArticle } from '../../src/text/read.js';

const dir = mkdtempSync(join(tmpdir(), 'parascope-read-'));

describe('readArticle', () => {
  it('reads and decodes a text file', () => {
    const path = join(dir, 'a.txt');
    writeFileSync(path, 'One sentence. Another one.');
    expect(readArticle(path)).toEqual({ path, text: 'One sentence. Another one.', encoding: 'utf-8' });
  });

  it.each([
    ['a missing file', join(dir, 'missing.txt'), /no such file/],
    ['a directory', dir, /is a directory/],
  ])('refuses %s with a one-line InputError', (_, path, message) => {
    expect(() => readArticle(path)).toThrow(InputError);
    expect(() => readArticle(path)).toThrow(message);
  });

  it('refuses a file over the size limit, saying how to raise it', () => {
    const path = join(dir, 'big.txt');
    writeFileSync(path, 'x'.repeat(2000));
    expect(() => readArticle(path, 1000)).toThrow(/2000 bytes, over the limit of 1000 bytes .*--max-bytes/);
  });
});
