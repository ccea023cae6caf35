import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { compare } from '../../src/compare.js';
import { renderJson } from '../../src/report/json.js';
import { seed } from '../helpers/fixtures.js';

const schema = JSON.parse(readFileSync(new URL('../../schema/compare-result.schema.json', import.meta.url), 'utf8'));
const validate = new Ajv2020.default({ allErrors: true, strict: true }).compile(schema);

describe('JSON report', () => {
  it.each([
    ['a paraphrase', 'sieff-oped', 'pasha-rewrite', false],
    ['no reuse, with the alignment map', 'sieff-oped', 'chinadaily-cements-ties', true],
  ] as const)('validates against the committed JSON Schema (%s)', (_, source, candidate, alignmentMap) => {
    const json = JSON.parse(renderJson(compare(seed(source), seed(candidate), { sourcePath: `${source}.txt`, alignmentMap })));
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
  });

  it('carries the field names other tools parse', () => {
    const json = JSON.parse(renderJson(compare(seed('sieff-oped'), seed('pasha-rewrite'))));
    expect(Object.keys(json)).toEqual(expect.arrayContaining(['schemaVersion', 'source', 'candidate', 'verdict', 'coverage', 'passages']));
    expect(json.schemaVersion).toBe(1);
    expect(Object.keys(json.passages[0])).toEqual(expect.arrayContaining(['source', 'candidate', 'similarity', 'kind', 'pairs']));
  });
});
