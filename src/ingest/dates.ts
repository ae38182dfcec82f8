// Date strings found in web pages -> DateValue. Two readers: `parseMachineDate` for attribute
// values written for machines (ISO 8601 and its loose variants, RFC 822, Unix time), and
// `findTextDate` for dates written for people ('3. März 2021', 'Mar. 3, 2021', '03/03/2021')
// in short visible strings such as a byline or a <time> element.
import type { DateValue, Granularity } from '../doc/article.js';
import { parseDateValue } from './date-value.js';

/** A DateValue before the caller names the rule that found it. */
export type DateParts = Omit<DateValue, 'rule'>;

/** Years outside this window are treated as noise (ids, prices, copyright lines of old sites). */
export const MIN_YEAR = 1990;
export const MAX_YEAR = 2030;

function pad(n: number | string): string {
  return String(n).padStart(2, '0');
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function validDay(y: number, m: number, d: number): boolean {
  return y >= MIN_YEAR && y <= MAX_YEAR && m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m);
}

function zoneOf(raw: string | undefined): string | null {
  if (!raw) return null;
  if (/^(z|gmt|utc|ut)$/i.test(raw)) return 'Z';
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(raw);
  if (!m) return null;
  const mm = m[3] ?? '00';
  return m[2] === '00' && mm === '00' ? 'Z' : `${m[1]}${m[2]}:${mm}`;
}

/** Builds a value from numeric parts, or null when they do not make a real day. */
export function makeDate(y: number, m: number, d: number, time?: { h: number; mi: number; s?: number; zone?: string | null }): DateParts | null {
  if (!validDay(y, m, d)) return null;
  const day = `${y}-${pad(m)}-${pad(d)}`;
  if (!time || time.h > 23 || time.mi > 59 || (time.s ?? 0) > 59) return { value: day, granularity: 'day', timezone: null };
  const g: Granularity = time.s !== undefined ? 'second' : 'minute';
  const zone = time.zone ?? null;
  const clock = `${pad(time.h)}:${pad(time.mi)}${time.s !== undefined ? `:${pad(time.s)}` : ''}`;
  return { value: `${day}T${clock}${zone ?? ''}`, granularity: g, timezone: zone };
}

// 2019-10-19, 2019/10/19, 2019.10.19, 20191019, with an optional time and zone after T or a space.
const LOOSE_ISO =
  /^(\d{4})[-/.]?(\d{1,2})[-/.]?(\d{1,2})(?:(?:T|\s+|,\s*)(\d{1,2}):(\d{2})(?::(\d{2}))?(?:[.,]\d+)?\s*(Z|[+-]\d{2}(?::?\d{2})?|GMT|UTC)?)?\b/i;

/**
 * Reads a date written for machines: an attribute or JSON-LD value. Accepts what pages actually
 * write (`2019-10-19 12:00:00`, `2019-10-19T12:00:00+0200`, `20191019`, RFC 822, Unix time);
 * returns null for anything else, so that a caller can try its next rule.
 */
export function parseMachineDate(raw: unknown): DateParts | null {
  if (typeof raw === 'number') {
    const v = parseDateValue(raw, '');
    return v && Number(v.value.slice(0, 4)) >= MIN_YEAR ? strip(v) : null;
  }
  if (typeof raw !== 'string') return null;
  const s = raw.trim();
  if (!s) return null;
  const m = LOOSE_ISO.exec(s);
  if (m && (m[0].length === s.length || /^[\sT]/.test(s.slice(m[0].length)) || !/^\d/.test(s.slice(m[0].length)))) {
    const hasTime = m[4] !== undefined && m[5] !== undefined;
    const v = makeDate(Number(m[1]), Number(m[2]), Number(m[3]), hasTime ? { h: Number(m[4]), mi: Number(m[5]), s: m[6] !== undefined ? Number(m[6]) : undefined, zone: zoneOf(m[7]) } : undefined);
    if (v) return v;
  }
  const v = parseDateValue(s, '');
  if (v && v.granularity !== 'year' && v.granularity !== 'month' && validDay(Number(v.value.slice(0, 4)), Number(v.value.slice(5, 7)), Number(v.value.slice(8, 10)))) return strip(v);
  // Last resort for machine fields that hold prose ('October 19, 2019 at 9:00 am').
  return findTextDate(s);
}

function strip(v: DateValue): DateParts {
  return { value: v.value, granularity: v.granularity, timezone: v.timezone };
}

