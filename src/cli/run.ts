import { CommanderError, InvalidArgumentError } from 'commander';
import { InputError } from '../errors.js';

/** Exit codes: 0 success, 1 reuse at or above a --fail-on level, 2 bad input or usage. */
export const EXIT_USAGE = 2;
/** A bug in parascope, not in the input: still one line, never a stack trace (unless PARASCOPE_DEBUG is set). */
export const EXIT_INTERNAL = 3;

export function fail(message: string, code = EXIT_USAGE): never {
  process.stderr.write(`parascope: ${message.replace(/\s*\n\s*/g, ' ')}\n`);
  process.exit(code);
}

/** Run a command body, turning every error into one readable line on stderr and an exit code. */
export async function guard(body: () => void | Promise<void>): Promise<void> {
  watchOutputStreams();
  try {
    await body();
  } catch (err) {
    if (err instanceof CommanderError) process.exit(err.exitCode === 0 ? 0 : EXIT_USAGE);
    if (err instanceof InputError) fail(err.message);
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EPIPE') process.exit(0); // output piped into `head`: not an error
    if (process.env.PARASCOPE_DEBUG) process.stderr.write(`${(err as Error).stack}\n`);
    fail(`internal error: ${(err as Error).message ?? String(err)} (set PARASCOPE_DEBUG=1 for details)`, EXIT_INTERNAL);
  }
}

let watching = false;

/**
 * A failed write to stdout arrives as an 'error' event, after the command body returned, so guard's catch
 * never sees it and Node would print a stack trace. Output piped into `head` (EPIPE) is not an error.
 */
function watchOutputStreams(): void {
  if (watching) return;
  watching = true;
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    fail(`cannot write the output: ${err.code ?? err.message}`, EXIT_USAGE);
  });
  // Nowhere left to report a failure on stderr itself: leave quietly rather than crash with a trace.
  process.stderr.on('error', () => process.exit(process.exitCode ?? EXIT_USAGE));
}

/** commander argument parsers that reject bad values with a readable message. */
export function parseFraction(value: string): number {
  const x = Number(value);
  if (value.trim() === '' || !Number.isFinite(x) || x < 0 || x > 1) throw new InvalidArgumentError('expected a number from 0 to 1');
  return x;
}

export function parsePositiveInt(value: string): number {
  const x = Number(value);
  if (!Number.isInteger(x) || x <= 0) throw new InvalidArgumentError('expected a whole number above 0');
  return x;
}
