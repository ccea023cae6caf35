import { createHash } from 'node:crypto';

/**
 * A document's stable id: the first 12 hex digits of sha256 of its absolute path. Re-adding a changed file
 * at the same path keeps its id; the same file gets the same id in every archive (handy for CI logs), and
 * ids need no counter shared between concurrent writers. `attempt` > 0 derives an alternative for the
 * (2^-48-unlikely) case of two paths with the same prefix.
 */
export function documentId(absolutePath: string, attempt = 0): string {
  const input = attempt === 0 ? absolutePath : `${absolutePath}\0${attempt}`;
  return createHash('sha256').update(input, 'utf8').digest('hex').slice(0, 12);
}
