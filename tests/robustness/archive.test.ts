import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useInputs } from './inputs.js';
import {
  expectedText,
  expectNoStackTrace,
  expectPairsInEmbeddedCopy,
  expectRefusal,
  expectSoundPassages,
  fixture,
  leftoverTempFiles,
  parascope,
  SIEFF,
  tempDir,
  type PassageJson,
} from './harness.js';

const { dir, inputs } = useInputs();
const sieff = readFileSync(SIEFF, 'utf8');
/** Archive of three seed articles, the op-ed among them: what `check` searches. */
const seeds = join(dir, 'seeds.db');
/** Archive every input is added to, one by one; verified at the end. */
const added = join(dir, 'added.db');

beforeAll(() => {
  const r = parascope(['index', 'add', '-a', seeds, SIEFF, fixture('cgtn-shared-future'), fixture('chinadaily-cements-ties')]);
  expect(r.code).toBe(0);
});

interface CheckJson {
  candidate: { length: number };
  matches: { document: { path: string }; passages: PassageJson[] }[];
}

describe('index add, check and scan, on each input', () => {
  for (const input of inputs) {
    it(`${input.name}: ${input.directory ? 'refused by check, walked by index add and scan' : input.outcome}`, () => {
      // index add: a file that is not an article is skipped with one line, the rest of the run goes on.
      const add = parascope(['index', 'add', '-a', added, input.path]);
      expectNoStackTrace(add);
      if (input.outcome === 'processed' || input.directory) {
        expect(add).toMatchObject({ code: 0, stderr: '' });
        expect(add.stdout).toMatch(/^added 1, replaced 0, unchanged 0, skipped 0\n$|^added 0, replaced 0, unchanged 1, skipped 0\n$/);
      } else if (!existsSync(input.path)) {
        expectRefusal(add, /no such file or directory/); // a path the user typed that does not exist stops the run
      } else {
        expect(add.code).toBe(2);
        expect(add.stdout).toBe('added 0, replaced 0, unchanged 0, skipped 1\n');
        expect(add.stderr).toMatch(new RegExp(`^parascope: skipped ${input.path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `));
        expect(add.stderr.trimEnd().split('\n')).toHaveLength(1);
        expect(add.stderr).toMatch(input.refusal!);
      }

      // check: the input as the article to check.
      const out = join(dir, `check-${input.name.replace(/\W+/g, '-')}.json`);
      const check = parascope(['check', input.path, '-a', seeds, '--format', 'json', '--fail-on', 'never', '--out', out]);
      expect(leftoverTempFiles(dir)).toEqual([]);
      if (input.outcome === 'refused') {
        expectRefusal(check, input.refusal!);
        expect(existsSync(out)).toBe(false);
      } else {
        expectNoStackTrace(check);
        expect(check).toMatchObject({ code: 0, stdout: '', stderr: `wrote ${out}\n` });
        const report = JSON.parse(readFileSync(out, 'utf8')) as CheckJson;
        const text = expectedText(input.path);
        expect(report.candidate.length).toBe(text.length);
        for (const m of report.matches) expectSoundPassages(m.passages, expectedText(m.document.path), text);
        if (input.embedded) {
          expect(report.matches[0]?.document.path).toBe(SIEFF);
          expectPairsInEmbeddedCopy(report.matches[0]!.passages, text, input.embedded, sieff);
        }
      }

      // scan: the input next to the op-ed.
      const scan = parascope(['scan', SIEFF, input.path]);
      expectNoStackTrace(scan);
      if (!existsSync(input.path)) {
        expectRefusal(scan, /no such file or directory/);
        return;
      }
      const skipped = input.outcome === 'refused' && !input.directory;
      expect(scan.code).toBe(skipped ? 2 : 0);
      expect(scan.stderr).toBe(skipped ? scan.stderr : '');
      if (skipped) {
        expect(scan.stderr.trimEnd().split('\n')).toHaveLength(1);
        expect(scan.stderr).toMatch(input.refusal!);
      }
      const result = JSON.parse(scan.stdout) as { documents: number; pairs: (PassageJson & { source: { path: string }; candidate: { path: string }; passages: PassageJson[] })[] };
      expect(result.documents).toBe(skipped ? 1 : 2);
      for (const pair of result.pairs) expectSoundPassages(pair.passages, expectedText(pair.source.path), expectedText(pair.candidate.path));
    });
  }

  it('the archive every input was added to passes index verify and lists exactly the processed ones', () => {
    expect(parascope(['index', 'verify', '-a', added])).toMatchObject({ code: 0, stderr: '', stdout: expect.stringMatching(/^ok: \d+ documents, no problems\n$/) });
    const list = JSON.parse(parascope(['index', 'list', '-a', added, '--format', 'json']).stdout) as { path: string }[];
    const expected = inputs.filter((c) => c.outcome === 'processed').map((c) => c.path);
    expected.push(join(dir, 'folder', 'inside.txt'));
    expect(list.map((d) => d.path).sort()).toEqual(expected.sort());
  });
});

