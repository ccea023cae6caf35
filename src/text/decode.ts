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
  if (body.includes(0)) throw new InputError(`${name}: looks like a binary file (it contains NUL bytes), not text`);
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

/** Control characters other than tab, newline, carriage return and form feed mark binary data. */
const BINARY_CONTROL = /[\u0000-\u0008\u000e-\u001a\u001c-\u001f]/g;

function checkText(text: string, name: string): string {
  if (text.trim().length === 0) throw new InputError(`${name}: the file is empty (no text to compare)`);
  const controls = text.match(BINARY_CONTROL)?.length ?? 0;
  if (controls > 0 && controls / text.length > 0.01) {
    throw new InputError(`${name}: looks like a binary file (${controls} control characters), not text`);
  }
  return text;
}
