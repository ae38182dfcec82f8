// Event words of a sentence in the TimeML sense: main verbs (finite or not) and nouns that name
// something happening. No tagger is needed for news English: verb morphology, a table of irregular
// forms, auxiliaries and determiners around the word decide, with a list of event nouns.
import type { Token } from '../text/index.js';

export type Tense = 'past' | 'present' | 'perfect' | 'future' | 'nonfinite' | 'noun';

export interface EventWord {
  /** Index of the word among the sentence's tokens. */
  index: number;
  text: string;
  /** Lower-case base form, to compare mentions across articles ('launched', 'launch' -> 'launch'). */
  lemma: string;
  kind: 'verb' | 'noun';
  tense: Tense;
}

// Irregular verbs common in news: base, past, participle.
const IRREGULAR = `
be was been|become became become|begin began begun|bring brought brought|build built built|buy bought bought
choose chose chosen|come came come|cut cut cut|deal dealt dealt|do did done|draw drew drawn|drive drove driven
eat ate eaten|fall fell fallen|feel felt felt|fight fought fought|find found found|fly flew flown|forget forgot forgotten
freeze froze frozen|get got gotten|give gave given|go went gone|grow grew grown|hang hung hung|have had had|hear heard heard
hide hid hidden|hit hit hit|hold held held|hurt hurt hurt|keep kept kept|know knew known|lay laid laid|lead led led
leave left left|lend lent lent|let let let|lie lay lain|lose lost lost|make made made|mean meant meant|meet met met
pay paid paid|put put put|quit quit quit|read read read|ride rode ridden|ring rang rung|rise rose risen|run ran run
say said said|see saw seen|seek sought sought|sell sold sold|send sent sent|set set set|shake shook shaken|shoot shot shot
show showed shown|shut shut shut|sing sang sung|sink sank sunk|sit sat sat|sleep slept slept|speak spoke spoken
spend spent spent|split split split|spread spread spread|stand stood stood|steal stole stolen|stick stuck stuck
strike struck struck|swear swore sworn|take took taken|teach taught taught|tear tore torn|tell told told|think thought thought
throw threw thrown|undergo underwent undergone|understand understood understood|undertake undertook undertaken
wear wore worn|win won won|withdraw withdrew withdrawn|write wrote written|overtake overtook overtaken|arise arose arisen
forecast forecast forecast|bid bid bid|broadcast broadcast broadcast|beat beat beaten|bear bore born|bite bit bitten|blow blew blown
break broke broken|catch caught caught|cost cost cost|dig dug dug|feed fed fed|flee fled fled|forgive forgave forgiven
`;

const PAST = new Map<string, string>();
const PARTICIPLE = new Map<string, string>();
const BASES = new Set<string>();
for (const entry of IRREGULAR.split(/[|\n]/)) {
  const [base, past, part] = entry.trim().split(/\s+/);
  if (!base || !past || !part) continue;
  BASES.add(base);
  PAST.set(past, base);
  PARTICIPLE.set(part, base);
}

const AUX = new Set(['be', 'is', 'are', 'was', 'were', 'been', 'being', 'am', "'s", "'re", "'m"]);
const HAVE = new Set(['have', 'has', 'had', 'having', "'ve", "'d"]);
const DO = new Set(['do', 'does', 'did']);
const MODAL = new Set(['will', 'would', 'can', 'could', 'may', 'might', 'must', 'shall', 'should', "'ll", 'wo', 'ca']);
const DETERMINER = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'its', 'his', 'her', 'their', 'our', 'my', 'your', 'some', 'any', 'no', 'every', 'each', 'many', 'more', 'most', 'several', 'all', 'both', 'such', 'another', 'other', "'s", 'first', 'second', 'third', 'new', 'latest', 'recent']);
const PRONOUN_SUBJECT = new Set(['i', 'we', 'you', 'he', 'she', 'it', 'they', 'who', 'which', 'that']);
// Words that look like verb forms but are other parts of speech in news text.
const NOT_VERB = new Set([
  'during', 'thing', 'things', 'something', 'anything', 'nothing', 'everything', 'morning', 'evening', 'king', 'ring', 'spring', 'string', 'ceiling', 'wing',
  'bed', 'red', 'shed', 'need', 'seed', 'speed', 'feed', 'hundred', 'indeed', 'sacred', 'naked', 'wicked', 'kindred', 'ed', 'led', 'fled',
  'including', 'according', 'regarding', 'concerning', 'following', 'notwithstanding', 'pending', 'given', 'based', 'related', 'united', 'limited',
  'interested', 'advanced', 'detailed', 'experienced', 'skilled', 'talented', 'dedicated', 'sophisticated', 'complicated', 'integrated',
  'so-called', 'called', 'named', 'dubbed', 'titled', 'entitled', 'used', 'supposed', 'alleged', 'reported', 'estimated', 'expected',
  'ceo', 'chief', 'news', 'series', 'species', 'its', 'this', 'his', 'has',
  'billing', 'building', 'meeting', 'ongoing', 'upcoming', 'outstanding', 'leading', 'remaining', 'existing', 'increasing', 'growing', 'amazing', 'interesting', 'exciting', 'stunning', 'shocking', 'surprising',
]);
// 'called', 'used', 'has' and the like are verbs often enough: they come back through the context rules below.
const CONTEXT_VERBS = new Set(['called', 'named', 'dubbed', 'used', 'reported', 'expected', 'estimated', 'based', 'has', 'given', 'led', 'fled', 'meeting', 'building', 'leading', 'growing']);

