import { describe, expect, it } from 'vitest';
import { parsePairs } from '../../src/batch/pairs.js';
import { InputError } from '../../src/errors.js';

describe('parsePairs', () => {
  it('reads CANDIDATE SOURCE lines, skipping blank ones and tolerating CRLF and extra spaces', () => {
    const text = 'susp-1.txt src-9.txt\r\n\n   \n  susp-2.txt\t src-3.txt  \nsusp-2.txt src-4.txt';
    expect(parsePairs(text)).toEqual([
      { candidate: 'susp-1.txt', source: 'src-9.txt', line: 1 },
      { candidate: 'susp-2.txt', source: 'src-3.txt', line: 4 },
      { candidate: 'susp-2.txt', source: 'src-4.txt', line: 5 },
    ]);
  });

  it('refuses a line without exactly two names, naming the file and line', () => {
    for (const [text, line] of [['a.txt b.txt\nonly-one.txt\n', 2], ['a b\n\n\na b c\n', 4]] as const) {
      const run = (): unknown => parsePairs(text, 'my-pairs');
      expect(run).toThrow(InputError);
      expect(run).toThrow(new RegExp(`^my-pairs: line ${line}: expected "CANDIDATE SOURCE"`));
    }
  });

  it('refuses a file with no pairs at all', () => {
    expect(() => parsePairs('\n \n', 'empty')).toThrow(/empty: no pairs/);
  });
});
