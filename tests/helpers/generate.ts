/**
 * Generators for the synthetic reuse cases: deterministic (seeded), so a failure reproduces.
 * They work on the raw text with regular expressions, independently of parascope's own tokenizer.
 */

/** mulberry32: a tiny seeded PRNG. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Sentences of a plain paragraph text: split after . ! ? followed by a space and a capital or quote. */
export function splitSentences(text: string): string[] {
  return text.split(/(?<=[.!?]["”’]?)\s+(?=["“‘A-Z])/).filter((s) => s.trim().length > 0);
}

/** The paragraphs (separated by blank lines) of a text. */
export function paragraphs(text: string): string[] {
  return text.split(/\n\s*\n/).map((p) => p.trim()).filter((p) => p.length > 0);
}

/** Hand-written thesaurus for news prose: each word with a synonym that fits most contexts. */
export const SYNONYMS: Record<string, string> = {
  visit: 'trip', visits: 'trips', important: 'significant', messages: 'signals', sides: 'parties',
  releasing: 'issuing', saying: 'stating', strengthen: 'reinforce', advocate: 'champion', statement: 'declaration',
  encompassed: 'covered', areas: 'fields', ranging: 'extending', issues: 'matters', expressed: 'voiced',
  grave: 'serious', concerns: 'worries', pursued: 'followed', course: 'naturally', first: 'initial',
  elected: 'chosen', another: 'one more', term: 'mandate', leader: 'head', major: 'big', country: 'nation',
  countries: 'nations', taken: 'seen', indicate: 'signal', exceptionally: 'unusually', close: 'intimate',
  relationship: 'bond', high: 'great', regard: 'esteem', leaders: 'heads', certainly: 'surely', case: 'situation',
  held: 'conducted', extended: 'lengthy', discussions: 'talks', past: 'last', fulfill: 'achieve', narrow: 'limited',
  goals: 'aims', include: 'comprise', weakening: 'undermining', curbing: 'restraining', development: 'growth',
  driving: 'pushing', continue: 'keep', fuel: 'feed', crisis: 'emergency', form: 'create', blocs: 'alliances',
  seeks: 'tries', avoid: 'shun', conflict: 'clash', compromise: 'concede', core: 'central', interests: 'concerns',
  reiterating: 'repeating', stance: 'position', upholding: 'supporting', opposing: 'resisting', activities: 'actions',
  enjoyed: 'had', warm: 'cordial', steadily: 'gradually', improving: 'bettering', relations: 'ties', quarter: 'fourth',
  century: 'hundred years', consistent: 'steady', constructive: 'productive', building: 'constructing',
  aspirations: 'hopes', peoples: 'nations', stronger: 'firmer', foundation: 'basis', friendship: 'amity',
  successful: 'fruitful', perhaps: 'maybe', questioned: 'challenged', failing: 'neglecting', continuing: 'prolonging',
  fact: 'truth', responsible: 'accountable', committed: 'dedicated', maintaining: 'preserving', regional: 'local',
  peace: 'calm', stability: 'steadiness', accordingly: 'consequently', despite: 'notwithstanding', party: 'participant',
  engaged: 'involved', making: 'undertaking', serious: 'earnest', efforts: 'attempts', promote: 'foster',
  talks: 'negotiations', emphasized: 'stressed', nations: 'states', direct: 'immediate', confrontations: 'clashes',
  reflection: 'sign', restraint: 'moderation', time: 'moment', reflect: 'ponder', declared: 'proclaimed',
  cautious: 'careful', defensive: 'protective', alliance: 'pact', era: 'period', driven: 'motivated',
  organization: 'body', moreover: 'furthermore', overwhelmingly: 'massively', passed: 'approved', aid: 'assistance',
  package: 'bundle', supply: 'provision', arms: 'weapons', equipment: 'gear', ignoring: 'disregarding',
  community: 'society', call: 'appeal', stopping: 'halting', brutal: 'savage', assault: 'attack',
  claimed: 'taken', lives: 'souls', majority: 'most', children: 'kids', worse: 'bad', occasions: 'times',
  vetoed: 'blocked', resolutions: 'motions', calling: 'asking', blocked: 'stopped', recognized: 'acknowledged',
  violating: 'breaching', cornerstone: 'bedrock', critics: 'detractors', pointed: 'noted', aim: 'purpose',
  inevitable: 'unavoidable', result: 'outcome', safeguard: 'protect', peaceful: 'nonviolent', people: 'citizens',
  kind: 'type', aggression: 'hostility', bolster: 'boost', discredited: 'disgraced', regimes: 'governments',
  pushing: 'driving', destruction: 'ruin', increasingly: 'ever more', fearful: 'afraid', suppression: 'repression',
  experience: 'expertise', great: 'grand', giants: 'titans', found: 'gained', structured: 'organized',
  expression: 'form', proven: 'shown', aggressive: 'hostile', unpredictable: 'erratic', destructive: 'damaging',
  joined: 'entered', almost: 'nearly', established: 'set up', seeking: 'trying', deeper: 'closer',
  lesson: 'moral', clear: 'plain', develop: 'grow', respective: 'own', economy: 'economic system', raising: 'lifting',
  standard: 'level', living: 'life', latest: 'newest', confirmation: 'proof', ties: 'links', benefit: 'help',
  economies: 'markets', global: 'worldwide',
};

/** Replace `fraction` of all words with synonyms, choosing randomly among words the thesaurus knows. */
export function replaceWithSynonyms(text: string, fraction: number, random: () => number): { text: string; replaced: number; words: number } {
  const words = [...text.matchAll(/[A-Za-z]+/g)];
  const replaceable = shuffle(words.filter((m) => SYNONYMS[m[0].toLowerCase()] !== undefined), random);
  const chosen = new Set(replaceable.slice(0, Math.ceil(words.length * fraction)).map((m) => m.index));
  let out = '';
  let last = 0;
  for (const m of words) {
    if (!chosen.has(m.index)) continue;
    const synonym = SYNONYMS[m[0].toLowerCase()]!;
    out += text.slice(last, m.index) + (/^[A-Z]/.test(m[0]) ? synonym[0]!.toUpperCase() + synonym.slice(1) : synonym);
    last = m.index + m[0].length;
  }
  return { text: out + text.slice(last), replaced: chosen.size, words: words.length };
}