const ADVERB = /^(?:[a-z]+ly|not|n't|also|already|still|just|now|never|first|recently|currently|then|later|again|soon|even|ever|only)$/;
// Adjective endings: after 'to' such a word starts no verb phrase ('due to considerable sales').
const ADJECTIVE = /(?:able|ible|ful|ous|ic|ical|ary|ory)$/;
// Words after 'to' that do not start a verb phrase ('free to anyone', 'to fewer users').
const FUNCTION_WORD = new Set(['be', 'have', 'get', 'anyone', 'everyone', 'someone', 'anybody', 'everybody', 'somebody', 'nobody', 'fewer', 'less', 'about', 'date', 'him', 'her', 'them', 'us', 'me', 'it', 'one', 'two', 'three', 'four', 'five', 'ten', 'hundreds', 'thousands', 'millions', 'around', 'over', 'under', 'up', 'down', 'only', 'just', 'even', 'almost', 'nearly', 'what', 'how', 'where', 'whom', 'whether', 'which', 'who', 'why', 'when', 'there', 'here', 'then']);

/** Nouns that name an event, a process or a state change (TimeML's event nominals), in their usual news senses. */
const EVENT_NOUNS = new Set(`
launch launches release releases sale sales lawsuit lawsuits suit suits case trial hearing ruling verdict appeal appeals dispute disputes
claim claims complaint complaints settlement agreement agreements deal deals merger acquisition acquisitions purchase purchases takeover
decision announcement announcements introduction debut unveiling presentation demonstration demo keynote speech talk interview statement
conference event visit trip tour meeting meetings summit election vote protest protests strike attack attacks war crash accident recall
update upgrade development growth decline drop fall rise increase decrease loss losses profit profits revenue demand use usage
death birth resignation retirement departure return arrival appointment dismissal firing hiring surgery transplant treatment illness leave absence
invitation breach violation infringement investigation inquiry probe charges arrest sentence fine ban
pre-order pre-orders preorder preorders order orders shipment shipments delivery production expansion reduction cut cuts
issue issues problem problems failure outage delay delays change changes move plan plans project deal
`.split(/\s+/).filter(Boolean));

const NOMINAL_SUFFIX = /(?:tion|sion|ment|ance|ence|ure)s?$/;
const NOT_EVENT_NOMINAL = new Set([
  'government', 'department', 'management', 'equipment', 'environment', 'document', 'documents', 'instrument', 'element', 'segment', 'moment', 'parliament', 'apartment', 'compartment', 'payment',
  'nation', 'nations', 'station', 'stations', 'position', 'question', 'questions', 'information', 'version', 'versions', 'television', 'edition', 'section', 'region', 'regions', 'mission',
  'population', 'organization', 'organisation', 'association', 'foundation', 'corporation', 'institution', 'administration', 'commission', 'committee', 'division', 'location', 'nature', 'culture',
  'future', 'picture', 'pictures', 'feature', 'features', 'structure', 'figure', 'figures', 'temperature', 'procedure', 'audience', 'science', 'experience', 'evidence', 'difference', 'percent',
  'distance', 'balance', 'finance', 'insurance', 'performance', 'importance', 'sentence', 'licence', 'license', 'reference', 'residence', 'confidence', 'independence', 'applications', 'application',
  'functionality', 'tradition', 'condition', 'conditions', 'option', 'options', 'portion', 'generation', 'competition', 'reputation', 'situation', 'opinion', 'million', 'billion', 'relation', 'relations',
]);

function lowerAt(tokens: Token[], i: number): string {
  return i >= 0 && i < tokens.length ? tokens[i]!.text.toLowerCase() : '';
}

/** Regular base form of an inflected verb ('launched' -> 'launch', 'unveiled' -> 'unveil', 'hinting' -> 'hint'). */
export function verbLemma(w: string): string {
  const lw = w.toLowerCase();
  const irr = PAST.get(lw) ?? PARTICIPLE.get(lw);
  if (irr) return irr;
  if (lw === 'has' || lw === 'had' || lw === 'having') return 'have';
  if (lw === 'is' || lw === 'are' || lw === 'was' || lw === 'were') return 'be';
  for (const [suffix, cut] of [['ied', 3], ['ies', 3], ['ing', 3], ['ed', 2], ['es', 2], ['s', 1]] as const) {
    if (lw.length > cut + 2 && lw.endsWith(suffix)) {
      let stem = lw.slice(0, -cut);
      if (suffix === 'ied' || suffix === 'ies') return `${stem}y`;
      if (suffix === 'es' && !/(?:ss|sh|ch|x|z|o)$/.test(stem)) stem = lw.slice(0, -1);
      // doubled final consonant ('stopped', 'planning'): undo it
      if ((suffix === 'ed' || suffix === 'ing') && /([bdgklmnprt])\1$/.test(stem) && !/(?:ll|ss)$/.test(stem)) stem = stem.slice(0, -1);
      // a dropped final 'e' ('released', 'introducing'): compared by the stem alone, so leave it off
      return stem.replace(/e$/, '');
    }
  }
  return lw.replace(/e$/, '');
}

/** Lemma of an event noun: plural folded, so 'launches' and 'launch' meet with the verb 'launched'. */
function nounLemma(w: string): string {
  const lw = w.toLowerCase();
  const sing = lw.endsWith('ies') ? `${lw.slice(0, -3)}y` : lw.endsWith('es') && /(?:ch|sh|ss|x)es$/.test(lw) ? lw.slice(0, -2) : lw.endsWith('s') && !lw.endsWith('ss') ? lw.slice(0, -1) : lw;
  return sing.replace(/e$/, '');
}

const isWord = (t: string) => /^[A-Za-z][A-Za-z-]*$/.test(t);

/**
 * The event words of one tokenised sentence, in order. `subjectEnds` holds the token indices where a
 * known subject ends (a reference to an entity): a present-tense -s form right after one is a verb.
 */
export function eventWords(tokens: Token[], subjectEnds?: Set<number>): EventWord[] {
  const out: EventWord[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const raw = tokens[i]!.text;
    if (!isWord(raw)) continue;
    const w = raw.toLowerCase();
    const prev = lowerAt(tokens, i - 1);
    const prev2 = lowerAt(tokens, i - 2);
    const next = lowerAt(tokens, i + 1);
    // Auxiliary chain before the word, skipping adverbs ('has already sold', 'will not be').
    let j = i - 1;
    while (j >= 0 && ADVERB.test(lowerAt(tokens, j))) j--;
    const auxBefore = lowerAt(tokens, j);
    const afterDet = DETERMINER.has(prev) || (/ly$/.test(prev) && DETERMINER.has(prev2));

    // Auxiliaries and copulas are not events; 'have' is one when it is the main verb ('iPhone 4 has a new screen').
    if (AUX.has(w) || MODAL.has(w) || DO.has(w) || ADVERB.test(w)) continue;
    if (HAVE.has(w)) {
      let k = i + 1;
      while (k < tokens.length && /ly$|^(?:not|n't|also|already|still|just|now|never|been|recently)$/.test(lowerAt(tokens, k))) {
        if (lowerAt(tokens, k) === 'been') break;
        k++;
      }
      const nx = lowerAt(tokens, k);
      const auxiliary = nx === 'been' || nx === 'to' || PARTICIPLE.has(nx) || /ed$/.test(nx) || nx === 'got';
      if (!auxiliary && !afterDet) out.push({ index: i, text: raw, lemma: 'have', kind: 'verb', tense: w === 'had' ? 'past' : MODAL.has(auxBefore) ? 'future' : 'present' });
      continue;
    }
    if ((/^[A-Z]/.test(raw) && i > 0) || /[A-Z]/.test(raw.slice(1))) continue; // names mid-sentence, and 'iTunes', 'eBay' anywhere

    const verbContext = AUX.has(auxBefore) || HAVE.has(auxBefore) || MODAL.has(auxBefore) || DO.has(auxBefore) || auxBefore === 'to';
    // The tense of the whole auxiliary chain: its first finite member decides ('will be discontinued', 'has been fighting').
    const tenseFromAux = (): Tense => {
      let k = j;
      let head = auxBefore;
      {
        while (k - 1 >= 0) {
          let m = k - 1;
          while (m >= 0 && ADVERB.test(lowerAt(tokens, m))) m--;
          const w2 = lowerAt(tokens, m);
          if (!(AUX.has(w2) || HAVE.has(w2) || MODAL.has(w2) || DO.has(w2))) break;
          head = w2;
          k = m;
        }
      }
      return MODAL.has(head) ? 'future' : HAVE.has(head) ? (head === 'had' ? 'past' : 'perfect') : head === 'to' ? 'nonfinite' : ['was', 'were', 'did'].includes(head) ? 'past' : ['is', 'are', 'am', "'s", "'re", 'do', 'does'].includes(head) ? 'present' : 'nonfinite';
    };

    // A word that is both ('cut', 'release', 'claims') is a verb before its object, with no determiner before it.
    if (EVENT_NOUNS.has(w) && !afterDet && !verbContext && i > 0 && (DETERMINER.has(next) || /^(?:him|her|them|it|us)$/.test(next))) {
      out.push({ index: i, text: raw, lemma: verbLemma(w), kind: 'verb', tense: PAST.has(w) ? 'past' : /ed$/.test(w) ? 'past' : 'present' });
      continue;
    }
    if (EVENT_NOUNS.has(w) || (NOMINAL_SUFFIX.test(w) && w.length > 6 && !NOT_EVENT_NOMINAL.has(w))) {
      // 'to release', 'will launch': the word is a verb here.
      if (verbContext && !afterDet && BASES.has(w) === false && (auxBefore === 'to' || MODAL.has(auxBefore) || DO.has(auxBefore))) {
        out.push({ index: i, text: raw, lemma: verbLemma(w), kind: 'verb', tense: tenseFromAux() });
      } else if (afterDet || !verbContext) {
        out.push({ index: i, text: raw, lemma: nounLemma(w), kind: 'noun', tense: 'noun' });
      }
      continue;
    }
    // Right after a known subject, skipping adverbs ('Jobs called', 'it now uses').
    const afterSubject = !!subjectEnds && (subjectEnds.has(i) || subjectEnds.has(j + 1));
    if (NOT_VERB.has(w) && !(CONTEXT_VERBS.has(w) && (verbContext || PRONOUN_SUBJECT.has(prev) || afterSubject))) continue;

    const irregularPast = PAST.get(w);
    const irregularPart = PARTICIPLE.get(w);
    if (irregularPast || irregularPart) {
      if (afterDet && !irregularPast) continue;
      const tense: Tense = verbContext ? tenseFromAux() : irregularPast ? 'past' : 'nonfinite';
      out.push({ index: i, text: raw, lemma: (irregularPast ?? irregularPart)!, kind: 'verb', tense });
      continue;
    }
    if (/[a-z]{2}ed$/.test(w)) {
      out.push({ index: i, text: raw, lemma: verbLemma(w), kind: 'verb', tense: verbContext ? tenseFromAux() : afterDet ? 'nonfinite' : 'past' });
      continue;
    }
    if (/[a-z]{2}ing$/.test(w)) {
      if (afterDet) continue; // 'the opening', 'a wedding'
      out.push({ index: i, text: raw, lemma: verbLemma(w), kind: 'verb', tense: verbContext ? tenseFromAux() : 'nonfinite' });
      continue;
    }
    // Base forms after 'to', a modal or 'do' ('to file', 'will use', 'did not sell').
    if (verbContext && (auxBefore === 'to' || MODAL.has(auxBefore) || DO.has(auxBefore)) && !afterDet && /^[a-z]{2,}$/.test(w) && !/ly$/.test(w)) {
      if (FUNCTION_WORD.has(w) || DETERMINER.has(w) || ADJECTIVE.test(w)) continue;
      out.push({ index: i, text: raw, lemma: verbLemma(w), kind: 'verb', tense: tenseFromAux() });
      continue;
    }
    // Present tense -s forms right after a subject ('the store sells', 'it comes', 'Apple Corps claims').
    if (/^[a-z]{3,}s$/.test(w) && !/(?:ss|us|is|ous)$/.test(w) && !afterDet) {
      const subj = tokens[i - 1];
      const named = subjectEnds ? afterSubject : /^[A-Z0-9]/.test(subj?.text ?? '');
      const subjectBefore = !!subj && (PRONOUN_SUBJECT.has(prev) || named || (!subjectEnds && /ly$/.test(prev)) || /^(?:store|company|firm|phone|device|service|court|judge|group|label)$/.test(prev));
      const objectAfter = (/^[a-z]/.test(next) && !/^(?:are|were|is|was|have|had|will|would|can|could|may|might|should|must|and|or)$/.test(next)) || DETERMINER.has(next) || /^(?:that|to|with|in|on|for|as|out|up|behind|about|over)$/.test(next) || /^[A-Z0-9]/.test(tokens[i + 1]?.text ?? '');
      if (subjectBefore && objectAfter) out.push({ index: i, text: raw, lemma: verbLemma(w), kind: 'verb', tense: 'present' });
    }
  }
  return out;
}
