// Titles, ranks and offices written before a name ('Maj. Gen.', 'Defense Minister', 'President')
// are roles, not part of the name: finding them, and the sector they imply. The words themselves
// are language data (src/lang/en/role-words.ts).
import { ROLE_PREFIXES, type Sector } from '../lang/en/role-words.js';

export type { Sector };

const ROLE = ROLE_PREFIXES;
const JOINERS = new Set(['of', 'the', 'for', 'and']);
/** Words that make a sequence a role on their own (a joiner or 'field' alone does not). */
const HEAD_SECTOR: [RegExp, Sector][] = [
  [/(?<!\p{L})(gen\.|general|maj\.|major|lt\.|lieutenant|col\.|colonel|brig\.|brigadier|adm\.|admiral|capt\.|captain|sgt\.|sergeant|cmdr\.|commander|marshal|army|military|armed forces|chief of staff)(?!\p{L})/u, 'MIL'],
  [/(?<!\p{L})(defen[cs]e minister|minister of defen[cs]e)(?!\p{L})/u, 'GOV'],
  [/(?<!\p{L})(sen\.|senator|rep\.|representative|lawmaker|speaker|mp)(?!\p{L})/u, 'LEG'],
  [/(?<!\p{L})(judge|justice|attorney|prosecutor)(?!\p{L})/u, 'JUD'],
  [/(?<!\p{L})(police|inspector|detective|sheriff)(?!\p{L})/u, 'COP'],
  [/(?<!\p{L})(pope|cardinal|archbishop|bishop|rabbi|imam|cleric|ayatollah|rev\.)(?!\p{L})/u, 'REL'],
  [/(?<!\p{L})(ceo|chairman|chairwoman|executive|founder|owner)(?!\p{L})/u, 'BUS'],
  [/(?<!\p{L})(council(?:man|woman|lor|or)|alderman|assembly(?:man|woman)|congress(?:man|woman))(?!\p{L})/u, 'LEG'],
  [/(?<!\p{L})(editor|reporter|correspondent|columnist|anchor)(?!\p{L})/u, 'MED'],
  [/(?<!\p{L})(officer|trooper|agent)(?!\p{L})/u, 'COP'],
  [/(?<!\p{L})(lawyer)(?!\p{L})/u, 'JUD'],
  [/(?<!\p{L})(coach|quarterback|qb|rb|wr|receiver|linebacker|cornerback|halfback|fullback|tailback|lineman|kicker|punter|pitcher|shortstop|outfielder|striker|midfielder|goalkeeper|goalie|boxer|heavyweight|champion|rookie|actor|actress|singer|rapper|comedian|director|producer|inmate|suspect)(?!\p{L})/u, 'CVL'],
  [/(?<!\p{L})(president|prime minister|minister|secretary|chancellor|premier|king|queen|prince|emir|sheikh|leader|ambassador|envoy|spokes\w+|governor|mayor|commissioner|adviser|advisor|gov\.|pres\.|sec\.)(?!\p{L})/u, 'GOV'],
];
const COURTESY = new Set(['mr.', 'mrs.', 'ms.', 'dr.', 'mr', 'mrs', 'ms', 'dr', 'sir', 'lord', 'lady', 'prof.']);

export function isRoleWord(word: string): boolean {
  return ROLE.has(word.toLowerCase());
}

/** The sector a role implies ('Maj. Gen.' -> MIL, 'Defense Minister' -> GOV), or null. */
export function roleSector(role: string): Sector | null {
  const r = role.toLowerCase();
  for (const [re, sector] of HEAD_SECTOR) if (re.test(r)) return sector;
  return null;
}

/** A role phrase worth keeping: not only joiners or courtesy titles. */
export function isMeaningfulRole(role: string): boolean {
  const words = role.toLowerCase().split(/\s+/).filter(Boolean);
  return words.some((w) => !JOINERS.has(w) && !COURTESY.has(w)) && roleSector(role) !== null;
}

/**
 * Splits leading role words off a name: 'Maj. Gen. Mohammad Bagheri' -> role 'Maj. Gen.', name
 * 'Mohammad Bagheri'. Joiners inside the role are kept ('Chief of Staff').
 */
export function splitRole(phrase: string): { role: string | null; name: string } {
  // The descriptor's first word may open a sentence ('State news agency SANA').
  const trimmed = phrase.trim();
  const lowered = DESCRIPTOR_LEAD.exec(trimmed.charAt(0).toLowerCase() + trimmed.slice(1));
  const described = DESCRIPTOR_LEAD.exec(trimmed) ?? (lowered && /\s/.test(lowered[1]!) ? lowered : null);
  if (described) return { role: trimmed.slice(0, described[1]!.length), name: trimmed.slice(described[0].length) };
  const words = phrase.trim().split(/\s+/);
  let i = 0;
  while (i < words.length - 1 && ROLE.has(words[i]!.toLowerCase())) i++;
  // A role never ends on a joiner: 'Minister of' + 'Mohammad X' gives the joiner back.
  while (i > 0 && JOINERS.has(words[i - 1]!.toLowerCase())) i--;
  if (i === 0) return { role: null, name: phrase.trim() };
  return { role: words.slice(0, i).join(' '), name: words.slice(i).join(' ') };
}

