import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useInputs } from './inputs.js';
import {
  expectedText,
  expectNoStackTrace,
  expectPairsInEmbeddedCopy,
  expectRefusal,
  expectSoundPassages,
  leftoverTempFiles,
  parascope,
  SIEFF,
  type PassageJson,
} from './harness.js';

const { dir, inputs } = useInputs();
const sieff = readFileSync(SIEFF, 'utf8');

interface CompareJson {
  source: { length: number };
  candidate: { length: number };
  coverage: { candidate: number; source: number };
  passages: PassageJson[];
}

/** A processed input compared against the op-ed: lengths and every offset are those of the decoded file. */
function expectSoundResult(result: CompareJson, candidatePath: string, embedded: { start: number; end: number } | undefined): void {
  const text = expectedText(candidatePath);
  expect(result.source.length).toBe(sieff.length);
  expect(result.candidate.length).toBe(text.length);
  for (const x of [result.coverage.candidate, result.coverage.source]) expect(x >= 0 && x <= 1).toBe(true);
  expectSoundPassages(result.passages, sieff, text);
  if (embedded) {
    // The op-ed is in there verbatim: it must be found, at the right place.
    expect(result.passages.length).toBeGreaterThan(0);
    expectPairsInEmbeddedCopy(result.passages, text, embedded, sieff);
  }
}

describe('compare SOURCE CANDIDATE, each input as the candidate (with --out) and as the source (stdout)', () => {
  for (const input of inputs) {
    it(`${input.name}: ${input.outcome}`, () => {
      const outDir = join(dir, `out-${basename(input.path)}`);
      mkdirSync(outDir);
      const out = join(outDir, 'report.json');
      const viaFile = parascope(['compare', SIEFF, input.path, '--format', 'json', '--out', out]);
      const asSource = parascope(['compare', input.path, SIEFF]);
      expect(leftoverTempFiles(outDir)).toEqual([]);
      if (input.outcome === 'refused') {
        expectRefusal(viaFile, input.refusal!);
        expectRefusal(asSource, input.refusal!);
        expect(existsSync(out), 'no report is written for a refused input').toBe(false);
        return;
      }
      expectNoStackTrace(viaFile);
      expect(viaFile).toMatchObject({ code: 0, stdout: '', stderr: `wrote ${out}\n` });
      expectSoundResult(JSON.parse(readFileSync(out, 'utf8')) as CompareJson, input.path, input.embedded);
      expectNoStackTrace(asSource);
      expect(asSource.code).toBe(0);
      expect(asSource.stderr).toBe('');
      expect(asSource.stdout).toMatch(/^verdict: {3}(duplicate|paraphrase|partial-reuse|none)$/m);
    });
  }

  it('--out into a folder that does not exist, or onto a directory: refused, nothing written', () => {
    const missing = join(dir, 'no-such-folder', 'report.json');
    expectRefusal(parascope(['compare', SIEFF, SIEFF, '--out', missing]), /cannot write .*report\.json: its folder does not exist/);
    expect(existsSync(join(dir, 'no-such-folder'))).toBe(false);
    const folder = join(dir, 'a-folder');
    mkdirSync(folder);
    expectRefusal(parascope(['compare', SIEFF, SIEFF, '--out', folder]), /cannot write .*a-folder: it is a directory/);
    expect(leftoverTempFiles(dir)).toEqual([]);
  });
});

describe('compare --pairs: every input as a candidate in one batch', () => {
  it('processes the good pairs, names each refused one with its line, writes results.jsonl atomically', () => {
    const pairs = join(dir, 'pairs.txt');
    // Every input paired with the op-ed, after one ordinary pair.
    const lines = ['pasha-rewrite.txt sieff-oped.txt', ...inputs.map((c) => `${relative(dir, c.path)} sieff-oped.txt`)];
    writeFileSync(pairs, lines.join('\n') + '\n');
    const sources = join(dir, 'sources');
    mkdirSync(sources);
    writeFileSync(join(sources, 'sieff-oped.txt'), sieff);
    writeFileSync(join(dir, 'pasha-rewrite.txt'), readFileSync(SIEFF.replace('sieff-oped', 'pasha-rewrite')));
    const out = join(dir, 'batch-out');
    const r = parascope(['compare', '--pairs', pairs, '--source-dir', sources, '--candidate-dir', dir, '--out', out, '--jobs', '2']);
    expectNoStackTrace(r);
    const refused = inputs.filter((c) => c.outcome === 'refused');
    const processed = inputs.filter((c) => c.outcome === 'processed');
    expect(r.code).toBe(refused.length > 0 ? 2 : 0);
    expect(r.stdout).toBe('');
    const stderr = r.stderr.trimEnd().split('\n');
    // One line per refused pair, in pairs-file order, then the run summary and the one-line failure count.
    expect(stderr).toHaveLength(refused.length + 2);
    refused.forEach((c, i) => {
      const line = inputs.indexOf(c) + 2;
      expect(stderr[i]).toMatch(new RegExp(`^parascope: ${pairs.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: line ${line} \\(`));
      expect(stderr[i]).toMatch(c.refusal!);
    });
    expect(stderr.at(-2)).toMatch(new RegExp(`^compared ${processed.length + 1} of ${inputs.length + 1} pairs in `));
    expect(stderr.at(-1)).toBe(`parascope: ${refused.length} of ${inputs.length + 1} pairs failed (listed above)`);
    expect(leftoverTempFiles(out)).toEqual([]);
    const results = readFileSync(join(out, 'results.jsonl'), 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as CompareJson & { candidate: { path: string } });
    expect(results.map((x) => basename(x.candidate.path))).toEqual(['pasha-rewrite.txt', ...processed.map((c) => basename(c.path))]);
    for (const c of processed) expectSoundResult(results.find((x) => basename(x.candidate.path) === basename(c.path))!, c.path, c.embedded);
  });
});
