import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { InputError } from '../errors.js';

/**
 * The files named by `paths`, directories expanded recursively in sorted order, as absolute paths. Hidden
 * entries (".git", ".DS_Store") inside directories are skipped; symbolic links to directories are not
 * followed, so a link cycle cannot loop. A path that does not exist is an InputError.
 */
export function expandPaths(paths: readonly string[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (file: string) => {
    if (!seen.has(file)) {
      seen.add(file);
      out.push(file);
    }
  };
  for (const p of paths) {
    const abs = resolve(p);
    let stat;
    try {
      stat = statSync(abs);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      throw new InputError(`${p}: ${code === 'ENOENT' ? 'no such file or directory' : `cannot be read (${code})`}`);
    }
    if (stat.isDirectory()) walk(abs, add);
    else add(abs);
  }
  return out;
}

function walk(dir: string, add: (file: string) => void): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    throw new InputError(`${dir}: cannot be read (${(err as NodeJS.ErrnoException).code})`);
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const path = join(dir, e.name);
    if (e.isDirectory()) walk(path, add);
    else if (e.isFile()) add(path);
    else if (e.isSymbolicLink()) {
      try {
        if (statSync(path).isFile()) add(path);
      } catch {
        // a dangling link: nothing to index
      }
    }
  }
}
