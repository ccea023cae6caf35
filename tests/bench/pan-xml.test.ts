import { describe, expect, it } from 'vitest';
import { parseAnnotations, parsePanXml } from '../../bench/pan/xml.js';

// The layout of the PAN 2013 ground truth: extra features, doubled spaces, tabs, attributes in any order.
const TRUTH = `<document  reference="suspicious-document00005.txt">
\t<feature  name="about" authors="DUC2006" title="news" language="en" />
<feature name="plagiarism" obfuscation="none" source_length="698" source_offset="1300" source_reference="source-document01090.txt" this_length="698" this_offset="3593" type="artificial" />
<feature this_offset='10' this_length='5' source_reference='a&amp;b.txt' source_offset='0' source_length='7' name='plagiarism'/>
</document>
`;

describe('PAN XML reader', () => {
  it('reads ground-truth cases, skipping other features', () => {
    expect(parseAnnotations(TRUTH, 'plagiarism')).toEqual([
      { pair: 'suspicious-document00005.txt source-document01090.txt', suspicious: { start: 3593, end: 4291 }, source: { start: 1300, end: 1998 } },
      { pair: 'suspicious-document00005.txt a&b.txt', suspicious: { start: 10, end: 15 }, source: { start: 0, end: 7 } },
    ]);
    expect(parseAnnotations(TRUTH, 'detected-plagiarism')).toEqual([]);
  });

  it('reads a document without features', () => {
    expect(parsePanXml('<document reference="suspicious-document00017.txt">\n</document>\n')).toEqual({ reference: 'suspicious-document00017.txt', features: [] });
  });

  it('refuses a file without a document reference or with a broken offset', () => {
    expect(() => parsePanXml('<doc/>', 'x.xml')).toThrow(/x\.xml: no <document reference/);
    const bad = '<document reference="s.txt"><feature name="plagiarism" this_offset="-3" this_length="5" source_reference="r.txt" source_offset="0" source_length="5"/></document>';
    expect(() => parseAnnotations(bad, 'plagiarism', 'bad.xml')).toThrow(/bad\.xml: .*this_offset/);
  });
});
