// One-line headlines for coded events in plain news style: who, did what, to whom, where, when.

export interface HeadlineEvent {
  cameo: string;
  root: string;
  source: string | null;
  sourceText: string | null;
  target: string | null;
  targetText: string | null;
  location: string | null;
  date: string | null;
  dateResolved: boolean;
  modality: string;
}

/** Names an actor code ('IRNMIL') or falls back to the text the event was found in. */
export type ActorNamer = (code: string | null, text: string | null) => string | null;

/** Verb phrases by 3-digit code, then by root; '{t}' marks where the target goes. */
const VERBS: Record<string, string> = {
  '010': 'makes a statement on {t}', '012': 'makes a pessimistic comment on {t}', '013': 'makes an optimistic comment on {t}',
  '020': 'appeals to {t}', '030': 'expresses intent to cooperate with {t}', '031': 'expresses intent to engage with {t}',
  '033': 'expresses intent to provide aid to {t}', '036': 'expresses intent to meet {t}', '040': 'consults with {t}',
  '042': 'visits {t}', '043': 'hosts {t}', '044': 'meets {t} at a third location', '046': 'negotiates with {t}',
  '050': 'cooperates diplomatically with {t}', '051': 'praises {t}', '057': 'signs an agreement with {t}',
  '060': 'cooperates materially with {t}', '061': 'cooperates economically with {t}', '062': 'cooperates militarily with {t}',
  '070': 'provides aid to {t}', '071': 'provides economic aid to {t}', '072': 'provides military aid to {t}', '073': 'provides humanitarian aid to {t}',
  '080': 'yields to {t}', '090': 'investigates {t}', '100': 'makes demands of {t}', '110': 'criticises {t}', '111': 'criticises {t}', '112': 'accuses {t}',
  '120': 'rejects {t}', '130': 'threatens {t}', '138': 'threatens {t} with force', '140': 'protests against {t}',
  '150': 'shows force against {t}', '160': 'cuts relations with {t}', '170': 'coerces {t}', '180': 'assaults {t}',
  '190': 'fights {t}', '193': 'fights {t} with small arms', '194': 'fights {t} with artillery and tanks', '195': 'strikes {t} from the air', '200': 'uses mass violence against {t}',
};
const ROOT_VERBS: Record<string, string> = {
  '01': 'makes a statement on {t}', '02': 'appeals to {t}', '03': 'expresses intent to cooperate with {t}', '04': 'consults with {t}',
  '05': 'cooperates diplomatically with {t}', '06': 'cooperates materially with {t}', '07': 'provides aid to {t}', '08': 'yields to {t}',
  '09': 'investigates {t}', '10': 'makes demands of {t}', '11': 'criticises {t}', '12': 'rejects {t}', '13': 'threatens {t}',
  '14': 'protests against {t}', '15': 'shows force against {t}', '16': 'reduces relations with {t}', '17': 'coerces {t}',
  '18': 'assaults {t}', '19': 'fights {t}', '20': 'uses mass violence against {t}',
};
const MODAL_PREFIX: Record<string, string> = {
  intended: 'plans: ',
  negated: 'denies or refrains: ',
  conditional: 'if conditions hold: ',
  reported: 'reportedly: ',
  background: 'background: ',
};

// Subjects that take a plural verb: group nouns the actor names give ('rebels in Lebanon') and
// plural common nouns found in the text ('protesters', 'troops').
const PLURAL_HEADS = /^(?:the\s+)?(?:[a-z]+s(?<!ss|us|is)|people|police|militia|forces)\b/;

/** 'fights' -> 'fight', 'expresses' -> 'express', 'cooperates' -> 'cooperate': the verbs of the tables above. */
export function pluralVerb(phrase: string): string {
  return phrase.replace(/^(\S+?)(?:(?<=ss|sh|ch|x|z)es|s)\b/, '$1');
}

function capitalise(s: string): string {
  return s ? s[0]!.toUpperCase() + s.slice(1) : s;
}

export function eventHeadline(e: HeadlineEvent, name: ActorNamer): string {
  const source = name(e.source, e.sourceText) ?? 'Someone';
  const target = name(e.target, e.targetText);
  const verb = VERBS[e.cameo.slice(0, 3)] ?? ROOT_VERBS[e.root] ?? 'acts towards {t}';
  let phrase = verb.replace('{t}', target ?? '').replace(/\s+(with|to|of|on|against|at)?\s*$/, (m, prep: string | undefined) => (target ? m : prep ? '' : ''));
  phrase = phrase.trim();
  if (PLURAL_HEADS.test(source)) phrase = pluralVerb(phrase);
  // 'visits Syria in Syria' says the place twice.
  const where = e.location && !(target ?? '').includes(e.location) ? ` in ${e.location}` : '';
  // A day is 'on', a month or a year 'in' ('in 2022', 'in 2022-03').
  const day = e.date ? e.date.slice(0, 10) : null;
  const when = day ? ` ${/^\d{4}-\d{2}-\d{2}$/.test(day) ? 'on' : 'in'} ${day}${e.dateResolved ? '' : ' (inferred)'}` : '';
  return `${MODAL_PREFIX[e.modality] ?? ''}${capitalise(source)} ${phrase}${where}${when}`;
}

/**
 * A story's headline from the event that names it, as a news desk writes one: an actor is named as
 * the text names them when those words hold a person's name with their office ('Iranian Defense
 * Minister Amir Hatami visits Syria', not 'Iran visits Syria': the code keeps the country, the
 * person is the news), and no date (the story shows its date range beside its headline).
 * `isPerson` says whether actor words hold a person's name (the article's PERSON mentions).
 */
export function storyHeadline(e: HeadlineEvent, name: ActorNamer, isPerson: (words: string) => boolean): string {
  const desk: ActorNamer = (code, text) => (text && isPerson(text) ? deskName(text) : name(code, text));
  return eventHeadline({ ...e, date: null }, desk);
}

/** Actor words without a leading article ('the Iranian envoy Ali Reza' -> 'Iranian envoy Ali Reza'). */
function deskName(text: string): string {
  return text.replace(/^(?:the|a|an)\s+/i, '').trim();
}