/**
 * The role words written just before offset `end` in `text` (the name starts at `end`):
 * 'Syrian Defense Minister ' -> 'Defense Minister'. Returns the role and its start offset.
 */
export function roleBefore(text: string, end: number): { role: string; start: number } | null {
  const window = text.slice(Math.max(0, end - 80), end);
  const words = [...window.matchAll(/[\p{L}.]+/gu)];
  let k = words.length - 1;
  // Only words directly adjoining the name, separated by single spaces.
  let cursor = window.length;
  const taken: RegExpMatchArray[] = [];
  while (k >= 0) {
    const m = words[k]!;
    const gap = window.slice((m.index ?? 0) + m[0].length, cursor);
    if (!/^ ?$/.test(gap)) break;
    if (!ROLE.has(m[0].toLowerCase())) break;
    taken.unshift(m);
    cursor = m.index ?? 0;
    k--;
  }
  while (taken.length && JOINERS.has(taken[0]![0].toLowerCase())) taken.shift();
  if (!taken.length) return null;
  const role = taken.map((m) => m[0]).join(' ');
  if (!isMeaningfulRole(role)) return null;
  return { role, start: end - window.length + (taken[0]!.index ?? 0) };
}

/**
 * Descriptors of a news outlet written before its name, like a title before a person's ('state news
 * agency SANA', 'the news agency IRNA', 'Iranian daily Kayhan'): the words are a role, the name
 * follows, and the outlet is media (MED).
 */
const OUTLET_ADJECTIVES = String.raw`(?:state|state-run|state-owned|official|semi-official|government|government-run|national|independent|private|local|news|online)`;
/** Heads that name an outlet alone, and heads that do so only after a qualifier ('state television', not 'the agency'). */
const OUTLET_HEADS = String.raw`(?:news\s+agency|news\s+website|news\s+site|newspaper|daily|weekly|broadcaster|tv\s+channel)`;
const QUALIFIED_HEADS = String.raw`(?:agency|television|tv|radio|channel|outlet|media)`;
const DESCRIPTOR = String.raw`(?:(?:the|a)\s+)?(?:\p{Lu}\p{Ll}+\s+)?(?:(?:${OUTLET_ADJECTIVES}\s+)*${OUTLET_HEADS}|(?:${OUTLET_ADJECTIVES}\s+)+${QUALIFIED_HEADS})`;
const DESCRIPTOR_LEAD = new RegExp(String.raw`^(${DESCRIPTOR})\s+(?=\p{Lu})`, 'u');
const DESCRIPTOR_BEFORE = new RegExp(String.raw`(?<![\p{L}-])(${DESCRIPTOR}) $`, 'u');

/** An outlet descriptor directly before offset `end` ('state news agency ' + 'SANA'): the role and its start. */
export function descriptorBefore(text: string, end: number): { role: string; start: number; sector: Sector } | null {
  const raw = text.slice(Math.max(0, end - 60), end);
  // A descriptor opening a sentence is capitalised ('State news agency SANA').
  const window = raw.replace(/(^|[.!?]\s+)(\p{Lu})(?=\p{Ll})/gu, (_, a: string, b: string) => a + b.toLowerCase());
  const m = DESCRIPTOR_BEFORE.exec(window);
  if (!m) return null;
  // Lower-case descriptor words only: a capitalised run ('Syrian Arab News Agency SANA') is a name.
  const words = m[1]!.split(/\s+/).filter((w) => w !== 'the' && w !== 'a');
  if (words.slice(1).some((w) => /^\p{Lu}/u.test(w))) return null;
  const start = end - window.length + (m.index ?? 0);
  const role = text.slice(start, end - 1);
  const lead = /^(?:the|a)\s+/i.exec(role);
  return { role: lead ? role.slice(lead[0].length) : role, start: start + (lead ? lead[0].length : 0), sector: 'MED' };
}

/** A lower-case outlet head written after a name ('Tasnim news agency'): its length, else 0. */
export function outletHeadAfter(text: string, end: number): number {
  const m = /^ (news agency|news website|news site|newspaper|daily|broadcaster|television|tv channel)(?![\p{L}-])/u.exec(text.slice(end, end + 20));
  return m ? m[0].length : 0;
}
