import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { openArchive } from '../../src/archive/archive.js';
import { renderCheck } from '../../src/report/check.js';
import { fixturePath, seed } from '../helpers/fixtures.js';

// schema/check-result.schema.json, the committed definition /v1/check publishes, against real check results.
const schema = JSON.parse(readFileSync(new URL('../../schema/check-result.schema.json', import.meta.url), 'utf8'));
const validate = new Ajv2020.default({ allErrors: true, strict: true }).compile(schema);

describe('check result JSON Schema', () => {
  it.each([
    ['a paraphrase match, with the alignment map', 'pasha-rewrite', true],
    ['no match', 'chinadaily-cements-ties', false],
  ] as const)('validates `check --format json` output (%s)', async (_, candidate, alignmentMap) => {
    const archive = openArchive(':memory:');
    await archive.addText(fixturePath('sieff-oped.txt'), seed('sieff-oped'));
    const report = await archive.checkReport(seed(candidate), { path: `${candidate}.txt`, compare: { alignmentMap } });
    await archive.close();
    const json = JSON.parse(renderCheck('json', report));
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    expect(json.matches.length > 0).toBe(candidate === 'pasha-rewrite');
  });

  it('refuses what the result never contains', () => {
    const bad = { schemaVersion: 1, candidate: { path: null, length: 1, sentences: 1, boilerplate: [] }, verdict: 'maybe', coverage: 2, matches: [], archive: { documents: 0, retrieved: 0, aligned: 0 } };
    expect(validate(bad)).toBe(false);
    expect(validate.errors!.map((e) => e.instancePath).sort()).toEqual(['/coverage', '/verdict']);
  });
});