/** Month names and abbreviations in the languages the pages use most, with their number. */
const MONTH_WORDS: Record<string, number> = {};
const MONTH_LISTS: string[][] = [
  // English
  ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'],
  ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'],
  // German (with Austrian Jänner), and short forms
  ['januar', 'februar', 'märz', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'dezember'],
  ['jänner', 'feber', 'maerz', '', '', '', '', '', 'sept', 'okt', '', 'dez'],
  // French
  ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  ['janv', 'févr', '', 'avr', '', '', 'juil', 'aout', '', '', '', 'déc'],
  // Spanish
  ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
  ['ene', '', '', 'abr', '', '', '', 'ago', 'setiembre', '', '', 'dic'],
  // Italian
  ['gennaio', 'febbraio', 'marzo', 'aprile', 'maggio', 'giugno', 'luglio', 'agosto', 'settembre', 'ottobre', 'novembre', 'dicembre'],
  ['gen', '', '', '', 'mag', 'giu', 'lug', '', 'set', 'ott', '', ''],
  // Portuguese
  ['janeiro', 'fevereiro', 'março', 'abril', 'maio', 'junho', 'julho', 'agosto', 'setembro', 'outubro', 'novembro', 'dezembro'],
  ['', 'fev', '', '', '', '', '', '', '', 'out', '', 'dez'],
  // Dutch
  ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
  // Polish (nominative and genitive)
  ['styczeń', 'luty', 'marzec', 'kwiecień', 'maj', 'czerwiec', 'lipiec', 'sierpień', 'wrzesień', 'październik', 'listopad', 'grudzień'],
  ['stycznia', 'lutego', 'marca', 'kwietnia', 'maja', 'czerwca', 'lipca', 'sierpnia', 'września', 'października', 'listopada', 'grudnia'],
  // Swedish, Danish, Norwegian
  ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'],
  // Czech (genitive)
  ['ledna', 'února', 'března', 'dubna', 'května', 'června', 'července', 'srpna', 'září', 'října', 'listopadu', 'prosince'],
  // Russian (genitive)
  ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'],
  // Turkish
  ['ocak', 'şubat', 'mart', 'nisan', 'mayıs', 'haziran', 'temmuz', 'ağustos', 'eylül', 'ekim', 'kasım', 'aralık'],
];
for (const list of MONTH_LISTS) list.forEach((w, i) => w && !(w in MONTH_WORDS) && (MONTH_WORDS[w] = i + 1));

const MONTH_ALT = Object.keys(MONTH_WORDS)
  .sort((a, b) => b.length - a.length)
  .join('|');

/** A month word as written: `Jan.`, `janvier`, `März`. */
export function monthNumber(word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, '');
  return MONTH_WORDS[w] ?? null;
}

const L = '(?<![\\p{L}])';
const TIME = '(?:[,\\s]+(?:um|at|à|a las|alle|às|om|o|kl\\.?|-|—|–|\\|)?\\s*(\\d{1,2})[:.h](\\d{2})(?:[:.](\\d{2}))?\\s*(am|pm|a\\.m\\.|p\\.m\\.)?(?:\\s*(?:uhr|h))?)?';

const TEXT_PATTERNS: { re: RegExp; order: 'dmy' | 'mdy' | 'ymd' | 'numeric' }[] = [
  // 29. Januar 2020 / 29 de enero de 2020 / 29 janvier 2020 / 1er mars 2020
  { re: new RegExp(`${L}(\\d{1,2})(?:\\.|er|º|th|st|nd|rd)?\\s*(?:de\\s+|of\\s+)?(${MONTH_ALT})\\.?,?\\s*(?:de\\s+|del\\s+)?(\\d{4})${TIME}`, 'iu'), order: 'dmy' },
  // January 29, 2020 / Jan. 29th 2020
  { re: new RegExp(`${L}(${MONTH_ALT})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})${TIME}`, 'iu'), order: 'mdy' },
  // 2020-01-29 / 2020/01/29
  { re: new RegExp(`(?<!\\d)(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})(?!\\d)${TIME}`, 'u'), order: 'ymd' },
  // 29.01.2020 / 29/01/2020 / 01/29/2020 / 29-01-2020 / 29 | 01 | 2020
  { re: new RegExp(`(?<![\\d.])(\\d{1,2})\\s?([./|-])\\s?(\\d{1,2})\\s?\\2\\s?(\\d{4}|\\d{2})(?![\\d])${TIME}`, 'u'), order: 'numeric' },
];

function clockFrom(h?: string, mi?: string, s?: string, ampm?: string): { h: number; mi: number; s?: number } | undefined {
  if (h === undefined || mi === undefined) return undefined;
  let hour = Number(h);
  const pm = ampm && /^p/i.test(ampm);
  if (ampm && hour === 12) hour = pm ? 12 : 0;
  else if (pm) hour += 12;
  return { h: hour, mi: Number(mi), s: s !== undefined ? Number(s) : undefined };
}

