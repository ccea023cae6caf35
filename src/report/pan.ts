import type { CompareResult } from '../result.js';

/** The document names PAN files refer to: bare file names ("suspicious-document00001.txt"), not paths. */
export interface PanReferences {
  candidate: string;
  source: string;
}

/**
 * A compare result as a PAN text-alignment detection file: one `detected-plagiarism` feature per passage,
 * where "this" is the candidate (PAN's suspicious document). Offsets are our UTF-16 string indices, which equal
 * PAN's character offsets for text without characters outside the Basic Multilingual Plane (the PAN corpora
 * have none). References default to the file names of the result's paths.
 */
export function renderPan(result: CompareResult, references: Partial<PanReferences> = {}): string {
  const candidate = references.candidate ?? fileName(result.candidate.path, 'candidate');
  const source = references.source ?? fileName(result.source.path, 'source');
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', `<document reference="${escapeAttribute(candidate)}">`];
  for (const p of result.passages) {
    lines.push(
      `<feature name="detected-plagiarism" this_offset="${p.candidate.start}" this_length="${p.candidate.end - p.candidate.start}"` +
        ` source_reference="${escapeAttribute(source)}" source_offset="${p.source.start}" source_length="${p.source.end - p.source.start}"/>`,
    );
  }
  lines.push('</document>');
  return lines.join('\n') + '\n';
}

/** The detection file name PAN tools expect for a pair: `<candidate>-<source>.xml`, extensions dropped. */
export function panFileName(references: PanReferences): string {
  return `${stem(references.candidate)}-${stem(references.source)}.xml`;
}

function fileName(path: string | null, side: string): string {
  if (path === null) throw new Error(`renderPan: the ${side} has no path; pass its reference name`);
  return path.split(/[\\/]/).pop() ?? path;
}

function stem(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** XML attribute escaping; tabs and newlines as character references, which a parser would otherwise turn into spaces. */
export function escapeAttribute(value: string): string {
  return value.replace(/[&<>"'\t\n\r]/g, (c) => XML_ESCAPES[c] ?? `&#${c.charCodeAt(0)};`);
}
