/**
 * An error caused by what the user gave us (a path, a file's bytes, an option), as opposed to a bug.
 * The CLI prints its message as one line and exits with code 2; anything else is a bug.
 */
export class InputError extends Error {
  override readonly name = 'InputError';
}
