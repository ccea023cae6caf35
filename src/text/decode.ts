import { InputError } from '../errors.js';

export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be';

export interface DecodedText {
  text: string;
  encoding: Encoding;
}

/**
 * Turn a file's bytes into the text every offset refers to.
 * UTF-8 (with or without BOM) and UTF-16 with BOM are accepted; the BOM is not part of the text.
 * Invalid UTF-8 and binary data are refused rather than guessed at: a wrong guess would silently
 * produce offsets that point nowhere useful.
 */
export function decodeText(bytes: Uint8Array, name = 'input'): DecodedText {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: checkText(decodeStrict('utf-16le', bytes.subarray(2), name), name), encoding: 'utf-16le' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: checkText(decodeStrict('utf-16be', bytes.subarray(2), name), name), encoding: 'utf-16be' };
  }
  const hasBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  const format = binaryFormat(body);
  if (format) throw new InputError(`${name}: looks like ${format} (binary), not text`);
  const utf16 = utf16WithoutBom(body);
  if (utf16) throw new InputError(`${name}: looks like UTF-16 text without a byte-order mark (${utf16}); save it as UTF-8, or as UTF-16 with a BOM`);
  const text = decodeStrict('utf-8', body, name);
  return { text: checkText(text, name), encoding: hasBom ? 'utf-8-bom' : 'utf-8' };
}

function decodeStrict(label: 'utf-8' | 'utf-16le' | 'utf-16be', bytes: Uint8Array, name: string): string {
  try {
    // ignoreBOM: the BOM was already consumed above; a second one is content.
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new InputError(`${name}: not valid ${label.toUpperCase()} text (is it a binary file or another encoding?)`);
  }
}

/** Control characters other than tab, newline, vertical tab, form feed and carriage return. */
const BINARY_CONTROL = /[\u0000-\u0008\u000e-\u001f]/g;

/**
 * Above this share of control characters a "text" is binary data or garbage. Real text captured from the web
 * carries a few stray ones (NULs, U+0019 for a mis-decoded apostrophe: 15 of PAN 2013's 5,057 documents,
 * at most 1.3% of their characters); they are kept in place so that offsets stay those of the file.
 */
export const MAX_CONTROL_SHARE = 0.05;

function checkText(text: string, name: string): string {
  if (text.length === 0) throw new InputError(`${name}: the file is empty (no text to compare)`);
  if (text.trim().length === 0) throw new InputError(`${name}: the file is empty apart from whitespace (no text to compare)`);
  const controls = text.match(BINARY_CONTROL)?.length ?? 0;
  if (controls / text.length > MAX_CONTROL_SHARE) {
    throw new InputError(`${name}: looks like a binary file (${controls} control characters in ${text.length}), not text`);
  }
  return text;
}

const MAGIC: [string, number[]][] = [
  ['a PDF document', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['a GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['a ZIP archive (or a Word/OpenDocument file)', [0x50, 0x4b, 0x03, 0x04]],
  ['a gzip archive', [0x1f, 0x8b]],
  ['an old Word/Excel document', [0xd0, 0xcf, 0x11, 0xe0]],
];

/** Name the binary format a file starts with, so the refusal says what the file actually is. */
function binaryFormat(bytes: Uint8Array): string | undefined {
  return MAGIC.find(([, magic]) => magic.every((b, i) => bytes[i] === b))?.[0];
}

/**
 * UTF-16 saved without a BOM (some Windows tools do) has a NUL in every other byte wherever the text is
 * Latin. Decoding it as UTF-8 would fail or yield garbage; naming the encoding tells the user what to fix.
 */
function utf16WithoutBom(bytes: Uint8Array): 'little-endian' | 'big-endian' | undefined {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 8) return undefined;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNuls++;
    if (bytes[i + 1] === 0) oddNuls++;
  }
  const pairs = n / 2;
  if (oddNuls > 0.4 * pairs && evenNuls < 0.05 * pairs) return 'little-endian';
  if (evenNuls > 0.4 * pairs && oddNuls < 0.05 * pairs) return 'big-endian';
  return undefined;
}
