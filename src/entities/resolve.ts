// Within one article: tagger spans -> typed mentions with roles and metonymy, grouped into local
// entities (a person's full name and its later surname-only mentions become one entity).
import type { EntityType, LocalEntity, Mention, PlaceLookup } from './types.js';
import { nameCompatible, nameTokens, normaliseName } from './names.js';
import { descriptorBefore, isRoleWord, outletHeadAfter, roleBefore, roleSector, splitRole, type Sector } from './roles.js';
import { knownOrganisation } from './organisations.js';
import { defaultLexicon, type Lexicon } from './lexicon.js';
import { articleShape, personSpanKind, refinePersonSpan } from './person-spans.js';
import { isGroupWord } from './groups.js';
import { SpanIndex, unswallowed, type Span } from '../text/span-index.js';

export interface TaggedSpan {
  start: number;
  end: number;
  type: 'PER' | 'ORG' | 'LOC' | 'MISC';
  /** Words the clean-up split off a person's name that describe the person ('RB', 'Charger'). */
  role?: string;
}

export interface ResolvedDoc {
  mentions: Mention[];
  entities: LocalEntity[];
}

/** Prepositions after which a capital is a place, not an actor ('in Damascus', 'visit to Tehran'). */
const LOCATIVE = /\b(in|to|at|from|near|into|outside|inside|around|across|via|toward|towards|through|visit|visited|visiting|arrived|landed|reached|left|of)\s+(the\s+)?$/i;
const ORG_SECTORS: [RegExp, Sector][] = [
  [/\b(army|armed forces|defen[cs]e forces|military|air force|navy|naval|guards?|corps|brigades?|militia|troops)\b/i, 'MIL'],
  [/\b(news|agency|television|tv|radio|broadcast\w*|press|times|post|herald|journal|gazette|tribune|media|akhbar|ahram|jazeera|arabiya|telegraph|chronicle|daily|magazine)\b/i, 'MED'],
  [/\b(ministry|government|cabinet|parliament|council|senate|congress|kremlin|white house|embassy)\b/i, 'GOV'],
  [/\b(police)\b/i, 'COP'],
  [/\b(court|tribunal)\b/i, 'JUD'],
  [/\b(university|college|school|institute)\b/i, 'EDU'],
  [/\b(church|mosque|synagogue|diocese)\b/i, 'REL'],
  [/\b(bank|inc|corp|company|group|ltd|plc|airlines?)\b/i, 'BUS'],
  [/\b(united nations|nato|european union|african union|arab league|world bank|imf|who|unicef|opec)\b/i, 'IGO'],
];

function orgSector(name: string): Sector | null {
  for (const [re, s] of ORG_SECTORS) if (re.test(name)) return s;
  return null;
}

function initials(name: string): string {
  return nameTokens(name)
    .filter((t) => !['of', 'the', 'and', 'for'].includes(t))
    .map((t) => t[0])
    .join('')
    .toUpperCase();
}