export interface TextDateOptions {
  /** When a numeric date is ambiguous (03/04/2020), read it month-first (US English pages). */
  monthFirst?: boolean;
}

/** Every date written for people in a short string, in order of appearance. */
export function findTextDates(text: string, opts: TextDateOptions = {}): { date: DateParts; index: number }[] {
  const out: { date: DateParts; index: number }[] = [];
  for (const { re, order } of TEXT_PATTERNS) {
    const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g');
    for (const m of text.matchAll(g)) {
      const date = readMatch(m, order, opts);
      if (date && !out.some((o) => Math.abs(o.index - (m.index ?? 0)) < 3)) out.push({ date, index: m.index ?? 0 });
    }
  }
  return out.sort((a, b) => a.index - b.index);
}

function readMatch(m: RegExpMatchArray, order: 'dmy' | 'mdy' | 'ymd' | 'numeric', opts: TextDateOptions): DateParts | null {
  if (order === 'dmy') {
    const mo = monthNumber(m[2]!);
    return mo ? makeDate(Number(m[3]), mo, Number(m[1]), clockFrom(m[4], m[5], m[6], m[7])) : null;
  }
  if (order === 'mdy') {
    const mo = monthNumber(m[1]!);
    return mo ? makeDate(Number(m[3]), mo, Number(m[2]), clockFrom(m[4], m[5], m[6], m[7])) : null;
  }
  if (order === 'ymd') return makeDate(Number(m[1]), Number(m[2]), Number(m[3]), clockFrom(m[4], m[5], m[6], m[7]));
  const a = Number(m[1]);
  const b = Number(m[3]);
  let y = Number(m[4]);
  if (m[4]!.length === 2) y += y > 50 ? 1900 : 2000;
  // Day-first unless that is impossible or the page is US English and month-first is possible.
  const monthFirst = a <= 12 && (b > 12 || (opts.monthFirst === true && m[2] === '/'));
  const clock = clockFrom(m[5], m[6], m[7], m[8]);
  return monthFirst ? makeDate(y, a, b, clock) : makeDate(y, b, a, clock);
}

/** The first date written for people in a short string, or null. */
export function findTextDate(text: string, opts: TextDateOptions = {}): DateParts | null {
  return findTextDates(text, opts)[0]?.date ?? null;
}

/** A date found inside a page address: /2020/01/29/, /2020-01-29-, /20200129/. */
export function urlDate(url: string): DateParts | null {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    path = url;
  }
  const m =
    /(?:^|[/_-])((?:19|20)\d{2})[/_.-]([01]?\d)[/_.-]([0-3]?\d)(?=$|[/_.-])/.exec(path) ??
    /(?:^|[/_-])((?:19|20)\d{2})([01]\d)([0-3]\d)(?=$|[/_.-])/.exec(path) ??
    /(?:^|[/_-])([0-3]?\d)[._-]([01]?\d)[._-]((?:19|20)\d{2})(?=$|[/_.-])/.exec(path);
  if (!m) return null;
  if (m[1]!.length <= 2) return makeDate(Number(m[3]), Number(m[2]), Number(m[1]));
  return makeDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** A year and month from a page address (/2020/01/slug), for pages that name no day. */
export function urlMonth(url: string): { year: number; month: number } | null {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    path = url;
  }
  const m = /\/((?:19|20)\d{2})\/([01]\d)\//.exec(path);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  return year >= MIN_YEAR && month >= 1 && month <= 12 ? { year, month } : null;
}

/** Labels that introduce a publication date, and ones that introduce a later change. */
const PUBLISHED_LABEL = /(?:published|posted|erschienen|veröffentlicht|publiziert|erstellt|publié|publicado|pubblicato|gepubliceerd|opublikowano|datum)\s*(?:on|am|le|el|il|op|:)?\s*:?\s*$/i;
const MODIFIED_LABEL = /(?:updated|last modified|modified|changed|aktualisiert|geändert|letzte änderung|zuletzt bearbeitet|stand|mis à jour|actualizado|aggiornato)\s*(?:on|am|le|el|il|op|:)?\s*:?\s*$/i;

/**
 * The publication date among the dates in a text: one labelled as published wins, then the first
 * one not labelled as a later change (a 'last changed' label), then the first.
 */
export function findPublishedTextDate(text: string, opts: TextDateOptions = {}): DateParts | null {
  const found = findTextDates(text, opts);
  if (found.length === 0) return null;
  const before = (i: number) => text.slice(Math.max(0, i - 40), i);
  return (
    found.find((f) => PUBLISHED_LABEL.test(before(f.index)))?.date ??
    found.find((f) => !MODIFIED_LABEL.test(before(f.index)))?.date ??
    found[0]!.date
  );
}
