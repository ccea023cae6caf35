import { describe, expect, it } from 'vitest';
import { compare } from '../src/compare.js';
import { sentenceKeys } from '../src/fingerprint/sentence-key.js';
import { analyze } from '../src/text/tokenize.js';
import { seed } from './helpers/fixtures.js';

const footer =
  'The views don\'t necessarily reflect those of the Daily Planet. Copyright 1995 - 2024 Daily Planet. All rights reserved. ' +
  'Without written authorization from the Daily Planet, such content shall not be republished or used in any form.';
const a = seed('chinadaily-cements-ties').trim() + '\n\n' + footer;
const b = seed('globaltimes-mutual-trust').trim() + '\n\n' + footer.toUpperCase().replace(/\. /g, '.\n');

describe('boilerplate', () => {
  it('a shared footer alone is found as a verbatim passage when nothing says it is boilerplate', () => {
    const r = compare(a, b);
    expect(r.passages).toHaveLength(1);
    expect(r.passages[0]!.kind).toBe('verbatim');
    expect(r.boilerplate).toBeUndefined();
  });

  it('sentences whose keys are known boilerplate never count as reuse, and are reported as boilerplate', () => {
    const keys = new Set(sentenceKeys(analyze(footer)));
    const r = compare(a, b, { boilerplate: keys });
    expect(r.verdict).toBe('none');
    expect(r.passages).toEqual([]);
    expect(r.boilerplate!.source.map((x) => a.slice(x.start, x.end))).toEqual(analyze(footer).sentences.map((s) => footer.slice(s.start, s.end)));
    expect(r.boilerplate!.candidate).toHaveLength(4);
  });

  it('keys ignore case and spacing', () => {
    expect(sentenceKeys(analyze('All rights   reserved.'))).toEqual(sentenceKeys(analyze('ALL RIGHTS\nRESERVED.')));
  });
});
