// Finds actors in a sentence from the gazetteer: countries, capitals (metonyms for governments),
// demonyms, epithets, international bodies, armed groups, well-known leaders and sector nouns
// ('army' -> MIL, 'officials' -> GOV). Neighbouring words are grouped into actor chunks
// ('Senior Hungarian and Romanian officials'), and a chunk joined by 'and' or commas holds one
// member per conjunct, the sector written once being shared ('US and British forces').
import { countryTables } from '../entities/countries.js';
import { tokenize, type Token } from '../text/tokens.js';
import { readTable } from '../lang/tables.js';

export interface Atom {
  /** Token range [start, end). */
  start: number;
  end: number;
  kind: 'country' | 'capital' | 'demonym' | 'code' | 'sector';
  country: string | null;
  sector: string | null;
}

export interface ActorMember {
  country: string | null;
  sector: string | null;
  /** True when the member is a capital alone (stands for the government as a subject). */
  capitalOnly: boolean;
  /** A people named by a plural demonym ('Palestinians'): civilians when acted upon. */
  people: boolean;
  /** The country was written in the member itself, not borrowed from a conjunct. */
  hasOwnCountry: boolean;
  /** 'former', 'ousted': a government title becomes an elite (ELI). */
  former: boolean;
  start: number;
  end: number;
}

export interface ActorChunk {
  /** Token range [start, end). */
  start: number;
  end: number;
  members: ActorMember[];
}

/** A gazetteer table of the language data (src/lang/en/gazetteer/). */
const gazetteer = (name: string): string[][] => readTable(`lang/en/gazetteer/${name}`);

/** Key of a token sequence: lower case, joined by single spaces. */
export function phraseKey(words: string[]): string {
  return words.join(' ').toLowerCase().replace(/’/g, "'");
}

/** A table phrase split the way the tokenizer splits text ('Workers'' -> 'Workers', "'"). */
function words(phrase: string): string[] {
  return tokenize(phrase).map((t) => t.text);
}

interface NamedEntry {
  country: string | null;
  sector: string | null;
}

function splitCode(code: string): NamedEntry {
  return { country: code.slice(0, 3), sector: code.length > 3 ? code.slice(3, 6) : null };
}

interface Gazetteer {
  named: Map<string, NamedEntry>;
  /** For each first word (lower case) of any named or sector phrase, the most words such a phrase has. */
  starts: Map<string, number>;
  /** First words (lower case) of place names, and the most words a place name has after each. */
  placeStarts: Map<string, number>;
  sectors: Map<string, string>;
  maxWords: number;
}

let cached: Gazetteer | null = null;


function loadGazetteer(): Gazetteer {
  if (cached) return cached;
  const named = new Map<string, NamedEntry>();
  const sectors = new Map<string, string>();
  let maxWords = 1;
  const add = (phrase: string, entry: NamedEntry) => {
    const w = words(phrase);
    maxWords = Math.max(maxWords, w.length);
    named.set(phraseKey(w), entry);
    if (w[0]?.toLowerCase() === 'the' && w.length > 1) named.set(phraseKey(w.slice(1)), entry);
  };
  for (const [phrase, code] of gazetteer('igos.tsv')) if (phrase && code) add(phrase, splitCode(code));
  for (const [phrase, code] of gazetteer('leaders.tsv')) if (phrase && code) add(phrase, splitCode(code));
  for (const e of countryTables().epithets()) add(e.phrase, { country: e.iso3, sector: e.sector });
  for (const [phrase, sector] of gazetteer('sectors.tsv')) {
    if (!phrase || !sector) continue;
    const w = words(phrase);
    maxWords = Math.max(maxWords, w.length);
    sectors.set(phraseKey(w), sector);
  }
  const placeStarts = new Map<string, number>();
  for (const name of countryTables().placeNames()) {
    const w = words(name.replace(/^the\s+/i, ''));
    if (!w.length) continue;
    const first = w[0]!.toLowerCase();
    placeStarts.set(first, Math.max(placeStarts.get(first) ?? 0, w.length));
    maxWords = Math.max(maxWords, w.length);
  }
  const starts = new Map<string, number>(placeStarts);
  for (const k of [...named.keys(), ...sectors.keys()]) {
    const w = k.split(' ');
    starts.set(w[0]!, Math.max(starts.get(w[0]!) ?? 0, w.length));
  }
  cached = { named, starts, placeStarts, sectors, maxWords };
  return cached;
}

