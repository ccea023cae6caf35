import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/**
 * The one wink-nlp instance, created on first use (loading the model costs ~60 ms).
 * Only sentence boundary detection is enabled: lemmas and stop-word flags come without the POS tagger,
 * and skipping it halves tokenization time.
 */
let instance: ReturnType<typeof winkNLP> | undefined;

export function nlp(): ReturnType<typeof winkNLP> {
  instance ??= winkNLP(model, ['sbd']);
  return instance;
}
