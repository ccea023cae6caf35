import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type winkNLPFactory from 'wink-nlp';

/**
 * wink-nlp, loaded so that tokenization depends only on the text. wink's lexicon cache learns every
 * out-of-vocabulary word it meets, and its tokenizer consults the cache before splitting a chunk: once
 * "Sony's" has been seen before a full stop (kept whole, and learned), every later "Sony's" stays one token
 * where a fresh process splits it into "Sony" + "'s". Other learned forms ("&lt", "...", "8bn") behave the
 * same way. Results then depended on what the process analyzed before: 50 of the 2,225 bbc-news articles
 * tokenized differently on a second pass, and `check` gave different scores the second time.
 *
 * The fix: wrap wink's cache factory so that `lookup` answers only for the model's own vocabulary, never for
 * learned words; every text is then tokenized the way a fresh process tokenizes it. Learned words still get
 * their lexicon entries (wink needs them for features); only the tokenizer's shortcut is closed.
 */
export function loadWink(): typeof winkNLPFactory {
  const require = createRequire(import.meta.url);
  const main = require.resolve('wink-nlp');
  const cachePath = join(dirname(main), 'cache.js');
  // wink-nlp.js takes the factory when it is first loaded, so the wrapper must be in place before that. A
  // second module instance of this file (test runners re-evaluate modules) finds the wrapper already there.
  const loaded = require.cache[cachePath]?.exports as { [WRAPPED]?: true } | undefined;
  if (loaded?.[WRAPPED]) return require('wink-nlp') as typeof winkNLPFactory;
  if (require.cache[main]) throw new Error('wink-nlp was loaded before src/text/wink-stateless.ts could wrap its cache');
  const original = require(cachePath) as (...args: unknown[]) => WinkCache;
  const wrapped = (...args: unknown[]): WinkCache => {
    const cache = original(...args);
    const { lookup, add } = cache;
    const intrinsic = cache.intrinsicSize();
    // The model's feature extractors look learned words up while `add` files a new one: let those through.
    let adding = 0;
    cache.add = (...a: unknown[]) => {
      adding++;
      try {
        return add(...a);
      } finally {
        adding--;
      }
    };
    cache.lookup = (text: string) => {
      const found = lookup(text);
      return adding === 0 && found && found.length === 1 && found[0]! >= intrinsic ? null : found;
    };
    return cache;
  };
  require.cache[cachePath]!.exports = Object.assign(wrapped, { [WRAPPED]: true as const });
  return require('wink-nlp') as typeof winkNLPFactory;
}

const WRAPPED = Symbol.for('parascope.wink-stateless');

interface WinkCache {
  lookup(text: string): number[] | null;
  add(...args: unknown[]): unknown;
  intrinsicSize(): number;
}
