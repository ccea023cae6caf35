import { describe, expect, it } from 'vitest';
import { openArchive } from '../../src/archive/archive.js';
import type { CheckReport } from '../../src/archive/check.js';
import type { ScanResult } from '../../src/archive/scan.js';
import { renderCheck } from '../../src/report/check.js';
import { matchAsCompareResult } from '../../src/report/check-match.js';
import { renderScanCsv } from '../../src/report/check-scan.js';
import { fixturePath, seed } from '../helpers/fixtures.js';

async function seedReport(sourcePath = fixturePath('sieff-oped.txt'), html = false): Promise<CheckReport> {
  const archive = openArchive(':memory:');
  await archive.addText(sourcePath, seed('sieff-oped'));
  await archive.addText(fixturePath('cgtn-shared-future.txt'), seed('cgtn-shared-future'));
  const report = await archive.checkReport(seed('pasha-rewrite'), { path: 'pasha.txt', compare: { alignmentMap: html } });
  await archive.close();
  return report;
}

describe('check reports', () => {
  it('text: verdict, each match with id, path, title and passages with offsets and excerpts', async () => {
    const report = await seedReport();
    const text = renderCheck('text', report);
    const m = report.result.matches[0]!;
    expect(text).toContain('verdict:   paraphrase');
    expect(text).toContain(`#1 paraphrase  ${fixturePath('sieff-oped.txt')}  [${m.document.id}]`);
    expect(text).toContain(`title:    ${m.document.title}`);
    const p = m.passages[0]!;
    expect(text).toContain(`candidate [${p.candidate.start}, ${p.candidate.end})`);
    expect(text).toContain(`source    [${p.source.start}, ${p.source.end})`);
    expect(text).toContain('Russian President Vladimir');
  });

  it('json: the documented shape, passages as in compare results', async () => {
    const report = await seedReport();
    const json = JSON.parse(renderCheck('json', report));
    expect(Object.keys(json)).toEqual(['schemaVersion', 'candidate', 'verdict', 'coverage', 'matches', 'archive']);
    expect(json.schemaVersion).toBe(1);
    expect(json.candidate.path).toBe('pasha.txt');
    expect(Object.keys(json.matches[0].document)).toEqual(['id', 'path', 'title', 'length', 'sentences']);
    expect(Object.keys(json.matches[0].passages[0])).toEqual(['source', 'candidate', 'similarity', 'kind', 'score', 'pairs']);
    expect(json.matches[0].map).toBeUndefined();
  });

  it('a match converts back to the compare result of the pair', async () => {
    const report = await seedReport();
    const r = matchAsCompareResult(report.result.matches[0]!, report.result.candidate);
    expect(r.source.path).toBe(fixturePath('sieff-oped.txt'));
    expect(r.candidate).toEqual({ path: 'pasha.txt', length: report.candidateText.length, sentences: report.result.candidate.sentences });
    expect(r.verdict).toBe('paraphrase');
  });

  it('html: each match is a sandboxed side-by-side report, escaped, allowed by the page policy', async () => {
    const hostile = '/tmp/<script>alert("x")</script>&"quotes".txt';
    const report = await seedReport(hostile, true);
    const html = renderCheck('html', report);
    expect(html).not.toContain('<script>alert');
    expect(html.match(/<iframe sandbox="allow-scripts"/g)).toHaveLength(report.result.matches.length);
    // The pair report is inside srcdoc, attribute-escaped: no raw tag of it leaks into the outer page.
    expect(html.match(/<script/g) ?? []).toHaveLength(0);
    const policy = /content="([^"]*)"/.exec(html)![1]!;
    const inner = /srcdoc="([^"]*)"/.exec(html)![1]!.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    const innerScript = /script-src ([^;]*)/.exec(/Content-Security-Policy" content="([^"]*)"/.exec(inner)![1]!.replace(/&#39;/g, "'"))![1]!;
    expect(policy.replace(/&#39;/g, "'")).toContain(`script-src ${innerScript}`);
    expect(policy).toContain('default-src &#39;none&#39;');
  });

  it('html without matches says so and allows no script', async () => {
    const archive = openArchive(':memory:');
    await archive.addText('/x.txt', seed('cgtn-shared-future'));
    const html = renderCheck('html', await archive.checkReport(seed('pasha-rewrite')));
    await archive.close();
    expect(html).toContain('No reuse of archived documents found.');
    expect(html).toContain('script-src &#39;none&#39;');
  });
});

describe('scan CSV', () => {
  it('one row per duplicate member and per reuse pair, quoted and formula-safe', async () => {
    const doc = (id: string, path: string) => ({ id, path, title: 't' });
    const result: ScanResult = {
      schemaVersion: 1,
      documents: 4,
      groups: [{ kind: 'identical', documents: [doc('a', '/x/a.txt'), doc('b', '/x/b, "copy".txt')], jaccard: 1 }],
      pairs: [
        {
          source: doc('c', '=cmd|calc.txt'),
          candidate: doc('d', '/y/d.txt'),
          verdict: 'partial-reuse',
          coverage: { source: 0.25, candidate: 0.4 },
          similarity: 0.6,
          resemblance: { jaccard: 0.1, containment: 0.2 },
          passages: [],
        },
      ],
    };
    expect(renderScanCsv(result).split('\n')).toEqual([
      'type,group,source_id,source_path,candidate_id,candidate_path,verdict,coverage_source,coverage_candidate,similarity,jaccard,passages',
      'identical,1,a,/x/a.txt,b,"/x/b, ""copy"".txt",duplicate,,,,1,',
      "reuse,,c,'=cmd|calc.txt,d,/y/d.txt,partial-reuse,0.25,0.4,0.6,0.1,0",
      '',
    ]);
  });
});
