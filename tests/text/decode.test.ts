import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { decodeText } from '../../src/text/decode.js';

const utf8 = (s: string) => new TextEncoder().encode(s);
function utf16(s: string, bigEndian: boolean): Uint8Array {
  const out = new Uint8Array(2 + s.length * 2);
  out.set(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out[2 + 2 * i] = bigEndian ? c >> 8 : c & 0xff;
    out[3 + 2 * i] = bigEndian ? c & 0xff : c >> 8;
  }
  return out;
}
const sample = 'Putin’s visit\r\n\tcost $95\u00a0billion — 中文 😀';

describe('decodeText', () => {
  it('reads UTF-8 as is, keeping CRLF, tabs, NBSP and astral characters', () => {
    expect(decodeText(utf8(sample))).toEqual({ text: sample, encoding: 'utf-8' });
  });

  it('drops a UTF-8 byte order mark, which is not part of the text offsets refer to', () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(sample)]))).toEqual({ text: sample, encoding: 'utf-8-bom' });
  });

  it.each([false, true])('reads UTF-16 with a BOM (big endian: %s)', (bigEndian) => {
    const decoded = decodeText(utf16(sample, bigEndian));
    expect(decoded.text).toBe(sample);
    expect(decoded.encoding).toBe(bigEndian ? 'utf-16be' : 'utf-16le');
  });

  it.each([
    ['invalid UTF-8', new Uint8Array([0x61, 0x62, 0xc3, 0x28, 0x61]), /not valid UTF-8/],
    ['a PNG image', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x61]), /PNG image \(binary\)/],
    ['a PDF document', utf8('%PDF-1.7\n%âãÏÓ\n1 0 obj'), /PDF document/],
    ['a ZIP or .docx archive', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x61]), /ZIP archive/],
    ['UTF-16 LE without a BOM', new Uint8Array([...utf8('Hello world')].flatMap((b) => [b, 0])), /UTF-16 text without a byte-order mark \(little-endian\)/],
    ['UTF-16 BE without a BOM', new Uint8Array([...utf8('Hello world')].flatMap((b) => [0, b])), /UTF-16 text without a byte-order mark \(big-endian\)/],
    ['mostly NUL bytes', new Uint8Array([...utf8('Hello world')].flatMap((b) => [b, 0, 0])), /binary/],
    ['an empty file', new Uint8Array(), /empty/],
    ['whitespace only', utf8(' \n\t\r\n\u00a0 '), /empty apart from whitespace/],
    ['control characters', utf8('ab\u0001\u0002\u0003\u0004cd'), /binary/],
  ])('refuses %s with an InputError naming the input', (_, bytes, message) => {
    expect(() => decodeText(bytes, 'draft.txt')).toThrow(InputError);
    expect(() => decodeText(bytes, 'draft.txt')).toThrow(message);
    expect(() => decodeText(bytes, 'draft.txt')).toThrow(/^draft\.txt: /);
  });

  it('keeps rare stray control bytes of real web text in place, so offsets stay those of the file', () => {
    const text = 'It is the student\u0019s responsibility.\u0000 Documentation is required 30 days in advance. '.repeat(3);
    expect(decodeText(utf8(text)).text).toBe(text);
  });
});
