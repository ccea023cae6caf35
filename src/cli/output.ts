import { writeFileAtomic } from '../util/atomic.js';
import { InputError } from '../errors.js';

/** Results go to stdout, or atomically to --out; the note that a file was written goes to stderr. */
export function emit(content: string, out: string | undefined): void {
  if (!out) {
    process.stdout.write(content);
    return;
  }
  try {
    writeFileAtomic(out, content);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'its folder does not exist' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'it is a directory' : (code ?? (err as Error).message);
    throw new InputError(`cannot write ${out}: ${why}`);
  }
  process.stderr.write(`wrote ${out}\n`);
}