const CAPITALISED = /^\p{Lu}/u;
/** Words that may begin with a capital letter but never start or continue an actor. */
const FUNCTION_WORDS = new Set(
  'a an in on at with under after before during since until for from to by of as if but and or while when where the this that these those it its they their he his she her we our senior some about about up more than most'.split(' '),
);

/** Tokens as written, with possessives attached ('People' + "'s" -> "People's"). */
function joinWords(tokens: Token[]): string {
  let out = '';
  for (const t of tokens) out += out && !/^['’]s$/i.test(t.text) ? ` ${t.text}` : t.text;
  return out;
}

const NOT_NOUNS = new Set(['during', 'and', 'or', 'to', 'has', 'have', 'had', 'is', 'are', 'was', 'were', 'will', 'would', 'said', 'says', 'also', 'across', 'near', 'into', 'over', 'against', 'between', 'within', 'who', 'which', 'that']);

/** Sector words that are adjectives: 'military aid' names no actor, 'military government' does. */
const ADJECTIVAL = new Set(['military', 'peacekeeping', 'civilian', 'parliamentary', 'displaced']);

function modifiesNoun(tokens: Token[], lower: string[], next: number, g: Gazetteer): boolean {
  const t = tokens[next];
  if (!t || !/^\p{Ll}/u.test(t.text)) return false;
  const w = lower[next]!;
  // A following function word or verb ('the Syrian military during', 'military said') ends the phrase.
  if (FUNCTION_WORDS.has(w) || NOT_NOUNS.has(w) || /(ed|ing)$/.test(w)) return false;
  return !g.sectors.has(w) && !g.sectors.has(`${w} ${lower[next + 1] ?? ''}`);
}

/** Atoms: the longest gazetteer match at each position, left to right. */
export function findAtoms(tokens: Token[]): Atom[] {
  const g = loadGazetteer();
  const places = countryTables();
  const atoms: Atom[] = [];
  const lower = tokens.map((t) => t.text.toLowerCase());
  let i = 0;
  while (i < tokens.length) {
    let found: Atom | null = null;
    const capital =
      /\p{Lu}/u.test(tokens[i]!.text) || (lower[i] === 'the' && i + 1 < tokens.length && CAPITALISED.test(tokens[i + 1]!.text));
    for (let n = Math.min(g.starts.get(lower[i]!) ?? 0, tokens.length - i); n >= 1 && !found; n--) {
      const key = phraseKey(lower.slice(i, i + n));
      if (capital) {
        const entry = g.named.get(key);
        if (entry) {
          found = { start: i, end: i + n, kind: 'code', country: entry.country, sector: entry.sector };
          break;
        }
        if (n <= (g.placeStarts.get(lower[i]!) ?? 0) && CAPITALISED.test(tokens[i]!.text) && CAPITALISED.test(tokens[i + n - 1]!.text)) {
          const place = places.place(joinWords(tokens.slice(i, i + n)));
          if (place && (place.kind === 'country' || place.kind === 'capital')) {
            found = { start: i, end: i + n, kind: place.kind, country: place.country, sector: null };
            break;
          }
        }
      }
      const sector = g.sectors.get(key);
      if (sector && !(n === 1 && ADJECTIVAL.has(key) && modifiesNoun(tokens, lower, i + 1, g))) found = { start: i, end: i + n, kind: 'sector', country: null, sector };
    }
    if (!found && CAPITALISED.test(tokens[i]!.text) && !FUNCTION_WORDS.has(lower[i]!)) {
      // 'Vietnamese-led forces' are the leader's; 'Syrian-backed' and 'pro-Iranian' are not.
      const led = /^(.+)-led$/.exec(tokens[i]!.text);
      // Two-word demonyms first: 'Sierra Leonean', 'South African', 'North Korean'.
      const next = tokens[i + 1];
      const pair = next && CAPITALISED.test(next.text) ? places.demonym(`${tokens[i]!.text} ${next.text}`) : null;
      const iso = pair ?? places.demonym(led ? led[1]! : tokens[i]!.text);
      if (iso) found = { start: i, end: pair ? i + 2 : i + 1, kind: 'demonym', country: iso, sector: null };
    }
    // 'rebel-held territory', 'government-controlled areas' name their holder.
    const holder = found ? null : /^([a-z]+)-(?:held|controlled|run)$/.exec(lower[i]!);
    const holderSector = holder ? g.sectors.get(holder[1]!) : undefined;
    if (holderSector) found = { start: i, end: i + 1, kind: 'sector', country: null, sector: holderSector };
    if (found) {
      atoms.push(found);
      i = found.end;
    } else i++;
  }
  return atoms;
}

/** Modifiers that may sit inside an actor phrase ('senior Iranian officials'). */
const MODIFIERS = new Set(
  'senior top new former ousted junior radical main local rival visiting current ethnic illegal angry interim acting deputy chief foreign federal prominent exiled fundamentalist hardline moderate elderly armed national regional civilian military security border supreme religious islamist'.split(' '),
);
const BE_FORMS = new Set(['is', 'are', 'was', 'were', 'be', 'been']);
const FORMER = new Set(['former', 'ousted', 'ex', 'exiled', 'deposed']);
/** Words that link a sector noun to its place: 'rebels in Darfur', 'students throughout Indonesia'. */
const PLACE_LINKS = new Set(['in', 'throughout', 'of']);

function isJoinable(tok: Token, lower: string): boolean {
  if (lower === "'s" || lower === '’s' || lower === 'the' || lower === 'of' || lower === '-') return true;
  if (MODIFIERS.has(lower)) return true;
  return CAPITALISED.test(tok.text) && !FUNCTION_WORDS.has(lower);
}

/** Groups atoms and the words between them into actor chunks with their members. */
export function findChunks(tokens: Token[], atoms: Atom[]): ActorChunk[] {
  const lower = tokens.map((t) => t.text.toLowerCase());
  const atomAt = new Map<number, Atom>();
  for (const a of atoms) atomAt.set(a.start, a);
  const chunks: ActorChunk[] = [];
  let i = 0;
  while (i < tokens.length) {
    const first = atomAt.get(i);
    if (!first && (!isJoinable(tokens[i]!, lower[i]!) || (/ing$/.test(lower[i]!) && BE_FORMS.has(lower[i - 1] ?? '')))) {
      i++;
      continue;
    }
    // Extend over atoms, joinable words, and conjunctions or place links followed by more.
    const start = i;
    const pieces: Atom[][] = [[]];
    let j = i;
    let lastAtomEnd = -1;
    while (j < tokens.length) {
      const atom = atomAt.get(j);
      if (atom) {
        pieces[pieces.length - 1]!.push(atom);
        j = atom.end;
        lastAtomEnd = j;
        continue;
      }
      const w = lower[j]!;
      const next = atomAt.get(j + 1) ?? (w === 'and' ? atomAt.get(j + 2) : undefined);
      // A comma joins a list of named actors ('Iran, Libya, Sudan'), not an apposition or a clause;
      // a list ends at its 'and', so a comma after one ('the US and Israel, Iranian ...') ends the chunk.
      const listed =
        w === ','
          ? next !== undefined && next.kind !== 'sector' && pieces[pieces.length - 1]!.every((a) => a.kind !== 'sector') && !lower.slice(start, j).includes('and')
          : w === 'and' && next !== undefined;
      if (listed && lastAtomEnd > 0) {
        pieces.push([]);
        j++;
        continue;
      }
      const lastPiece = pieces[pieces.length - 1]!;
      const lastAtom = lastPiece[lastPiece.length - 1];
      const foreignBody = lastAtom !== undefined && (/^peacekeep/.test(lower[lastAtom.end - 1]!) || lower[lastAtom.end - 1] === 'force');
      const placeNext = next ?? (lower[j + 1] === 'the' ? atomAt.get(j + 2) : undefined);
      if (PLACE_LINKS.has(w) && lastAtomEnd === j && placeNext && placeNext.kind !== 'sector' && !foreignBody && lastPiece.some((a) => a.kind === 'sector')) {
        j += placeNext.start - j;
        continue;
      }
      // After a form of 'be' an -ing modifier is the verb ('is visiting Israel'), not part of a name.
      if (isJoinable(tokens[j]!, w) && !(/ing$/.test(w) && BE_FORMS.has(lower[j - 1] ?? ''))) {
        j++;
        continue;
      }
      break;
    }
    if (lastAtomEnd > 0) {
      const members = membersOf(pieces.filter((p) => p.length > 0), lower);
      if (members.length) chunks.push({ start: Math.min(start, members[0]!.start), end: lastAtomEnd, members });
      i = lastAtomEnd;
    } else i = Math.max(j, i + 1);
  }
  return chunks;
}

/** The original spelling is not kept in `lower`; abbreviations are recognised by their dots or length. */
function lowerRaw(atom: Atom, lower: string[]): string {
  const w = lower.slice(atom.start, atom.end).join(' ');
  return /^(us|uk|u\.s\.|u\.k\.|eu|un|u\.n\.)$/.test(w) ? w.toUpperCase() : w;
}

/** Nouns for people in general: they do not override a sector before them ('intelligence officials'). */
const GENERIC_HEADS = new Set(['official', 'officials', 'leader', 'leaders', 'spokesman', 'spokeswoman', 'spokesperson']);

/**
 * The sector of a conjunct: the first sector word, unless a sector noun follows it directly as the
 * head ('government forces' -> MIL, 'military government' -> GOV) and is not a generic head.
 */
function headSector(atoms: Atom[], lower: string[]): Atom | undefined {
  const sectors = atoms.filter((a) => a.sector !== null);
  let pick = sectors[0];
  for (let k = 1; k < sectors.length; k++) {
    const prev = sectors[k - 1]!;
    const cur = sectors[k]!;
    if (cur.start === prev.end && !GENERIC_HEADS.has(lower.slice(cur.start, cur.end).join(' ')) && pick === prev) pick = cur;
  }
  return pick ?? atoms.find((a) => a.sector !== null);
}

/** Plural heads that, after an intergovernmental body, name its member states' representatives. */
const MEMBER_STATE_HEADS = new Set(['ministers', 'leaders', 'governments', 'heads of state']);

function membersOf(pieces: Atom[][], lower: string[]): ActorMember[] {
  const members: ActorMember[] = pieces.map((atoms) => {
    const countryAtom = atoms.find((a) => a.country !== null);
    const sectorAtom = headSector(atoms, lower);
    const first = atoms[0]!;
    const before = lower.slice(Math.max(0, first.start - 3), first.start);
    // 'EU foreign ministers' are the member states acting as the body: the body itself.
    const memberStates = countryAtom?.country === 'IGO' && sectorAtom !== undefined && MEMBER_STATE_HEADS.has(lower.slice(sectorAtom.start, sectorAtom.end).join(' '));
    return {
      country: countryAtom?.country ?? null,
      hasOwnCountry: countryAtom !== undefined,
      people: atoms.length === 1 && first.kind === 'demonym' && /s$/.test(lower[first.start]!),
      sector: memberStates ? null : (sectorAtom?.sector ?? null),
      capitalOnly: atoms.length === 1 && first.kind === 'capital',
      former: before.some((w) => FORMER.has(w)) || atoms.some((a) => a.start > 0 && FORMER.has(lower[a.start - 1]!)),
      start: first.start,
      end: atoms[atoms.length - 1]!.end,
    };
  });
  // A sector written once is shared by adjective-only conjuncts: 'US and British forces'.
  const lastSector = [...members].reverse().find((m) => m.sector)?.sector ?? null;
  members.forEach((m, k) => {
    if (m.sector || !lastSector || !m.country || m.capitalOnly) return;
    const atoms = pieces[k]!;
    const adjectival = atoms.length === 1 && (atoms[0]!.kind === 'demonym' || /^[A-Z.]{2,4}$/.test(lowerRaw(atoms[0]!, lower)));
    if (adjectival) m.sector = lastSector;
  });
  // A country written once is shared by conjuncts without one: 'the Sudanese government and the rebels'.
  const someCountry = members.find((m) => m.country)?.country ?? null;
  for (const m of members) if (!m.country) m.country = someCountry;
  return members;
}

/** The actor code of a member: country plus sector; 'former' government titles are elites. */
export function memberCode(m: ActorMember, asSubject: boolean, fallbackCountry: string | null): string | null {
  // A non-governmental group with no country of its own is transnational ('a human rights group' -> NGO).
  if (!m.country && m.sector === 'NGO') return 'NGO';
  const country = m.country ?? fallbackCountry;
  if (!country) return null;
  let sector = m.sector;
  if (m.capitalOnly) sector = asSubject ? 'GOV' : null;
  if (m.people && !asSubject && !sector) sector = 'CVL';
  if (m.former && sector === 'GOV') sector = 'ELI';
  if (sector && country.length === 3 && ['IGO', 'IMG', 'NGO'].includes(country) && sector === country) sector = null;
  return sector && !(country.length > 3) ? `${country}${sector}` : country;
}
