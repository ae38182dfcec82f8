// Lemmas: the treebank's own irregular pairs first, then WordNet's detachment rules ('morphy')
// accepted only when the stripped form is a WordNet lemma of that part of speech.

export interface LemmaLexicon {
  /** `${lower}\t${UPOS}` -> lemma, for the pairs the rules below get wrong. */
  exceptions: Map<string, string>;
  nouns: Set<string>;
  verbs: Set<string>;
  adjectives: Set<string>;
}

type Detachment = readonly [suffix: string, replacement: string];

// WordNet's morphy substitutions, by part of speech.
const NOUN_RULES: Detachment[] = [['ses', 's'], ['xes', 'x'], ['zes', 'z'], ['ches', 'ch'], ['shes', 'sh'], ['men', 'man'], ['ies', 'y'], ['s', '']];
const VERB_RULES: Detachment[] = [['ies', 'y'], ['es', 'e'], ['es', ''], ['s', ''], ['ed', 'e'], ['ed', ''], ['ing', 'e'], ['ing', '']];
const ADJ_RULES: Detachment[] = [['iest', 'y'], ['ier', 'y'], ['est', 'e'], ['est', ''], ['er', 'e'], ['er', '']];

const KEEP_FORM = new Set(['PROPN', 'NUM', 'PUNCT', 'SYM', 'X']);

function detach(word: string, rules: Detachment[], lexicon: Set<string>): string | null {
  if (lexicon.has(word)) return word;
  for (const [suffix, repl] of rules) {
    if (!word.endsWith(suffix) || word.length <= suffix.length + 1) continue;
    const stem = word.slice(0, word.length - suffix.length);
    const cand = stem + repl;
    if (lexicon.has(cand)) return cand;
    // 'stopped' -> 'stop': a doubled final consonant before -ed/-ing/-er/-est.
    if (repl === '' && stem.length > 2 && stem[stem.length - 1] === stem[stem.length - 2] && lexicon.has(stem.slice(0, -1))) return stem.slice(0, -1);
  }
  return null;
}

/** The rule part alone (no exceptions table): what the training script compares gold lemmas with. */
export function ruleLemma(form: string, upos: string, lex: Omit<LemmaLexicon, 'exceptions'>): string {
  if (KEEP_FORM.has(upos)) return form;
  const lower = form.toLowerCase();
  if (upos === 'NOUN') return detach(lower, NOUN_RULES, lex.nouns) ?? (/[^su]s$/.test(lower) && lower.length > 3 ? lower.slice(0, -1) : lower);
  if (upos === 'VERB' || upos === 'AUX') return detach(lower, VERB_RULES, lex.verbs) ?? lower;
  if (upos === 'ADJ') return detach(lower, ADJ_RULES, lex.adjectives) ?? lower;
  return lower;
}

export function lemmatize(form: string, upos: string, lex: LemmaLexicon): string {
  const hit = lex.exceptions.get(`${form.toLowerCase()}\t${upos}`);
  if (hit !== undefined) return upos === 'PROPN' ? form : hit;
  return ruleLemma(form, upos, lex);
}
