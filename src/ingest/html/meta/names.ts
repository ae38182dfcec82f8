// Author strings -> names: byline words removed ('By ', 'Von ', 'Par'), several names split
// ('A and B', 'A; B', 'A B, C D'), and strings rejected that are not names (addresses, e-mail,
// dates, form labels, prose, the site's own name). Shared by every author rule.
import { clean, squash } from './candidates.js';

/** Words that introduce a byline in the languages the pages use. */
export const BY_PREFIX =
  /^(?:(?:written|posted|published|reported|story|words|article|interview|text|fotos?|photos?|bilder?|recipe|rezept|video)\s+(?:by|von)|(?:eingestellt|veröffentlicht|erstellt|verfasst|geschrieben|publiziert)\s+von|(?:pressemitteilung|presseinformation|pressemeldung)\s+(?:von|der|des)|zeige alle beiträge von|alle beiträge von|alles von|publié par|publicado por|pubblicato da|(?:blog\s+)?(?:ein\s+)?(?:beitrag|artikel)\s+von|mehr von|more from|posts by|articles by|by|von|vom|par|por|door|av|af|przez|autor(?:in|en)?|authors?|auteurs?|autore|redakteur(?:in)?|redaktion(?=\s*:)|interview|text|fotos?|photos?)\s*[:\-–]?\s+/i;
/** Separators between several names. Slashes stay: 'agency/desk' is one credit. */
const SPLIT = /\s*(?:;|\||&(?!\s*Co\b)|\s+(?:and|und|et|y|e|en|og|och|oraz)\s+)\s*/i;
const NOT_NAME =
  /https?:|www\.|@|\.(?:com|de|org|net|html?)\b|\d{3,}|\d:\d\d|(?:^|\s)\d+(?:\s|$)|[*()[\]{}<>=]|\b(?:cookie|javascript|login|anmelden|kommentar|comments?|share|teilen|min(?:ute)?s?\s+read|lesezeit|follow|folgen|e-?mail|website|erforderlich|required|sagt|says|antworten|reply|stunden|hours|ago|minuten|posted|veröffentlicht|published|gesponsert\w*|sponsored)\b/i;
