import { expect, it } from 'vitest';
import { openArchive } from '../../src/archive/archive.js';
import { boilerplateThreshold } from '../../src/archive/boilerplate.js';
import { SEED_NAMES, fixturePath, seed } from '../helpers/fixtures.js';
import { article, describeBackends, tempArchive, type Backend } from './helpers.js';

async function seedArchive(backend: Backend, except: string[]) {
  const { archive } = tempArchive(backend);
  for (const name of SEED_NAMES) if (!except.includes(name)) await archive.addText(fixturePath(`${name}.txt`), seed(name));
  for (let i = 0; i < 20; i++) await archive.addText(`/distractors/${i}.txt`, article(1000 + i));
  return archive;
}

describeBackends('check', (backend) => {
  it('finds the paraphrased source of the seed rewrite, with offsets into both texts', async () => {
    const archive = await seedArchive(backend, ['pasha-rewrite']);
    const report = await archive.checkReport(seed('pasha-rewrite'), { path: 'pasha-rewrite.txt' });
    const { result } = report;
    expect(result.schemaVersion).toBe(1);
    expect(result.verdict).toBe('paraphrase');
    expect(result.matches[0]!.document.path).toBe(fixturePath('sieff-oped.txt'));
    expect(result.matches[0]!.verdict).toBe('paraphrase');
    const p = result.matches[0]!.passages[0]!;
    expect(report.candidateText.slice(p.candidate.start, p.candidate.end)).toMatch(/^Russian President Vladimir Putin/);
    expect(report.sourceTexts[0]!.slice(p.source.start, p.source.end)).toMatch(/Putin/);
    expect(result.archive.documents).toBe(24);
    // Ranked by how much of the candidate each document covers.
    const covers = result.matches.map((m) => m.coverage.candidate);
    expect(covers).toEqual([...covers].sort((a, b) => b - a));
    await archive.close();
  });

  it('never matches an archived article with itself, but does match a copy at another path', async () => {
    const archive = await seedArchive(backend, []);
    const self = (await archive.checkReport(seed('sieff-oped'), { path: fixturePath('sieff-oped.txt') })).result;
    expect(self.matches.map((m) => m.document.path)).not.toContain(fixturePath('sieff-oped.txt'));
    expect(self.matches.map((m) => m.document.path)).toContain(fixturePath('pasha-rewrite.txt'));
    const copy = await archive.check(seed('sieff-oped'), { path: '/elsewhere/sieff-copy.txt' });
    expect(copy.verdict).toBe('duplicate');
    expect(copy.matches[0]!.document.path).toBe(fixturePath('sieff-oped.txt'));
    await archive.close();
  });

  it('--top limits the matches reported, not the verdict', async () => {
    const archive = await seedArchive(backend, []);
    const all = await archive.check(seed('sieff-oped'), { path: '/elsewhere/copy.txt' });
    const one = await archive.check(seed('sieff-oped'), { path: '/elsewhere/copy.txt', top: 1 });
    expect(all.matches.length).toBeGreaterThan(1);
    expect(one.matches).toHaveLength(1);
    expect(one.verdict).toBe(all.verdict);
    await archive.close();
  });

  it('an empty archive finds nothing', async () => {
    const { archive } = tempArchive(backend);
    expect(await archive.check(seed('pasha-rewrite'))).toMatchObject({ verdict: 'none', matches: [], coverage: 0 });
    await archive.close();
  });
});

describeBackends('learned boilerplate', (backend) => {
  const about =
    'About Example Daily. Example Daily is an independent newspaper founded by river merchants in the old harbour town. ' +
    'Our reporters cover council budgets, ferry timetables, glacier research and the vineyard harvest every single week. ' +
    'Subscribers receive the printed orchard supplement, the turbine newsletter and the lantern festival guide by post. ' +
    'Letters to the editor may be shortened for length and clarity before they are printed in the weekend edition.';

  async function archiveWith(copies: number) {
    const { archive } = tempArchive(backend);
    for (let i = 0; i < copies; i++) await archive.addText(`/site/${i}.txt`, `${article(200 + i)}\n${about}\n`);
    return archive;
  }

  it('a block found in 5+ distinct articles is boilerplate: reported, never reuse', async () => {
    const archive = await archiveWith(6);
    const candidate = `${article(999)}\n${about}\n`;
    const result = await archive.check(candidate);
    expect(result.verdict).toBe('none');
    expect(result.candidate.boilerplate.map((r) => candidate.slice(r.start, r.end))).toContain('About Example Daily.');
    expect(result.candidate.boilerplate.length).toBeGreaterThanOrEqual(5);
    await archive.close();
  });

  it('the threshold is 5 texts, or 0.2% of a large archive', () => {
    expect([100, 2500, 2501, 100_000].map((n) => boilerplateThreshold(n))).toEqual([5, 5, 6, 200]);
  });

  it('the same block in only 4 articles is still reuse', async () => {
    const archive = await archiveWith(4);
    const result = await archive.check(`${article(999)}\n${about}\n`);
    expect(result.verdict).toBe('partial-reuse');
    expect(result.candidate.boilerplate).toEqual([]);
    await archive.close();
  });

  it('copies of one story do not make its sentences boilerplate', async () => {
    const { archive } = tempArchive(backend);
    const story = article(300, 20);
    // Six syndicated copies: the same text, and lightly edited versions (a different headline).
    for (let i = 0; i < 3; i++) await archive.addText(`/wire/${i}.txt`, story);
    for (let i = 0; i < 3; i++) await archive.addText(`/papers/${i}.txt`, story.replace('Story 300', `Headline ${i}`));
    expect((await archive.stats()).boilerplateUnits).toBe(0);
    const result = await archive.check(story, { path: '/new/rewrite.txt' });
    expect(result.verdict).toBe('duplicate');
    expect(result.candidate.boilerplate).toEqual([]);
    await archive.close();
  });
});

describeBackends('openArchive check on files', (backend) => {
  it('checkFile reads the article the way the CLI does', async () => {
    const { archive, path } = tempArchive(backend);
    await archive.addText(fixturePath('sieff-oped.txt'), seed('sieff-oped'));
    await archive.close();
    const ro = openArchive(path, { readonly: true });
    expect((await ro.checkFile(fixturePath('pasha-rewrite.txt'))).result.verdict).toBe('paraphrase');
    await ro.close();
  });
});
