import { pairKey, type Annotation } from './scorer.js';

/**
 * Reader for PAN annotation files: `<document reference="susp.txt">` holding `<feature name=".." ../>` tags.
 * The format is fixed and flat (no nesting, no text content), so a small tag/attribute scanner is enough and
 * needs no XML dependency. It accepts either quote style, any attribute order and whitespace, and the five
 * predefined entities plus character references; anything it cannot read is an error, not a silent skip.
 */
export interface PanDocument {
  reference: string;
  features: Record<string, string>[];
}

const DOCUMENT_TAG = /<document\b((?:[^>"']|"[^"]*"|'[^']*')*)>/;
const FEATURE_TAG = /<feature\b((?:[^>"']|"[^"]*"|'[^']*')*?)\/?>/g;
const ATTRIBUTE = /([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const ENTITY = /&(?:#x([0-9a-fA-F]+)|#([0-9]+)|(amp|lt|gt|quot|apos));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function parsePanXml(xml: string, file = 'PAN XML'): PanDocument {
  const document = DOCUMENT_TAG.exec(xml);
  const reference = document ? attributes(document[1]!).reference : undefined;
  if (reference === undefined) throw new Error(`${file}: no <document reference="..."> element`);
  const features = [...xml.matchAll(FEATURE_TAG)].map((m) => attributes(m[1]!));
  return { reference, features };
}

/**
 * The annotations named `featureName` ("plagiarism" in ground truth, "detected-plagiarism" in detections), with
 * "this" (the document the file is about) as the suspicious side.
 */
export function parseAnnotations(xml: string, featureName: string, file = 'PAN XML'): Annotation[] {
  const doc = parsePanXml(xml, file);
  return doc.features
    .filter((f) => f.name === featureName)
    .map((f) => {
      const int = (name: string): number => {
        const value = f[name];
        if (value === undefined || !/^\d+$/.test(value.trim())) throw new Error(`${file}: feature "${featureName}" has no valid ${name} (${JSON.stringify(value)})`);
        return Number(value);
      };
      const source = f.source_reference;
      if (source === undefined) throw new Error(`${file}: feature "${featureName}" has no source_reference`);
      const thisOffset = int('this_offset');
      const sourceOffset = int('source_offset');
      return {
        pair: pairKey(doc.reference, source),
        suspicious: { start: thisOffset, end: thisOffset + int('this_length') },
        source: { start: sourceOffset, end: sourceOffset + int('source_length') },
      };
    });
}

function attributes(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of text.matchAll(ATTRIBUTE)) out[m[1]!] = unescape(m[2] ?? m[3] ?? '');
  return out;
}

function unescape(value: string): string {
  return value.replace(ENTITY, (_, hex: string | undefined, dec: string | undefined, name: string | undefined) =>
    hex !== undefined ? String.fromCodePoint(parseInt(hex, 16)) : dec !== undefined ? String.fromCodePoint(Number(dec)) : NAMED[name!]!,
  );
}