/** Trailing pieces that qualify a name without being one: degrees, an outlet acronym, a date. */
const TRAILER = /,\s*(?:[Pp]h\.?[Dd]\.?|M\.?D\.?|MBA|MSc|B\.?Sc|\p{Lu}{2,5})$|\s+(?:am|on|le|el|il)\s+\d.*$|\s+(?:am|on)\s+(?:\p{L}+tag|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b.*$/u;

/** A user name with a number at its end ('kite42'): the digits are no date or phone number. */
const NUMBERED_HANDLE = /^\p{L}{3,}[\p{L}_]*\d{1,4}$/u;

const CONTRIBUTOR_ROLE = /^(?:übersetzung|übersetzt|translat\w*|traduction|traducci[oó]n|traduzione|illustrations?|grafik|infografik|mitarbeit|lektorat|kamera|schnitt)\b/i;

/** A profession written before the name in a byline ('Autor: Rechtsanwalt Max Muster'), which
 * is no part of the name; academic titles ('Dr.') are kept, as pages and readers keep them. */
const PROFESSION = /^(?:Rechtsanw(?:alt|ältin)|Fachanw(?:alt|ältin)(?:\s+für\s+\p{L}+)?|Patentanw(?:alt|ältin)|Notar(?:in)?|Steuerberater(?:in)?|Wirtschaftsprüfer(?:in)?|Attorney|Lawyer|Avocat|Abogad[oa])\s+(?=\p{Lu})/u;

function cleanName(raw: string): string {
  let s = clean(raw).replace(/^(?:©|@|copyright\b)\s*(?:\d{4}\s*)?/i, '').replace(/\s+@\w+/g, '');
  s = s.replace(/^[-–—|]\s*/, '').replace(BY_PREFIX, '').replace(BY_PREFIX, '').replace(PROFESSION, '');
  // A role in brackets after the name: 'Name (Pressesprecher)', 'Name (Guest post), Speaker at X'.
  s = s.replace(/\s*\([^()]{1,60}\)(?:\s*,[^()]*)?$/, '');
  // Trailing descriptors: 'Name | Site', 'Name - Redaktion', a date after the name.
  s = s.replace(/\s+(?:[|•·]|[-–—]\s).*$/, '').replace(TRAILER, '');
  return s.replace(/^[\s,:;–—-]+|[\s,:;–—-]+$/g, '');
}

/** Prose, not a name: several lower-case words that are not name particles, or a phrase that
 * opens with a lower-case word ('unsere lieben Leser'; a user name is one word). */
function wordsOfAName(s: string): boolean {
  if (s.split(/\s+/).filter((w) => /^\p{Ll}/u.test(w) && !/^(?:de|van|von|der|den|da|di|del|la|le|bin|al|y|e|und|and|et)$/.test(w)).length >= 2) return false;
  return !(/\s/.test(s) && /^\p{Ll}/u.test(s) && !/^(?:de|van|von|der|den|da|di|del|la|le|al|bin|ibn|el|dos|das|du|ten|ter|zu|vom|zum)\s/.test(s));
}

/** `userName`: the string is known to be an account's display name (a profile link's text), so
 * lower-case words are no sign of prose ('Reads on trains'). */
function plausibleName(s: string, siteNames: string[], host: string | null, userName = false): boolean {
  // Initials alone ('S.', 'A.B.': reviewers' shortened names) name no one.
  if (s.length < 2 || s.length > 60 || /^(?:\p{Lu}\.\s?){1,3}$/u.test(s) || NOT_NAME.test(NUMBERED_HANDLE.test(s) ? s.replace(/\d+$/, '') : s)) return false;
  if (s.split(/\s+/).length > 6 || !/\p{L}/u.test(s)) return false;
  if (!userName && !wordsOfAName(s)) return false;
  if (/^(?:alle beiträge|all posts|view all posts)$/i.test(s)) return false;
  // A byline's lead word alone ('Article by', the name in the next element) is no name.
  if (/^(?:article|written|posted|published|story|words|text|photos?|interview|beitrag|artikel|geschrieben|verfasst)\s+(?:by|von)$/i.test(s)) return false;
  if (/^(?:by|von|par|por|door|beitrag|mehr|more|admin|wordpressadmin|publisher|cortes[ií]a|courtesy|red\.?|an[oó]nimo|anonyme?|invitation|administrator|anonymous|anonym|gast|guest|unknown|author|autor|collectif|agencies|staff)$/i.test(s)) return false;
  const k = squash(s);
  if (siteNames.some((n) => squash(n) === k)) return false;
  // The host's own name ('zeit', 'Die Zeit' on zeit.de), not a user whose handle extends it.
  return !(host && host.length >= 4 && k.endsWith(host) && k.length - host.length <= 4);
}

/** Two to five capitalised words (particles allowed): the shape of a person's name. */
export function nameShaped(s: string): boolean {
  const words = s.split(/\s+/);
  return words.length >= 2 && words.length <= 5 && words.every((w) => /^\p{Lu}/u.test(w) || /^(?:de|van|von|der|da|di|del|la|le|bin|al)$/.test(w));
}

/** Cleans and splits one raw author string into names. */
export function splitAuthors(raw: string, siteNames: string[] = [], host: string | null = null): string[] {
  const whole = clean(raw);
  if (!whole || /https?:|www\.|@\w+\./.test(whole)) return [];
  const s = cleanName(whole);
  if (!s) return [];
  const bySeparator = s.split(SPLIT).map(cleanName).filter(Boolean);
  // Commas separate names only when every piece is a full name ('A B, C D'), not in 'Last, First'.
  // 'A B, C D' is two names; 'A B, Role of the author' is one name and a role; 'Last, First' is one.
  const pieces = bySeparator.flatMap((p) => {
    const parts = p.split(/\s*,\s*/).filter(Boolean);
    if (parts.length < 2) return [p];
    // 'A B, BBC News, New York': the outlet, and the place after it, are no authors.
    const outletAt = parts.findIndex((q, i) => i > 0 && organisationWorded(q));
    if (outletAt > 0 && parts.slice(0, outletAt).every(nameShaped)) return parts.slice(0, outletAt);
    if (parts.every(nameShaped)) return parts;
    // 'A B, London, C D': a dateline place between two names; both names are kept.
    const full = parts.filter((q) => nameShaped(q) && /\s/.test(q));
    return nameShaped(parts[0]!) && /\s/.test(parts[0]!) ? (parts.every((q) => nameShaped(q) || /^\p{Lu}\p{L}+$/u.test(q)) ? full : [parts[0]!]) : [p];
  });
  // Other contributors ('Übersetzung A B', 'Illustration: C D') are not authors.
  return pieces.filter((p) => !CONTRIBUTOR_ROLE.test(p) && plausibleName(p, siteNames, host));
}

/** An account's display name as a profile link shows it, cleaned but not split, or null. */
export function userName(raw: string, siteNames: string[] = [], host: string | null = null): string | null {
  const s = cleanName(raw);
  return s && !CONTRIBUTOR_ROLE.test(s) && plausibleName(s, siteNames, host, true) ? s : null;
}

/** A display name as people write it: capitalised words with a space, not a handle or initials. */
export function personLike(name: string): boolean {
  if (!/\s/.test(name) || /[._]\S/.test(name.replace(/\b\p{Lu}\.\s/gu, ''))) return false;
  // 'Region/ City', 'agency / agency': a slash joins categories or credits, not a person's names.
  if (name.includes('/')) return false;
  return !organisationWorded(name) && name.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w)).length >= 2;
}

/** A name holding an organisation's word: 'Verlag', 'GmbH', 'News', 'Rundfunk', '-verband'. */
function organisationWorded(name: string): boolean {
  if (/\b(?:e\.\s?v\.|gmbh|ag|ltd|inc|llc|verlag|illustrierte|rundfunk|fernsehen|stiftung|verband|redaktion|online|news|media|mediathek|zeitung|magazine?|volksblatt|press|presse|team|staff|agency|agencia|agencies|entertainment)\b/i.test(name)) return true;
  // German compounds end in the organisation word: 'Landesverband', 'Kulturstiftung', 'Hilfswerk'.
  return /\p{L}(?:verband|stiftung|verlag|gesellschaft|hilfswerk|vereinigung|ministerium)\b/iu.test(name);
}