describe('every archive command, given something that is not an archive', () => {
  const archives = (() => {
    const d = tempDir();
    const file = (name: string, content: string | Uint8Array) => {
      writeFileSync(join(d, name), content);
      return join(d, name);
    };
    mkdirSync(join(d, 'folder.db'));
    return [
      { name: 'missing path', path: join(d, 'missing.db'), message: /no such archive/ },
      { name: 'a directory', path: join(d, 'folder.db'), message: /folder\.db: is a directory, expected an archive file/ },
      // SQLite treats an empty file as an empty database: `index add` makes it an archive, every other command refuses it.
      { name: 'empty file', path: file('empty.db', ''), message: /empty\.db: is an empty file, not a parascope archive/ },
      { name: 'a text file', path: file('notes.db', 'meeting notes\n'), message: /notes\.db: is not a parascope archive \(not an SQLite database\)/ },
      { name: 'a truncated archive', path: join(d, 'truncated.db'), message: /truncated\.db: archive is damaged/ },
    ];
  })();

  beforeAll(() => {
    // The first pages of a real archive: the header is right, the rest is missing.
    const whole = join(dir, 'whole.db');
    expect(parascope(['index', 'add', '-a', whole, SIEFF, fixture('pasha-rewrite'), fixture('cgtn-shared-future')]).code).toBe(0);
    expect(statSync(whole).size).toBeGreaterThan(40_000);
    writeFileSync(archives.find((a) => a.name === 'a truncated archive')!.path, readFileSync(whole).subarray(0, 20_000));
  });

  const commands: { name: string; args: (archive: string) => string[]; creates?: boolean }[] = [
    { name: 'index add', args: (a) => ['index', 'add', '-a', a, SIEFF], creates: true },
    { name: 'index remove', args: (a) => ['index', 'remove', '-a', a, 'abcdef012345'] },
    { name: 'index list', args: (a) => ['index', 'list', '-a', a] },
    { name: 'index stats', args: (a) => ['index', 'stats', '-a', a] },
    { name: 'index verify', args: (a) => ['index', 'verify', '-a', a] },
    { name: 'check', args: (a) => ['check', SIEFF, '-a', a] },
    { name: 'scan --archive', args: (a) => ['scan', '--archive', a] },
  ];

  for (const archive of archives) {
    it(`${archive.name}: refused by every command with one line${['missing path', 'empty file'].includes(archive.name) ? ' (index add creates the archive)' : ''}`, () => {
      for (const command of commands) {
        const copy = join(tempDir(), archive.path.split('/').at(-1)!);
        if (existsSync(archive.path)) {
          if (statSync(archive.path).isDirectory()) mkdirSync(copy);
          else copyFileSync(archive.path, copy);
        }
        const r = parascope(command.args(copy));
        const creates = command.creates && ['missing path', 'empty file'].includes(archive.name);
        if (creates) {
          expect(r, `${command.name} on ${archive.name}`).toMatchObject({ code: 0, stdout: 'added 1, replaced 0, unchanged 0, skipped 0\n', stderr: '' });
          expect(parascope(['index', 'verify', '-a', copy]).code).toBe(0);
        } else {
          expectRefusal(r, archive.message);
        }
      }
    });
  }
});
