import { describe, expect, it } from 'vitest';
import { parseAnnotations, parsePanXml } from '../../bench/pan/xml.js';
import { compare } from '../../src/compare.js';
import { panFileName, renderPan } from '../../src/report/pan.js';
import type { CompareResult, Passage } from '../../src/result.js';
import { seed } from '../helpers/fixtures.js';

function passage(candidate: [number, number], source: [number, number]): Passage {
  return {
    candidate: { start: candidate[0], end: candidate[1] },
    source: { start: source[0], end: source[1] },
    similarity: 0.9,
    kind: 'paraphrase',
    score: 1.2,
    pairs: [],
  };
}

function result(passages: Passage[], sourcePath: string | null, candidatePath: string | null): CompareResult {
  return {
    schemaVersion: 1,
    source: { path: sourcePath, length: 5000, sentences: 40 },
    candidate: { path: candidatePath, length: 3000, sentences: 30 },
    verdict: passages.length > 0 ? 'partial-reuse' : 'none',
    coverage: { candidate: 0.2, source: 0.1 },
    similarity: 0.9,
    resemblance: { jaccard: 0.1, containment: 0.2 },
    passages,
  };
}

describe('renderPan', () => {
  it('writes one detected-plagiarism feature per passage, "this" being the candidate', () => {
    const xml = renderPan(result([passage([10, 110], [2000, 2250]), passage([300, 310], [0, 40])], '/data/src/source-document00010.txt', 'susp/suspicious-document00013.txt'));
    expect(xml).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<document reference="suspicious-document00013.txt">',
        '<feature name="detected-plagiarism" this_offset="10" this_length="100" source_reference="source-document00010.txt" source_offset="2000" source_length="250"/>',
        '<feature name="detected-plagiarism" this_offset="300" this_length="10" source_reference="source-document00010.txt" source_offset="0" source_length="40"/>',
        '</document>',
        '',
      ].join('\n'),
    );
  });

  it('writes an empty document when nothing was found', () => {
    const xml = renderPan(result([], 'a.txt', 'b.txt'));
    expect(parsePanXml(xml)).toEqual({ reference: 'b.txt', features: [] });
  });

  it('escapes attribute values and round-trips through a PAN reader', () => {
    const names = { candidate: 'R&D "draft" <1>.txt', source: "it's\tnew.txt" };
    const xml = renderPan(result([passage([5, 9], [7, 8])], null, null), names);
    expect(xml).not.toMatch(/"R&D/);
    expect(xml).toContain('reference="R&amp;D &quot;draft&quot; &lt;1&gt;.txt"');
    expect(xml).toContain('source_reference="it&apos;s&#9;new.txt"');
    expect(parseAnnotations(xml, 'detected-plagiarism')).toEqual([
      { pair: `${names.candidate} ${names.source}`, suspicious: { start: 5, end: 9 }, source: { start: 7, end: 8 } },
    ]);
  });

  it('refuses to guess a reference for text that has no path', () => {
    expect(() => renderPan(result([], null, 'b.txt'))).toThrow(/source has no path/);
  });

  it('carries the ranges of a real comparison unchanged', () => {
    const r = compare(seed('sieff-oped'), seed('pasha-rewrite'), { sourcePath: 'sieff-oped.txt', candidatePath: 'pasha-rewrite.txt' });
    expect(r.passages.length).toBeGreaterThan(0);
    const detections = parseAnnotations(renderPan(r), 'detected-plagiarism');
    expect(detections).toEqual(r.passages.map((p) => ({ pair: 'pasha-rewrite.txt sieff-oped.txt', suspicious: p.candidate, source: p.source })));
  });
});

describe('panFileName', () => {
  it('joins candidate and source without extensions', () => {
    expect(panFileName({ candidate: 'suspicious-document00013.txt', source: 'source-document00010.txt' })).toBe('suspicious-document00013-source-document00010.xml');
    expect(panFileName({ candidate: 'dir/a.b.txt', source: 'noext' })).toBe('a.b-noext.xml');
  });
});