/** The country named by a demonym or possessive just before `pos` ('Iranian ', "Iran's ", 'Syrian '). */
function countryBefore(text: string, pos: number, places: PlaceLookup): string | null {
  const m = /([\p{Lu}][\p{L}-]+)(?:['’]s)?\s+$/u.exec(text.slice(Math.max(0, pos - 40), pos));
  if (!m) return null;
  const word = m[1]!;
  return places.demonym(word) ?? (places.place(word)?.kind === 'country' ? places.place(word)!.iso3 : null);
}

/**
 * A description set before a name by a comma: 'The chief of staff of Iran's military, Maj. Gen. X'
 * or 'the commander of Iran's Quds force, X' -> the country it names (a role word and one country).
 */
function descriptionBefore(text: string, pos: number, places: PlaceLookup): string | null {
  const before = text.slice(Math.max(0, pos - 100), pos);
  const m = /(?:^|[.;:!?\n]\s*|,\s*)([^,.;:!?\n]{3,80}),\s*$/u.exec(before);
  if (!m) return null;
  const words = m[1]!.trim().split(/\s+/);
  if (words.length > 9 || !words.some((w) => isRoleWord(w) && !['the', 'of', 'and', 'for'].includes(w.toLowerCase()))) return null;
  const countries = new Set<string>();
  for (const w of words) {
    const bare = w.replace(/['’]s$/u, '');
    const iso = places.demonym(bare) ?? (places.place(bare)?.kind === 'country' ? places.place(bare)!.iso3 : null);
    if (iso) countries.add(iso);
  }
  return countries.size === 1 ? [...countries][0]! : null;
}

/** An apposition after a name: ', Iran's chief of staff,' -> role and the country it names. */
function appositionAfter(text: string, end: number, places: PlaceLookup): { role: string; country: string | null } | null {
  const m = /^,\s+(?:the\s+)?(?:([\p{Lu}][\p{L}-]+)(?:['’]s)?\s+)?((?:[\p{L}.]+\s+){0,4}?[\p{L}.]+)\s*[,.;]/u.exec(text.slice(end, end + 90));
  if (!m) return null;
  const words = m[2]!.split(/\s+/);
  if (!words.every((w) => isRoleWord(w))) return null;
  const role = m[2]!;
  if (!roleSector(role)) return null;
  const lead = m[1];
  const country = lead ? (places.demonym(lead) ?? (places.place(lead)?.kind === 'country' ? places.place(lead)!.iso3 : null)) : null;
  if (lead && !country) return null;
  return { role, country };
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * An organisation's key: its normalised name with country words folded to the country code, so
 * that 'Israel Air Force' and 'Israeli Air Force' meet, and national armed forces under one key.
 */
function orgKey(raw: string, places: PlaceLookup): string {
  let iso: string | null = null;
  const words = normaliseName(raw)
    .split(' ')
    .map((w) => {
      const c = places.demonym(w) ?? (places.place(w)?.kind === 'country' ? places.place(w)!.iso3 : null);
      if (c) iso ??= c;
      return c ?? w;
    });
  const rest = words.filter((w) => w !== iso).join(' ');
  if (iso && /^(army|military|armed forces|defen[cs]e forces)$/.test(rest)) return `ORG:${iso}:armed forces`;
  return `ORG:${words.join(' ')}`;
}

/** The acronym with one doubled letter written once ('IIDF' -> 'IDF'), for each doubled letter. */
function undoubled(acronym: string): string[] {
  const out: string[] = [];
  for (let i = 1; i < acronym.length; i++) if (acronym[i] === acronym[i - 1]) out.push(acronym.slice(0, i) + acronym.slice(i + 1));
  return out;
}

/**
 * An acronym that differs from another acronym of the same article only by one doubled letter
 * ('IIDF' beside 'IDF') is a typo of it: its mentions join the other's entity.
 */
function mergeAcronymTypos(mentions: Mention[], entities: Map<string, LocalEntity>): void {
  const acronyms = new Map<string, string>();
  for (const m of mentions) if (m.type === 'ORG' && m.entityKey && /^[A-Z]{2,6}$/.test(m.text)) acronyms.set(m.text, m.entityKey);
  for (const m of mentions) {
    if (m.type !== 'ORG' || !m.entityKey || !/^[A-Z]{3,7}$/.test(m.text)) continue;
    const intoKey = undoubled(m.text).map((a) => acronyms.get(a)).find((k) => k && k !== m.entityKey);
    const from = entities.get(m.entityKey);
    const into = intoKey ? entities.get(intoKey) : undefined;
    if (!into || !from) continue;
    m.entityKey = into.key;
    into.aliases.set(m.text, (into.aliases.get(m.text) ?? 0) + 1);
    const left = (from.aliases.get(m.text) ?? 1) - 1;
    if (left > 0) from.aliases.set(m.text, left);
    else from.aliases.delete(m.text);
    if (from.aliases.size === 0) entities.delete(from.key);
  }
}

/**
 * A name the tagger took for an unknown place ('Bagheri met with ...' as LOC) that is the surname or
 * name of a person of the same article is that person: a place the gazetteer does not know has no
 * stronger claim to the name. The same holds for a surname alone typed MISC or ORG ('Bush' beside
 * 'Reggie Bush'), unless a longer organisation name of the article holds the word ('Ford' beside
 * 'Betty Ford Center').
 */
function personsTaggedAsPlaces(mentions: Mention[], entities: Map<string, LocalEntity>, people: LocalEntity[]): void {
  // Each word of an organisation or other name, with the names it appears in.
  const orgNamesWith = new Map<string, Set<string>>();
  for (const m of mentions) {
    if (m.type !== 'ORG' && m.type !== 'MISC') continue;
    for (const w of m.text.split(/\s+/)) orgNamesWith.set(w, (orgNamesWith.get(w) ?? new Set()).add(m.text));
  }
  const inOtherName = (word: string) => [...(orgNamesWith.get(word) ?? [])].some((t) => t !== word);
  for (const m of mentions) {
    if (m.rule !== 'ner' || !m.entityKey) continue;
    const asPlace = m.type === 'LOC' && m.entityKey.startsWith('LOC:');
    const surname = !asPlace && (m.type === 'MISC' || m.type === 'ORG') && /^\p{Lu}\p{Ll}[\p{L}'’]*$/u.test(m.text) && !inOtherName(m.text);
    if (!asPlace && !surname) continue;
    const person = people.find((p) => (asPlace ? nameCompatible(m.text, p.name) : nameTokens(p.name).length > 1 && nameTokens(p.name).at(-1) === nameTokens(m.text)[0]));
    const place = entities.get(m.entityKey);
    if (!person || !place) continue;
    m.type = 'PERSON';
    m.entityKey = person.key;
    m.rule = 'ner+person-name';
    person.aliases.set(m.text, (person.aliases.get(m.text) ?? 0) + 1);
    const left = (place.aliases.get(m.text) ?? 1) - 1;
    if (left > 0) place.aliases.set(m.text, left);
    else place.aliases.delete(m.text);
    if (place.aliases.size === 0) entities.delete(place.key);
  }
}

/**
 * Tagger spans made fit for resolution: punctuation trimmed off the edges, spans of role words alone
 * dropped ('Maj.'), names carried over lower-case particles ('Bashar' + 'al Assad'), and a title
 * inside an organisation span split into the person it names ('US National Security Adviser John
 * Bolton' -> 'US' and 'John Bolton').
 */
export function cleanSpans(text: string, spans: TaggedSpan[], places: PlaceLookup, lexicon: Lexicon = defaultLexicon()): TaggedSpan[] {
  const out: TaggedSpan[] = [];
  // In a Title-Cased headline capitals say nothing: long capitalised runs are not names there.
  const long = text.match(/\p{L}{4,}/gu) ?? [];
  const titleCase = long.length >= 4 && long.filter((w) => /^\p{Lu}/u.test(w)).length / long.length > 0.7;
  const trimmed: TaggedSpan[] = [];
  for (const s0 of spans) {
    let { start, end } = s0;
    while (start < end && /[^\p{L}\p{N}]/u.test(text[start]!)) start++;
    while (end > start && /[^\p{L}\p{N}.]/u.test(text[end - 1]!)) end--;
    if (end > start) trimmed.push({ ...s0, start, end });
  }
  const shape = articleShape(text, trimmed.filter((s) => s.type === 'PER'));
  // How the tagger typed each exact form across the article.
  const typeVotes = new Map<string, Map<TaggedSpan['type'], number>>();
  for (const s of trimmed) {
    const form = text.slice(s.start, s.end);
    const v = typeVotes.get(form) ?? new Map<TaggedSpan['type'], number>();
    v.set(s.type, (v.get(s.type) ?? 0) + 1);
    typeVotes.set(form, v);
  }
  // Spans in order, with split-off persons cleaned next (a stack in front of the list: shifting a
  // long array is linear, which made this loop quadratic on a long article).
  const front: TaggedSpan[] = [];
  let next = 0;
  while (front.length || next < trimmed.length) {
    let s = front.pop() ?? trimmed[next++]!;
    // A span of another type across a line break keeps its longer side (a headline ran into it).
    if (s.type !== 'PER' && text.slice(s.start, s.end).includes('\n')) {
      let at = s.start;
      let best = { start: s.start, end: s.start, n: 0 };
      for (const part of text.slice(s.start, s.end).split('\n')) {
        const n = part.trim() ? part.trim().split(/\s+/).length : 0;
        if (n > best.n) best = { start: at, end: at + part.length, n };
        at += part.length + 1;
      }
      s = { ...s, start: best.start, end: best.end };
    }
    const words = text.slice(s.start, s.end).split(/\s+/);
    if (words.every((w) => isRoleWord(w))) continue;
    if (titleCase && words.length > 3) continue;
    if (s.type === 'PER') s = retypePerson(text, lexicon, s, typeVotes);
    if (s.type === 'PER') {
      const name = refinePersonSpan(shape, lexicon, s);
      if (!name) continue;
      s = retypePerson(text, lexicon, { ...s, start: name.start, end: name.end, ...(name.role ? { role: name.role } : {}) }, typeVotes);
    }
    if (s.type === 'PER') {
      const end = s.end;
      const tail = /^\s+(?:al|el|bin|ibn|abu|de|van|von|da|di)[-\s]+\p{Lu}[\p{L}'’-]+/u.exec(text.slice(end, end + 40));
      if (tail) s = { ...s, end: end + tail[0].length };
    }
    if (s.type === 'ORG') s = withCountryPrefix(text, s, places);
    if (s.type === 'ORG' || s.type === 'MISC') {
      const split = splitTitledPerson(text, s);
      if (split) {
        // The person after the title is cleaned like any person span ('... Attorney Weighs Filing ...').
        for (const part of split) {
          if (part.type === 'PER') front.push(part);
          else out.push(part);
        }
        continue;
      }
    }
    out.push(s);
  }
  // A span swallowed by a longer one (the country word now inside 'Israeli Air Force') goes.
  return unswallowed(out);
}

/** Group words, with demonyms beside them ('Sunni Muslims', 'Lebanese Shiite'): a group of people (NORP). */
function groupPhrase(raw: string, places: PlaceLookup): boolean {
  const words = raw.split(/[\s-]+/).filter(Boolean);
  return words.some((w) => isGroupWord(w)) && words.every((w) => isGroupWord(w) || places.demonym(w) !== null);
}

/**
 * A person span the same article types otherwise more often (an organisation read as a person once
 * in a headline), or a team whose plural the article writes. The type the tagger gave changes only on such evidence from another mention of the
 * same document: the span's own words ('Sunni Muslims', 'Al Akhbar', a city's name) are what the
 * tagger read already, and overruling it from word lists cost more right names than it fixed.
 */
function retypePerson(text: string, lexicon: Lexicon, s: TaggedSpan, votes: Map<string, Map<TaggedSpan['type'], number>>): TaggedSpan {
  // A team: the article writes the name's plural noun elsewhere ('the Gulls').
  if (personSpanKind(text, lexicon, s) === 'team') return { ...s, type: 'ORG' };
  const v = votes.get(text.slice(s.start, s.end));
  if (!v) return s;
  let best: TaggedSpan['type'] = 'PER';
  for (const [t, n] of v) if (n > (v.get(best) ?? 0)) best = t;
  return best === 'PER' ? s : { ...s, type: best };
}

/** Words that open the name of a state body and take the state's name before them ('Israeli Air Force'). */
const STATE_BODY = /^(Air|Army|Navy|Naval|Armed|Defen[cs]e|Ministry|Foreign|Interior|National|Central|Supreme|Revolutionary|Border|Special|Security|Intelligence|Police|Coast|Republican|Presidential)\b/;

/** An organisation span led by a state-body word takes in the country word just before it. */
function withCountryPrefix(text: string, s: TaggedSpan, places: PlaceLookup): TaggedSpan {
  if (!STATE_BODY.test(text.slice(s.start, s.end))) return s;
  const m = /(\p{Lu}[\p{L}]+) $/u.exec(text.slice(Math.max(0, s.start - 30), s.start));
  if (!m || !(places.demonym(m[1]!) || places.place(m[1]!)?.kind === 'country')) return s;
  return { ...s, start: s.start - m[0].length };
}

/** 'US National Security Adviser John Bolton' -> the place before the title and the person after it. */
function splitTitledPerson(text: string, s: TaggedSpan): TaggedSpan[] | null {
  const words = [...text.slice(s.start, s.end).matchAll(/\S+/g)].map((m) => ({ w: m[0], start: s.start + (m.index ?? 0) }));
  let k = words.length - 1;
  while (k >= 0 && !isRoleWord(words[k]!.w)) k--;
  if (k < 0 || k === words.length - 1) return null;
  const tail = words.slice(k + 1);
  if (!tail.every((t) => /^\p{Lu}/u.test(t.w))) return null;
  let j = k;
  while (j > 0 && isRoleWord(words[j - 1]!.w)) j--;
  if (!roleSector(words.slice(j, k + 1).map((x) => x.w).join(' '))) return null;
  const out: TaggedSpan[] = [];
  if (j > 0) out.push({ start: s.start, end: words[j - 1]!.start + words[j - 1]!.w.length, type: 'LOC' });
  out.push({ start: tail[0]!.start, end: s.end, type: 'PER' });
  return out;
}

export function resolveMentions(text: string, rawSpans: TaggedSpan[], places: PlaceLookup): ResolvedDoc {
  const spans = cleanSpans(text, rawSpans, places);
  const mentions: Mention[] = [];
  // Mentions by position, to ask what a candidate overlaps without scanning them all.
  const taken = new SpanIndex<Mention>();
  const overlapsMention = (span: Span) => taken.overlaps(span);
  const entities = new Map<string, LocalEntity>();
  const entity = (key: string, name: string, type: EntityType, country: string | null, sector: Sector | null): LocalEntity => {
    let e = entities.get(key);
    if (!e) {
      e = { key, name, type, country, sector, aliases: new Map(), roles: new Set() };
      entities.set(key, e);
    }
    e.country ??= country;
    e.sector ??= sector;
    return e;
  };
  const countryEntity = (iso3: string) => entity(`GPE:${iso3}`, places.countryName(iso3) ?? iso3, 'GPE', iso3, null);
  const add = (m: Omit<Mention, 'text'>, e: LocalEntity | null) => {
    const t = text.slice(m.start, m.end);
    const mention = { ...m, text: t, entityKey: e?.key ?? null };
    mentions.push(mention);
    taken.add(mention);
    if (e) e.aliases.set(t, (e.aliases.get(t) ?? 0) + 1);
  };

  // Epithets and metonyms written out ('the Jewish state', 'the Kremlin').
  for (const ep of places.epithets()) {
    const re = new RegExp(`\\b${escapeRe(ep.phrase)}\\b`, 'gi');
    for (const m of text.matchAll(re)) {
      const span = { start: m.index ?? 0, end: (m.index ?? 0) + m[0].length };
      // 'the Islamic Republic News Agency' is an organisation, not the epithet.
      if (/^\s+(News|of)\b/.test(text.slice(span.end, span.end + 8))) continue;
      if (overlapsMention(span)) continue;
      add({ ...span, type: 'GPE', entityKey: null, role: null, metonymy: true, rule: 'gazetteer:epithet' }, countryEntity(ep.iso3));
    }
  }

  const persons: { span: TaggedSpan; name: string; start: number; role: string | null; country: string | null }[] = [];
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    if (overlapsMention(s)) continue;
    const raw = text.slice(s.start, s.end);
    if (s.type === 'PER') {
      const split = splitRole(raw);
      const start = s.start + (split.role ? raw.indexOf(split.name) : 0);
      // Role words inside the span and before it form one role ('Maj.' + 'Gen. Mohammad Bagheri').
      const before = roleBefore(text, start);
      const role = before?.role ?? split.role ?? s.role ?? null;
      const roleStart = before?.start ?? (split.role ? s.start : start);
      const appo = appositionAfter(text, s.end, places);
      const country = countryBefore(text, roleStart, places) ?? appo?.country ?? descriptionBefore(text, roleStart, places);
      persons.push({ span: { ...s, start }, name: split.name, start, role: role ?? appo?.role ?? null, country });
      continue;
    }
    if (s.type === 'LOC') {
      const p = places.place(raw);
      if (p?.kind === 'country') {
        add({ ...s, type: 'GPE', entityKey: null, role: null, metonymy: false, rule: 'ner+gazetteer:country' }, countryEntity(p.iso3));
      } else if (p && p.kind === 'capital' && !LOCATIVE.test(text.slice(Math.max(0, s.start - 30), s.start))) {
        add({ ...s, type: 'GPE', entityKey: null, role: null, metonymy: true, rule: 'ner+gazetteer:capital-as-actor' }, countryEntity(p.iso3));
      } else if (p) {
        add({ ...s, type: 'GPE', entityKey: null, role: null, metonymy: false, rule: 'ner+gazetteer:place' }, entity(`GPE:${p.country}:${normaliseName(raw)}`, raw, 'GPE', p.country, null));
      } else {
        add({ ...s, type: 'LOC', entityKey: null, role: null, metonymy: false, rule: 'ner' }, entity(`LOC:${normaliseName(raw)}`, raw, 'LOC', null, null));
      }
      continue;
    }
    if (s.type === 'MISC') {
      const iso = places.demonym(raw);
      if (iso) add({ ...s, type: 'NORP', entityKey: null, role: null, metonymy: false, rule: 'ner+gazetteer:demonym' }, countryEntity(iso));
      else if (groupPhrase(raw, places)) add({ ...s, type: 'NORP', entityKey: null, role: null, metonymy: false, rule: 'ner+gazetteer:group' }, entity(`NORP:${normaliseName(raw)}`, raw, 'NORP', null, null));
      else add({ ...s, type: 'MISC', entityKey: null, role: null, metonymy: false, rule: 'ner' }, entity(`MISC:${normaliseName(raw)}`, raw, 'MISC', null, null));
      continue;
    }
    // ORG: an acronym joins the organisation whose initials it spells.
    const acronymOf = /^[A-Z]{2,6}$/.test(raw) ? [...entities.values()].find((e) => e.type === 'ORG' && initials(e.name) === raw) : undefined;
    const country = (() => {
      for (const w of raw.split(/\s+/)) {
        const iso = places.demonym(w) ?? (places.place(w)?.kind === 'country' ? places.place(w)!.iso3 : null);
        if (iso) return iso;
      }
      return countryBefore(text, s.start, places);
    })();
    // A short form the gazetteer knows ('IDF') stands for its full name, country and sector.
    const known = knownOrganisation(raw);
    // 'state news agency SANA' (a descriptor before) and 'Tasnim news agency' (a head after) name an outlet.
    const descriptor = descriptorBefore(text, s.start);
    const head = outletHeadAfter(text, s.end);
    const sector = known?.sector ?? (descriptor || head ? 'MED' : orgSector(raw));
    const e = known
      ? entity(known.national ? `ORG:${known.country}:armed forces` : orgKey(known.name, places), known.name, 'ORG', known.country, known.sector)
      : (acronymOf ?? entity(orgKey(raw, places), raw, 'ORG', country, sector));
    if (known) e.name = known.name;
    e.sector ??= sector;
    const rule = known ? 'ner+gazetteer:organisation' : acronymOf ? 'ner+acronym' : 'ner';
    add({ ...s, end: s.end + head, type: 'ORG', entityKey: null, role: descriptor?.role ?? null, metonymy: false, rule }, e);
  }
  mergeAcronymTypos(mentions, entities);
  const personSpans = new SpanIndex(persons.map((p) => p.span));

  // '<demonym> army' and '<country> armed forces' name a state's armed forces, an organisation.
  for (const m of text.matchAll(/\b(\p{Lu}[\p{L}]+)\s+(army|military|armed forces|defen[cs]e forces)\b/giu)) {
    const iso = places.demonym(m[1]!) ?? (places.place(m[1]!)?.kind === 'country' ? places.place(m[1]!)!.iso3 : null);
    if (!iso) continue;
    const span = { start: m.index ?? 0, end: (m.index ?? 0) + m[0].length };
    if (personSpans.overlaps(span)) continue;
    // The demonym alone may already stand as a NORP mention: the longer phrase replaces it.
    for (const x of taken.overlapping(span)) {
      if (x.start >= span.start && x.end <= span.end && (x.type === 'NORP' || x.type === 'GPE')) {
        mentions.splice(mentions.indexOf(x), 1);
        taken.remove(x);
      }
    }
    if (overlapsMention(span)) continue;
    add({ ...span, type: 'ORG', entityKey: null, role: null, metonymy: false, rule: 'pattern:armed-forces' }, entity(`ORG:${iso}:armed forces`, m[0], 'ORG', iso, 'MIL'));
  }

  // Demonyms and country names the tagger missed: two-word names first ('Saudi Arabia'), then single words.
  const free = (span: Span) => !overlapsMention(span) && !personSpans.overlaps(span);
  for (const re of [/\b\p{Lu}[\p{L}]+\s\p{Lu}[\p{L}]+\b/gu, /\b\p{Lu}[\p{L}]+\b/gu]) {
    for (const m of text.matchAll(re)) {
      const span = { start: m.index ?? 0, end: (m.index ?? 0) + m[0].length };
      if (!free(span)) continue;
      const iso = places.demonym(m[0]);
      const p = places.place(m[0]);
      if (iso) add({ ...span, type: 'NORP', entityKey: null, role: null, metonymy: false, rule: 'gazetteer:demonym' }, countryEntity(iso));
      else if (p?.kind === 'country') add({ ...span, type: 'GPE', entityKey: null, role: null, metonymy: false, rule: 'gazetteer:country' }, countryEntity(p.iso3));
    }
  }

  // People: longest names first, so that a surname alone joins the full name it abbreviates.
  const order = [...persons].sort((a, b) => nameTokens(b.name).length - nameTokens(a.name).length || a.start - b.start);
  const people: LocalEntity[] = [];
  // The first compatible person for a name already looked up: people only grow at the end, so the
  // answer stays the same (and a name repeated a thousand times is compared once).
  const personFor = new Map<string, LocalEntity>();
  for (const p of order) {
    const tokens = nameTokens(p.name);
    if (tokens.length === 0) continue;
    let e = personFor.get(p.name) ?? people.find((x) => nameCompatible(p.name, x.name));
    if (!e) {
      e = entity(`PERSON:${tokens.join(' ')}`, p.name, 'PERSON', p.country, p.role ? roleSector(p.role) : null);
      people.push(e);
    }
    if (nameCompatible(p.name, e.name)) personFor.set(p.name, e);
    e.country ??= p.country;
    if (p.role) {
      e.roles.add(p.role);
      e.sector ??= roleSector(p.role);
    }
    add({ start: p.start, end: p.span.end, type: 'PERSON', entityKey: null, role: p.role, metonymy: false, rule: 'ner' }, e);
  }
  personsTaggedAsPlaces(mentions, entities, people);
  mentions.sort((a, b) => a.start - b.start);
  return { mentions, entities: [...entities.values()] };
}
