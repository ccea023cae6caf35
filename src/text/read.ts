import { readFileSync, statSync } from 'node:fs';
import { InputError } from '../errors.js';
import { decodeText, type DecodedText } from './decode.js';

/** Default ceiling on one article's size; a pre-publish check should refuse a log dump, not hang on it. */
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

export interface ReadArticle extends DecodedText {
  path: string;
}

/** Read and decode one article file, turning every way it can fail into one readable InputError. */
export function readArticle(path: string, maxBytes = DEFAULT_MAX_BYTES): ReadArticle {
  let bytes: Buffer;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw new InputError(`${path}: is a directory, expected a text file`);
    if (!stat.isFile()) throw new InputError(`${path}: is not a regular file`);
    if (stat.size > maxBytes) {
      throw new InputError(`${path}: is ${stat.size} bytes, over the limit of ${maxBytes} bytes (raise it with --max-bytes)`);
    }
    bytes = readFileSync(path);
  } catch (err) {
    throw toInputError(err, path);
  }
  return { path, ...decodeText(bytes, path) };
}

function toInputError(err: unknown, path: string): InputError {
  if (err instanceof InputError) return err;
  const code = (err as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return new InputError(`${path}: no such file`);
    case 'EACCES':
    case 'EPERM':
      return new InputError(`${path}: permission denied`);
    case 'EISDIR':
      return new InputError(`${path}: is a directory, expected a text file`);
    default:
      return new InputError(`${path}: cannot be read (${code ?? (err as Error).message})`);
  }
}
