// Pattern rules for time expressions, built from the word tables in lexicon.ts. Each rule finds
// a span with TimeML's conventions (the span keeps 'the', modifiers such as 'more than' or
// 'early', and drops leading prepositions) and says what it means: a fixed value or a relative
// form that normalise.ts resolves against the reference date.
import { pad } from './calendar.js';
import {
  alternation, HOLIDAYS, MONTHS, ORDINALS, PARTS_OF_DAY, POINT_MODS, QUANTITY_MODS, REF_WORDS, SEASONS, SET_WORDS, UNITS, WEEKDAYS,
} from '../lang/en/time-words.js';
import { contextDirection, futureContext } from './context.js';
import { QUANTITY, readQuantity } from './numbers.js';
import type { PartOfDay, RelativeForm, TimexType } from './types.js';

export interface Candidate {
  start: number;
  end: number;
  type: TimexType;
  /** A fixed value (absolute dates, durations, *_REF); absent when `relative` says how to resolve. */
  value?: string;
  granularity?: string | null;
  relative?: RelativeForm;
  mod?: string | null;
  rule: string;
}

/** What a rule found; `skip` drops that many leading characters of the match from the span. */
type Built = (Omit<Candidate, 'start' | 'end' | 'rule'> & { skip?: number }) | null;

export interface Rule {
  name: string;
  re: RegExp;
  build(g: Record<string, string | undefined>, m: RegExpExecArray, text: string): Built;
}

// ---- pattern pieces -------------------------------------------------------------------------
const MONTH_FULL = Object.keys(MONTHS).filter((w) => w.length > 4 || w === 'May' || w === 'June' || w === 'July');
const MONTH_SHORT = Object.keys(MONTHS).filter((w) => !MONTH_FULL.includes(w));
/** Full month names, or abbreviations with an optional dot ('Sept.'); a sentence's full stop stays out. */
const MONTH = `(?:(?:${alternation(MONTH_FULL)})\\b|(?:${alternation(MONTH_SHORT)})\\b\\.?)`;
const WEEKDAY = `(?:${alternation(Object.keys(WEEKDAYS).filter((w) => w.length > 3))})`;
const YEAR = `(?:1[6-9]\\d\\d|20[0-4]\\d)`;
const TENS = 'twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety';
const ONES = 'one|two|three|four|five|six|seven|eight|nine';
const TEENS = 'ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen';
const SPELLED_YEAR = `(?:nineteen(?:\\s+hundred)?\\s+(?:(?:${TENS})(?:[\\s-](?:${ONES}))?|${TEENS}|oh[\\s-](?:${ONES}))|two\\s+thousand(?:\\s+and)?(?:\\s+(?:${ONES}|${TEENS}))?)`;
const POINT_MOD = `(?:${alternation(Object.keys(POINT_MODS))})`;
const QMOD = `(?:${alternation(Object.keys(QUANTITY_MODS))})`;
const UNIT = '(?:second|minute|hour|day|night|weekend|week|month|quarter|year|decade|centur(?:y|ie)|millenni(?:um|a))';
const PART = `(?:${alternation(Object.keys(PARTS_OF_DAY))})`;
const SEASON = `(?:${alternation(Object.keys(SEASONS))})`;
const ZONE = '(?:[ECMP][SD]T|GMT|UTC|Z)';
const RELDIR = '(?:this\\s+past|this\\s+coming|last|past|previous|this|next|coming|current|following|latest)';

function monthNum(s: string | undefined): number {
  return MONTHS[(s ?? '').replace(/\.$/, '')] ?? 0;
}
function weekdayNum(s: string | undefined): number {
  return WEEKDAYS[(s ?? '').toLowerCase().replace(/'s$/, '')] ?? 0;
}
function capitalised(s: string | undefined): boolean {
  return !!s && s[0] === s[0]!.toUpperCase();
}
function pointMod(s: string | undefined): string | null {
  if (!s) return null;
  return POINT_MODS[s.toLowerCase().replace(/\s+/g, ' ')] ?? null;
}
function quantityMod(s: string | undefined): string | null {
  if (!s) return null;
  return QUANTITY_MODS[s.toLowerCase().replace(/\s+/g, ' ')] ?? null;
}
function offsetOf(dir: string | undefined): number {
  const d = (dir ?? '').toLowerCase().replace(/\s+/g, ' ');
  if (d === 'last' || d === 'past' || d === 'previous' || d === 'this past' || d === 'latest') return -1;
  if (d === 'next' || d === 'coming' || d === 'following' || d === 'this coming') return 1;
  return 0;
}
function directionOf(offset: number): RelativeForm['direction'] {
  return offset < 0 ? 'past' : offset > 0 ? 'future' : 'same';
}
function yearOf(raw: string | undefined): number | null {
  if (!raw) return null;
  if (/^\d+$/.test(raw)) return Number(raw.length === 2 ? (Number(raw) > 30 ? `19${raw}` : `20${raw}`) : raw);
  return spelledYear(raw);
}
/** 'nineteen ninety-six' → 1996; 'two thousand' → 2000. */
function spelledYear(raw: string): number | null {
  const s = raw.toLowerCase().replace(/-/g, ' ').replace(/\s+/g, ' ').replace(' hundred', '').replace(' and', '');
  const words: Record<string, number> = {};
  [...ONES.split('|')].forEach((w, i) => (words[w] = i + 1));
  TEENS.split('|').forEach((w, i) => (words[w] = i + 10));
  TENS.split('|').forEach((w, i) => (words[w] = (i + 2) * 10));
  words.oh = 0;
  const p = s.split(' ');
  if (p[0] === 'two' && p[1] === 'thousand') return 2000 + (p[2] ? (words[p[2]] ?? 0) : 0);
  if (p[0] !== 'nineteen') return null;
  let rest = 0;
  for (const w of p.slice(1)) rest += words[w] ?? 0;
  return 1900 + rest;
}
function durationValue(n: number | null, unitWord: string): { value: string; granularity: string } {
  const unit = unitWord.toLowerCase().replace(/s$/, '').replace(/^centurie$/, 'century').replace(/^millennia$/, 'millennium');
  const u = UNITS[unit] ?? UNITS.day!;
  // Decades count in years, counted ('two decades', P20Y) or not ('decades-long', PXY), as both corpora write them.
  if (n === null) return { value: `P${u.clock ? 'T' : ''}X${u.code === 'DE' ? 'Y' : u.code}`, granularity: u.granularity };
  let count = n;
  let code = u.code;
  if (code === 'DE') { count = n * 10; code = 'Y'; }
  if (code === 'ML') { code = 'L'; }
  if (code === 'Y' && unit === 'year' && n >= 1000 && n % 1000 === 0) { count = n / 1000; code = 'L'; }
  const whole = Math.floor(count);
  const half = count - whole >= 0.5;
  const halfPart: Record<string, string> = { Y: '6M', M: '15D', W: '3D', D: 'T12H', H: '30M', M_clock: '30S' };
  const extra = half ? (u.clock && code === 'M' ? halfPart.M_clock : halfPart[code] ?? '') : '';
  return { value: `P${u.clock ? 'T' : ''}${whole}${code}${extra}`, granularity: u.granularity };
}

/** ' and 4, 2016' after 'March 3': a day range sharing the year that closes it. */
const RANGE_YEAR = new RegExp(`^\\s*(?:and|or|to|through|-)\\s*[0-3]?\\d(?:st|nd|rd|th)?\\s*,?\\s*(?<y>${YEAR})\\b`);

/** 'ended Sept. 30' after a quarter. */
const QUARTER_ENDED = new RegExp(`^\\s+(?:ended|ending)\\s+(?<mon>${MONTH})`);

// ---- rules ------------------------------------------------------------------------------------
const rule = (name: string, source: string, build: Rule['build'], flags = 'gi'): Rule => ({ name, re: new RegExp(source, flags), build });

export const RULES: Rule[] = [
  rule('iso-date', `\\b(?<y>\\d{4})-(?<mo>\\d{2})-(?<d>\\d{2})(?:T(?<h>\\d{2}):(?<mi>\\d{2})(?::\\d{2})?)?\\b`, (g) => {
    const day = `${g.y}-${g.mo}-${g.d}`;
    return g.h ? { type: 'TIME', value: `${day}T${g.h}:${g.mi}`, granularity: 'minute' } : { type: 'DATE', value: day, granularity: 'day' };
  }),
  rule('numeric-date', `(?<![\\d/.])(?<mo>\\d{1,2})/(?<d>\\d{1,2})/(?<y>\\d{4}|\\d{2})(?![\\d/])`, (g) => {
    const mo = Number(g.mo);
    const d = Number(g.d);
    if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
    return { type: 'DATE', value: `${yearOf(g.y)}-${pad(mo)}-${pad(d)}`, granularity: 'day' };
  }),
  // 'Friday, Oct. 23, 1998', 'August 16, 2017', 'early March 12', 'March 06 , 2008', 'Sept. 30'.
  rule('month-day', `(?:(?<wd>${WEEKDAY}),?\\s+)?(?:(?<pm>${POINT_MOD})\\s*)?\\b(?<mon>${MONTH})\\s+(?<d>[0-3]?\\d)(?:st|nd|rd|th)?\\b(?!\\s*(?:%|percent|[,.]\\d|:\\d))(?:\\s*,?\\s*(?<y>${YEAR}|${SPELLED_YEAR})\\b)?`, (g, m, text) => {
    const mo = monthNum(g.mon);
    const d = Number(g.d);
    if (!mo || !capitalised(g.mon) || d < 1 || d > 31) return null;
    // 'March 3 and 4, 2016': the year after the second day belongs to both.
    const shared = g.y ? undefined : RANGE_YEAR.exec(text.slice(m.index + m[0].length, m.index + m[0].length + 24))?.groups?.y;
    const y = yearOf(g.y ?? shared);
    const mod = pointMod(g.pm);
    if (y) return { type: 'DATE', value: `${y}-${pad(mo)}-${pad(d)}`, granularity: 'day', mod };
    return { type: 'DATE', relative: { unit: 'date-of-year', month: mo, day: d, direction: contextDirection(text, m.index, m.index + m[0].length) }, mod };
  }),
  // 'April 24 and 25', 'Sept. 3 to 5': TimeML gives the second day a TIMEX3 of its own, in the first one's month.
  rule('second-day', `\\b(?<first>(?<mon>${MONTH})\\s+[0-3]?\\d(?:st|nd|rd|th)?\\s*(?:and|or|to|through|-)\\s*)(?<d>[0-3]?\\d)(?:st|nd|rd|th)?\\b(?![,.]?\\d|\\s*(?:%|percent|per\\b|million|billion|people|of\\b|[ap]\\.?m\\b|:))(?:\\s*,?\\s*(?<y>${YEAR})\\b)?`, (g, m, text) => {
    const mo = monthNum(g.mon);
    const d = Number(g.d);
    if (!mo || !capitalised(g.mon) || d < 1 || d > 31) return null;
    // The span is the second day only: the first date is the month-day rule's.
    const skip = g.first!.length;
    const y = yearOf(g.y);
    if (y) return { type: 'DATE', value: `${y}-${pad(mo)}-${pad(d)}`, granularity: 'day', skip };
    return { type: 'DATE', relative: { unit: 'date-of-year', month: mo, day: d, direction: contextDirection(text, m.index, m.index + m[0].length) }, skip };
  }),
  // '16 August 2017', '3rd of May'.
  rule('day-month', `\\b(?<d>[0-3]?\\d)(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?<mon>${MONTH})(?:\\s*,?\\s*(?<y>${YEAR})\\b)?`, (g, m, text) => {
    const mo = monthNum(g.mon);
    const d = Number(g.d);
    if (!mo || !capitalised(g.mon) || d < 1 || d > 31) return null;
    const y = yearOf(g.y);
    if (y) return { type: 'DATE', value: `${y}-${pad(mo)}-${pad(d)}`, granularity: 'day' };
    return { type: 'DATE', relative: { unit: 'date-of-year', month: mo, day: d, direction: contextDirection(text, m.index, m.index + m[0].length) } };
  }),
  // 'July 1997', 'early September', 'last April', 'January this year', 'January nineteen ninety-seven'.
  rule('month', `(?:(?<pm>${POINT_MOD})[\\s-]*)?(?:\\b(?<dir>last|this|next|this\\s+past|this\\s+coming)\\s+)?\\b(?<mon>${MONTH})(?:(?:\\s*,?\\s*|\\s+of\\s+)(?<y>${YEAR}|${SPELLED_YEAR})\\b|\\s+(?<rel>this|last|next)\\s+year\\b)?`, (g, m, text) => {
    const mo = monthNum(g.mon);
    if (!mo || !capitalised(g.mon)) return null;
    const short = g.mon!.replace(/\.$/, '');
    // 'May', 'March' and abbreviations are words too: ask for a year, a modifier or a preposition.
    if (!g.y && !g.rel && !g.dir && !g.pm) {
      const before = text.slice(Math.max(0, m.index - 12), m.index);
      // 'a June agreement', 'the March accession': a month used as an attribute of the noun after it.
      const next = text.slice(m.index + m[0].length, m.index + m[0].length + 16);
      const attributive = /\b(?:the|a|an)\s+$/i.test(before) && /^\s+[a-z]{3,}/.test(next) && !/^\s+(?:on|to|of|for|against|in|at|from|and|or|was|is|were|will)\b/.test(next);
      const preposition = /\b(in|of|since|until|till|by|from|through|during|early|late|mid|last|next|this|to|and|or|between|before|after)\s+$/i.test(before);
      if (short.length <= 5 && !preposition && !attributive) return null;
      if (/^May$/.test(short) && !/\b(in|since|until|by|from|through|during|early|late|mid)\s+$/i.test(before)) return null;
      // An undotted abbreviation before a capitalised word is a first name ('and Jan Kavan').
      if (short === g.mon && short.length <= 4 && /^\s+[A-Z][a-z]/.test(text.slice(m.index + m[0].length))) return null;
    }
    // 'last Oct. 23': a day follows, so the month-day rule has the expression (without 'last').
    if (!g.y && !g.rel && /^\s+[0-3]?\d(?:st|nd|rd|th)?\b(?![,.]?\d|\s*(?:%|percent))/.test(text.slice(m.index + m[0].length))) return null;
    const y = yearOf(g.y);
    const mod = pointMod(g.pm);
    if (y) return { type: 'DATE', value: `${y}-${pad(mo)}`, granularity: 'month', mod };
    const offset = g.rel ? offsetOf(g.rel) : 0;
    const dirOffset = offsetOf(g.dir);
    const direction = g.dir ? directionOf(dirOffset) : contextDirection(text, m.index, m.index + m[0].length);
    return { type: 'DATE', relative: { unit: 'month-of-year', month: mo, offset: g.rel ? offset : undefined, direction }, mod };
  }),
  // '10:35 a.m.', 'around 7:15 p.m.', '5 p.m. EST, Nov. 6', '10 p.m. Wednesday', 'midnight Friday'.
  rule('clock', `(?:(?<qm>around|about|approximately)\\s+)?\\b(?:(?<h>[01]?\\d)(?::(?<mi>[0-5]\\d))?\\s*(?<ap>[ap]\\.\\s?m\\b\\.?|[ap]m\\b)|(?<h24>[012]?\\d):(?<mi24>[0-5]\\d)(?!\\d)|(?<word>noon|midnight|midday)|(?<hp>[01]?\\d)(?::(?<mip>[0-5]\\d))?\\s+in\\s+the\\s+(?<pod>morning|afternoon|evening))(?:\\s+(?<zone>${ZONE})\\b)?(?:,?\\s+(?:on\\s+)?(?:(?<wd>${WEEKDAY})|(?<deictic>today|yesterday|tomorrow)|(?<mon>${MONTH})\\s+(?<d>[0-3]?\\d)\\b))?`, (g, m, text) => {
    let hour: number;
    let minute = 0;
    if (g.word) {
      // 'high noon' is an idiom (and a film), not a time.
      if (/\bhigh\s+$/i.test(text.slice(Math.max(0, m.index - 6), m.index))) return null;
      hour = g.word.toLowerCase() === 'midnight' ? 24 : 12;
    } else if (g.h) {
      hour = Number(g.h) % 12 + (/^p/i.test(g.ap ?? '') ? 12 : 0);
      minute = Number(g.mi ?? 0);
    } else if (g.hp) {
      // '4 in the morning', '9 in the evening': the part of day says a.m. or p.m.
      hour = Number(g.hp) % 12 + (/^morning$/i.test(g.pod ?? '') ? 0 : 12);
      minute = Number(g.mip ?? 0);
    } else {
      hour = Number(g.h24);
      minute = Number(g.mi24);
      // A bare 'H:MM' is often a score or a ratio: keep it only with a zone or a day.
      if (hour > 23 || (!g.zone && !g.wd && !g.deictic && !g.mon)) return null;
    }
    if (hour > 24) return null;
    const clock = hour === 24 ? '24' : `${pad(hour)}:${pad(minute)}`;
    const base = { type: 'TIME' as const, mod: g.qm ? 'APPROX' : null };
    if (g.mon && g.d && capitalised(g.mon)) return { ...base, relative: { unit: 'date-of-year', month: monthNum(g.mon), day: Number(g.d), direction: 'same', clock } };
    if (g.wd) return { ...base, relative: { unit: 'weekday', weekday: weekdayNum(g.wd), direction: futureContext(text, m.index, m.index + m[0].length) ? 'future' : 'past', clock } };
    const dd = (g.deictic ?? 'today').toLowerCase();
    return { ...base, relative: { unit: 'day', offset: dd === 'yesterday' ? -1 : dd === 'tomorrow' ? 1 : 0, direction: 'same', clock } };
  }),
  // 'Wednesday', 'last Friday', 'early Tuesday', 'Friday morning', 'Saturday night'.
  rule('weekday', `(?:\\b(?<every>every|each)\\s+)?(?:(?<pm>${POINT_MOD})\\s+)?(?:\\b(?<dir>this\\s+past|this\\s+coming|the\\s+previous|the\\s+following|last|next|this|coming|past|previous)\\s+)?\\b(?<wd>${WEEKDAY})(?<pl>s)?(?:(?='s)|(?:\\s+(?<part>morning|afternoon|evening|night)(?<ppl>s)?)?\\b)`, (g, m, text) => {
    const wd = weekdayNum(g.wd);
    if (!wd || !capitalised(g.wd)) return null;
    const part = g.part ? PARTS_OF_DAY[g.part.toLowerCase()] : undefined;
    // 'Fridays', 'every Friday', 'Tuesday nights': a frequency.
    if (g.pl || g.every || g.ppl) {
      return { type: 'SET', value: `XXXX-WXX-${wd}${part ? `T${part}` : ''}`, granularity: 'day' };
    }
    const off = offsetOf(g.dir?.replace(/^the\s+/i, ''));
    const direction = off < 0 ? 'past' : off > 0 ? 'future' : futureContext(text, m.index, m.index + m[0].length) ? 'future' : 'past';
    // 'last Wednesday' is never the reference day itself; 'next Monday' never today.
    // TimeML gives 'Friday morning' a part-of-day TIME value. For 'Friday night' the corpora mostly give the day's
    // value (10 times, counting gold spans of just 'Friday' inside it) over 'TNI' (6).
    const keepPart = part && part !== 'NI' ? part : undefined;
    return { type: keepPart ? 'TIME' : 'DATE', relative: { unit: 'weekday', weekday: wd, direction, partOfDay: keepPart, strict: off !== 0 || undefined }, mod: pointMod(g.pm) };
  }),
  // 'yesterday', 'late yesterday', 'this morning', 'last night', 'tonight', 'mid-afternoon yesterday'.
  rule('deictic-day', `(?:(?<pm>${POINT_MOD})[\\s-]*)?\\b(?:(?<part1>${PART})\\s+)?(?<word>yesterday|today|tomorrow|tonight)(?:\\s+(?<part>morning|afternoon|evening|night))?\\b`, (g) => {
    const w = g.word!.toLowerCase();
    const offset = w === 'yesterday' ? -1 : w === 'tomorrow' ? 1 : 0;
    const partWord = (g.part ?? g.part1 ?? (w === 'tonight' ? 'night' : '')).toLowerCase();
    const part = partWord ? PARTS_OF_DAY[partWord] : undefined;
    return { type: part ? 'TIME' : 'DATE', relative: { unit: 'day', offset, direction: directionOf(offset), partOfDay: part }, mod: pointMod(g.pm) };
  }),
  rule('part-of-day', `(?:(?<pm>${POINT_MOD})[\\s-]*)?\\b(?<dir>this|last|the)\\s+(?<part>morning|afternoon|evening|night)\\b|\\b(?<mid>mid-?\\s?afternoon|overnight)\\b`, (g, m, text) => {
    const partWord = (g.part ?? g.mid ?? '').toLowerCase().replace(/^mid-?\s?/, '');
    const part: PartOfDay = PARTS_OF_DAY[partWord] ?? 'AF';
    if (g.dir && g.dir.toLowerCase() === 'the' && !g.pm) {
      // 'the night of Oct. 23': the date that follows is the expression.
      if (/^\s+of\b/i.test(text.slice(m.index + m[0].length))) return null;
      return { type: 'TIME', relative: { unit: 'day', offset: 0, direction: 'same', partOfDay: part } };
    }
    const offset = g.dir?.toLowerCase() === 'last' ? -1 : 0;
    const mod = g.mid && /^mid/i.test(g.mid) ? 'MID' : pointMod(g.pm);
    return { type: 'TIME', relative: { unit: 'day', offset, direction: directionOf(offset), partOfDay: part }, mod };
  }),
  // 'last week', 'this year', 'earlier this month', 'the past year', 'next quarter', 'the weekend', 'the end of this week'.
  rule('relative-unit', `(?:(?<pm>${POINT_MOD})\\s+(?:(?:in|of)\\s+)?)?(?:\\b(?<the>the)\\s+)?(?:\\b(?<dir>${RELDIR})\\s+)?\\b(?<unit>week|weekend|month|year|decade|century|fiscal\\s+year)\\b(?!\\s*-)(?:\\s+or\\s+so\\b)?`, (g, m, text) => {
    if (g.unit![0] !== g.unit![0]!.toLowerCase()) return null;
    const unitWord = g.unit!.toLowerCase().replace(/fiscal\s+/, '');
    // 'the week' alone is the current one in reports ('for the week, the index fell'); 'the week of …' / 'the week before' are not.
    const theWeek = g.the && unitWord === 'week' && !/^\s+(?:of|before|after|earlier|later|ago|that|when|in|to|ahead|ended|ending|following)\b/i.test(text.slice(m.index + m[0].length));
    if (!g.dir && !(g.the && (unitWord === 'weekend' || g.pm)) && !theWeek) return null;
    if (g.dir && /^(current|latest)$/i.test(g.dir) && !g.the) return null;
    // 'the following year', 'the previous month' count from the last date the text named: the anaphor rule has them.
    if (g.the && !g.pm && g.dir && /^(following|previous)$/i.test(g.dir)) return null;
    // 'last year's', 'next year's' belong to the quarter rule when a quarter follows.
    const offset = offsetOf(g.dir);
    const unit = unitWord as RelativeForm['unit'];
    if (unit === 'weekend') {
      const past = offset < 0 || (offset === 0 && !futureContext(text, m.index, m.index + m[0].length));
      return { type: 'DATE', relative: { unit, offset: offset > 0 ? 1 : 0, direction: past ? 'past' : 'same' }, mod: pointMod(g.pm) };
    }
    return { type: 'DATE', relative: { unit, offset, direction: directionOf(offset) }, mod: pointMod(g.pm) };
  }),
  // 'last fall', 'this summer', 'the winter of nineteen ninety-four', 'summer 1994'.
  rule('season', `(?:(?<pm>${POINT_MOD})\\s+)?(?:\\b(?<the>the)\\s+)?(?:\\b(?<dir>${RELDIR})\\s+)?\\b(?<s>${SEASON})\\b(?:(?:\\s+of|,)?\\s+(?<y>${YEAR}|${SPELLED_YEAR})\\b)?`, (g) => {
    const season = SEASONS[g.s!.toLowerCase()]!;
    const y = yearOf(g.y);
    if (y) return { type: 'DATE', value: `${y}-${season}`, granularity: 'season', mod: pointMod(g.pm) };
    if (!g.dir && !g.the && !/^the\s/i.test(g.pm ?? '')) return null;
    const offset = offsetOf(g.dir);
    return { type: 'DATE', relative: { unit: 'season', season, direction: directionOf(offset) }, mod: pointMod(g.pm) };
  }),
  // Quarters and reporting periods: 'third-quarter', 'the latest quarter', 'the year-ago quarter',
  // 'the 1988 second quarter', "next year's first quarter", 'the third quarter of 1984'.
  rule('quarter', `(?:\\b(?<det>the|this|that|its|their|a)\\s+)?(?:(?<yq>this|last|next)\\s+year's\\s+)?(?:(?<adj>year-ago|year-earlier|year-before|comparable|corresponding|same|latest|current|recent|previous|prior|past|last|this|next|fiscal|flat|calendar)[\\s-]+)*(?:(?<year>${YEAR})\\s+)?(?:(?<ord>first|second|third|fourth|1st|2nd|3rd|4th|final)[\\s-]+)?(?<noun>quarter|period)(?<pl>s)?\\b(?!-)(?:\\s+(?:of\\s+)?(?<y2>${YEAR})\\b)?(?:\\s+(?<ly>last|this|next)\\s+year\\b)?`, (g, m, text) => {
    const noun = g.noun!.toLowerCase();
    const adj = (g.adj ?? '').toLowerCase();
    const words = `${g.det ?? ''} ${g.yq ?? ''} ${adj}`;
    const hasAdj = /\b(year-ago|year-earlier|year-before|comparable|corresponding|same|latest|current|recent|previous|prior|past|last|this|next)\b/.test(words) || !!g.yq;
    if (noun === 'period' && !(hasAdj || g.year)) return null;
    if (!g.ord && !g.det && !hasAdj && !g.year) return null;
    if (g.det === 'a' && !g.ord) return null;
    const explicit = yearOf(g.year ?? g.y2);
    // 'the quarter ended July 31': the quarter holding most of the three months up to the closing month.
    const ended = QUARTER_ENDED.exec(text.slice(m.index + m[0].length, m.index + m[0].length + 24));
    const endedMonth = ended && noun === 'quarter' ? monthNum(ended.groups?.mon) : 0;
    const q = g.ord ? ORDINALS[g.ord.toLowerCase()] : endedMonth ? (endedMonth === 1 ? 4 : Math.ceil((endedMonth - 1) / 3)) : undefined;
    // TimeML leaves possessives and articles out of adjectival quarters: 'its third-quarter loss'.
    const adjectival = !!g.ord && /^(first|second|third|fourth|1st|2nd|3rd|4th|final)-/i.test(m[0].slice(m[0].toLowerCase().indexOf(g.ord.toLowerCase())));
    const dropDet = g.det && (/^(its|their|that|a)$/i.test(g.det) || adjectival) && !g.yq && !adj;
    const skip = dropDet ? m[0].indexOf(g.det!) + g.det!.length : 0;
    if (noun === 'period' && explicit && !q) return { type: 'DATE', value: String(explicit), granularity: 'year', skip };
    if (g.pl) return q ? { type: 'SET', value: `XXXX-Q${q}`, granularity: 'quarter', skip } : null;
    if (explicit && q) return { type: 'DATE', value: `${explicit}-Q${q}`, granularity: 'quarter', skip };
    // 'the 1988 quarter' next to this year's: the quarter under report (the one just ended), in the year named.
    if (explicit && noun === 'quarter') return { type: 'DATE', relative: { unit: 'quarter', offset: -1, direction: 'past', year: explicit }, skip };
    let offset = 0;
    if (/year-ago|year-earlier|year-before/.test(adj) || g.yq?.toLowerCase() === 'last' || g.ly?.toLowerCase() === 'last') offset -= 4;
    if (g.yq?.toLowerCase() === 'next' || g.ly?.toLowerCase() === 'next') offset += 4;
    if (q) return { type: 'DATE', relative: { unit: 'quarter', quarter: q, offset: offset / 4, direction: offset > 0 ? 'future' : 'same' }, skip };
    // Without an ordinal, news reports speak of the quarter just ended.
    if (/\b(next|coming)\b/.test(adj)) offset += 1;
    else if (!/\b(current|this)\b/.test(words)) offset -= 1;
    return { type: 'DATE', relative: { unit: 'quarter', offset, direction: directionOf(offset) }, skip };
  }),
  rule('half-year', `\\b(?:(?<det>the)\\s+)?(?<ord>first|second|last|latter)\\s+half(?:\\s+of\\s+(?:(?<y>${YEAR})|(?<rel>this|last|next)\\s+year|the\\s+year))?\\b`, (g) => {
    if (!g.det && !g.y && !g.rel) return null;
    const ord = g.ord!.toLowerCase();
    // 'the last half' without a year is a duration ('over the last half') more than a half-year.
    if ((ord === 'last' || ord === 'latter') && !g.y && !g.rel) return null;
    const h = ord === 'first' ? 1 : 2;
    const y = yearOf(g.y);
    if (y) return { type: 'DATE', value: `${y}-H${h}`, granularity: 'half' };
    return { type: 'DATE', value: `XXXX-H${h}`, relative: { unit: 'year', offset: offsetOf(g.rel), direction: 'same' }, granularity: 'half' };
  }),
  // 'six years ago', 'a year earlier', 'more than six years ago', 'two days later', 'a week or so ago'.
  rule('ago', `(?:(?<qm>${QMOD})\\s+)?\\b(?<n>${QUANTITY})\\s+(?<unit>${UNIT})s?(?:\\s+or\\s+(?:so|more|two|three))?\\s+(?<dir>ago|earlier|before|hence|from\\s+now)\\b`, (g, m, text) => {
    const dirWord = g.dir!.toLowerCase();
    if (dirWord === 'before' && !/^\s*[,.;)]/.test(text.slice(m.index + m[0].length))) return null;
    const n = readQuantity(g.n!);
    const sign = /ago|earlier|before/.test(dirWord) ? -1 : 1;
    const unit = g.unit!.toLowerCase().replace(/^night$/, 'day');
    const mod = quantityMod(g.qm);
    if (n === null) return { type: 'DATE', value: sign < 0 ? 'PAST_REF' : 'FUTURE_REF', granularity: null, mod };
    if (unit === 'hour' || unit === 'minute' || unit === 'second') return { type: 'TIME', value: 'PRESENT_REF', granularity: null, mod };
    const step = unit === 'decade' ? 10 : unit === 'century' || unit === 'centurie' ? 100 : 1;
    const u = (step > 1 ? 'year' : unit) as RelativeForm['unit'];
    return { type: 'DATE', relative: { unit: u, offset: sign * Math.round(n) * step, direction: sign < 0 ? 'past' : 'future' }, mod };
  }),
  // Durations: 'two days', 'the past 24 hours', 'the first nine months', 'more than four hours', 'two-year', 'several years'.
  rule('duration', `(?:\\b(?<the>the)\\s+(?:(?<adj>first|last|past|next|coming|previous|following|final|remaining|latest|initial|ensuing|preceding)\\s+)?)?(?:(?<qm>${QMOD})\\s+)?\\b(?:(?<n0>${QUANTITY})\\s+(?:to|or)\\s+)?(?<n>${QUANTITY})(?:\\s+(?<more>more|additional|straight|consecutive|full|trading|business|calendar))?[\\s-]+(?<unit>${UNIT})(?<pl>s)?(?<half>\\s+and\\s+a\\s+half)?(?:\\s+or\\s+so)?\\b(?!-old|\\s+old\\b|-)`, (g, m, text) => {
    const nRaw = g.n!.toLowerCase().replace(/\s+/g, ' ');
    const unitWord = g.unit!;
    // '60 Minutes' (a title), 'three-quarters of' (a fraction), 'a second' (an ordinal).
    if (unitWord[0] !== unitWord[0]!.toLowerCase() && !g.the) return null;
    // A number of quarters followed by 'of' is a fraction ('three quarters of'); a vague count is a span ('several quarters of losses').
    if (/^quarter/i.test(unitWord) && readQuantity(g.n!) !== null && /^\s+of\b/.test(text.slice(m.index + m[0].length))) return null;
    if ((nRaw === 'a' || nRaw === 'an') && /^second$/i.test(unitWord)) return null;
    // 'recent days' is a past reference in TimeBank; 'recent weeks' a vague duration.
    if (nRaw === 'recent' && /^day/i.test(unitWord)) return null;
    // 'four flights a week', '$35 a night': 'a' after a quantity is a rate, not a duration.
    if ((nRaw === 'a' || nRaw === 'an') && !g.the && !g.qm) {
      const before = text.slice(Math.max(0, m.index - 24), m.index);
      if (!/(^|[.;:!?(\n"'`]\s*|\b(for|in|within|over|about|than|after|before|of|nearly|almost|around|least|only|just|once|last|lasted|lasting|take|takes|took|taken|spent|spend|past|next|by|during|until|to|from|another|half|extra|but|and|barely|roughly)\s+)$/i.test(before)) return null;
    }
    if (g.the && !g.adj && /^(a|an|several|few|many|some|recent|coming)$/.test(nRaw)) return null;
    // 'will one day be': after a modal, 'one day' is an indefinite future point, not a length.
    if (nRaw === 'one' && /^day$/i.test(unitWord) && !g.the && !g.qm && /\b(?:will|would|could|might|may|can|shall)\s+$/i.test(text.slice(Math.max(0, m.index - 8), m.index))) {
      return { type: 'DATE', value: 'FUTURE_REF', granularity: null };
    }
    // A range ('two to three weeks') is read at its lower bound, as TimeBank does.
    let n = readQuantity(g.n0 ?? g.n!);
    if (n !== null && g.half) n += 0.5;
    const d = durationValue(n, g.unit!);
    // 'the two-week trip': the article belongs to the noun, not to the adjectival duration.
    const hyphenated = /-\s*\w+$/.test(m[0]) && !g.adj;
    const skip = g.the && hyphenated && !g.qm ? (/^\s*the\s+/i.exec(m[0])?.[0].length ?? 0) : 0;
    return { type: 'DURATION', value: d.value, granularity: d.granularity, mod: quantityMod(g.qm), skip };
  }),
  // Bare plural units used as durations: 'for years', 'within weeks', 'decades', 'the weeks ahead' (the article belongs to it there).
  rule('vague-duration', `\\b(?<adj>the\\s+(?:(?:past|last|next|coming)\\s+(?:few\\s+|several\\s+)?|(?=\\w+\\s+ahead\\b)))?(?<unit>years|months|weeks|decades|centuries|days|hours|minutes)\\b(?<ahead>\\s+ahead\\b)?(?!\\s*(?:-|old|of\\s+age))`, (g, m, text) => {
    const before = text.slice(Math.max(0, m.index - 12), m.index);
    if (!g.adj && !g.ahead && !/\b(for|in|within|over|after|take|took|takes|last|lasted|spent|than)\s+$/i.test(before)) return null;
    const d = durationValue(null, g.unit!);
    return { type: 'DURATION', value: d.value, granularity: d.granularity };
  }),
  // 'the weeks before the vote', 'the days after his death', 'the years that followed': a period bounded by an event.
  // TimeML marks the plural noun alone (the article stays out); the date depends on the event, so the value stays
  // underspecified, while 'that followed' / 'following' reads as a vague duration.
  rule('event-bounded', `(?<=\\bthe\\s+)(?<unit>days|weeks|months|years)\\b(?=\\s+(?<rel>before|after|preceding|leading\\s+up|that\\s+followed|following)\\b)`, (g) => {
    const unit = g.unit!.toLowerCase();
    if (/follow/i.test(g.rel ?? '')) {
      const d = durationValue(null, unit);
      return { type: 'DURATION', value: d.value, granularity: d.granularity };
    }
    const value: Record<string, string> = { days: 'XXXX-XX-XX', weeks: 'XXXX-WXX', months: 'XXXX-XX', years: 'XXXX' };
    return { type: 'DATE', value: value[unit]!, granularity: unit.replace(/s$/, '') };
  }),
  // 'decades-long', 'day-long': a hyphenated length is a duration (vague when the unit is plural).
  rule('long-adjective', `\\b(?<unit>hour|day|week|month|year|decade)(?<pl>s)?-long\\b`, (g) => {
    const d = durationValue(g.pl ? null : 1, g.unit!);
    return { type: 'DURATION', value: d.value, granularity: d.granularity };
  }),
  // Unmeasured spans after 'for': 'for a while', 'for some time' (TimeML writes an unknown duration as PXX).
  rule('unmeasured-duration', `(?<=\\bfor\\s+)(?:a\\s+while|some\\s+time)\\b`, () => ({ type: 'DURATION', value: 'PXX', granularity: null })),
  // Years and decades: '2011', 'fiscal 1989', 'early 1990', 'the 1990s', 'the late 1970s', "the '90s".
  rule('year', `(?:(?<pm>${POINT_MOD})[\\s-]*)?(?:\\b(?<fiscal>fiscal|calendar|the\\s+year|model\\s+year)\\s+)?(?<![\\d$#£€.,/])(?<!\\d-)\\b(?<y>${YEAR})\\b(?![,.]\\d|\\s*(?:%|percent|-\\d|\\/|:\\d))`, (g, m, text) => {
    const before = text.slice(Math.max(0, m.index - 6), m.index);
    if (/(\$|#|No\.|No\s|£|€)\s*$/.test(before)) return null;
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 12);
    if (/^\s+(people|persons|troops|soldiers|men|women|workers|employees|jobs|units|shares|cars|barrels|tons|tonnes|miles|km|kilometers|meters|feet|votes|seats|points|cases|deaths|acres)\b/i.test(after)) return null;
    return { type: 'DATE', value: g.y!, granularity: 'year', mod: pointMod(g.pm) };
  }),
  rule('spelled-year', `(?:\\b(?<pre>the\\s+year)\\s+)?\\b(?<y>${SPELLED_YEAR})\\b`, (g) => {
    const y = yearOf(g.y);
    if (!y || (!g.pre && !/^nineteen\s+(?!hundred)/i.test(g.y!))) return null;
    return { type: 'DATE', value: String(y), granularity: 'year' };
  }),
  rule('decade', `(?:\\b(?<the>the)\\s+)?(?:(?<pm>early|late|mid)[\\s-]*)?(?:(?<y>1[5-9]\\d0|20[0-4]0)'?s|'(?<yy>\\d0)s)\\b`, (g) => {
    const y = g.y ?? (Number(g.yy) > 30 ? `19${g.yy}` : `20${g.yy}`);
    return { type: 'DATE', value: y.slice(0, 3), granularity: 'decade', mod: pointMod(g.pm) };
  }),
  rule('century', `(?:\\b(?<the>the)\\s+)?(?:(?<pm>early|late|mid)[\\s-]*)?\\b(?<n>\\d{1,2})(?:st|nd|rd|th)[\\s-]+century\\b|\\b(?<the2>the)\\s+(?<w>nineteenth|twentieth|twenty-first|eighteenth|seventeenth|sixteenth)\\s+century\\b`, (g) => {
    const words: Record<string, number> = { sixteenth: 16, seventeenth: 17, eighteenth: 18, nineteenth: 19, twentieth: 20, 'twenty-first': 21 };
    const n = g.n ? Number(g.n) : (words[(g.w ?? '').toLowerCase()] ?? 0);
    if (!n) return null;
    return { type: 'DATE', value: pad(n - 1), granularity: 'century', mod: pointMod(g.pm) };
  }),
  // 'the year' in reports: a fiscal year when 'ended …' follows (a duration), else the current year.
  rule('the-year', `\\b(?<the>the)\\s+(?<full>full\\s+)?year\\b(?!-|'s|\\s+(?:before|after|earlier|ago|of\\s+the))(?=(?<ended>\\s+end(?:ed|ing)\\b)?)`, (g) => {
    if (g.ended) return { type: 'DURATION', value: 'P1Y', granularity: 'year' };
    return { type: 'DATE', relative: { unit: 'year', offset: 0, direction: 'same' } };
  }),
  // Anaphoric points: 'that day', 'the following year', 'earlier that day', 'the day before'. Resolved
  // against the publication date here; discourse.ts moves them to the last date the text named.
  rule('anaphor', `(?:\\b(?<pm>earlier|later|early|late)\\s+)?\\b(?:(?<det>that\\s+same|the\\s+same|that|the\\s+next|the\\s+following|the\\s+previous|the\\s+preceding)\\s+(?<unit>day|morning|afternoon|evening|night|week|month|year)|the\\s+(?<unit2>day|week)\\s+(?<ba>before|after)(?=\\s*[,.;:!?)]))\\b(?!\\s*-)`, (g) => {
    const det = (g.det ?? '').toLowerCase().replace(/\s+/g, ' ');
    const unitWord = (g.unit ?? g.unit2 ?? 'day').toLowerCase();
    let offset = 0;
    if (/next|following/.test(det) || g.ba?.toLowerCase() === 'after') offset = 1;
    if (/previous|preceding/.test(det) || g.ba?.toLowerCase() === 'before') offset = -1;
    const part = PARTS_OF_DAY[unitWord];
    const unit = (part ? 'day' : unitWord) as RelativeForm['unit'];
    return { type: part ? 'TIME' : 'DATE', relative: { unit, offset, direction: directionOf(offset), partOfDay: part }, mod: pointMod(g.pm) };
  }),
  // 'by year-end', 'around year end', "by year's end", 'since year-end' (the last one past).
  // The noun phrase ('by year end', "by year's end") is the year with mod END, as TimeML writes 'the end of the year';
  // the hyphenated attribute ('year-end net') is the closing date itself.
  rule('year-end', `\\b(?:year-end|year\\s+end|year's\\s+end)\\b`, (_groups, m, text) => {
    const since = /\bsince\s+$/i.test(text.slice(Math.max(0, m.index - 8), m.index));
    if (!m[0].includes('-')) return { type: 'DATE', relative: { unit: 'year', offset: since ? -1 : 0, direction: 'same' }, mod: 'END' };
    return { type: 'DATE', relative: { unit: 'date-of-year', month: 12, day: 31, direction: since ? 'past' : 'nearest' }, mod: 'END' };
  }),
  rule('decade-word', `\\b(?<the>the)\\s+(?:(?<pm>early|late|mid)[\\s-]*)?(?<w>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\\b`, (g) => {
    const tens: Record<string, number> = { twenties: 2, thirties: 3, forties: 4, fifties: 5, sixties: 6, seventies: 7, eighties: 8, nineties: 9 };
    return { type: 'DATE', value: `19${tens[g.w!.toLowerCase()]}`, granularity: 'decade', mod: pointMod(g.pm) };
  }),
  rule('year-adjective', `\\b(?<w>year-ago|year-earlier|year-before)\\b`, () => ({ type: 'DATE', relative: { unit: 'year', offset: -1, direction: 'past' } })),
  rule('fiscal-year', `\\b(?<the>the)\\s+(?:(?<cur>current|latest|next|last|previous|prior)\\s+)?fiscal\\s+year\\b(?=(?<ended>\\s+end(?:ed|ing)\\b)?)`, (g) => {
    if (g.ended) return { type: 'DURATION', value: 'P1Y', granularity: 'year' };
    const offset = g.cur ? offsetOf(g.cur === 'prior' ? 'previous' : g.cur) : 0;
    return { type: 'DATE', relative: { unit: 'year', offset: g.cur === 'latest' || g.cur === 'current' ? 0 : offset, direction: 'same' } };
  }),
  rule('holiday', `(?:\\b(?<dir>last|next|this|this\\s+past|this\\s+coming)\\s+)?\\b(?<h>${alternation(Object.keys(HOLIDAYS))})\\b`, (g, m, text) => {
    if (!capitalised(g.h)) return null;
    const name = g.h!.toLowerCase().replace(/\s+/g, ' ');
    // 'last Christmas', 'next Thanksgiving': the direction word is part of the expression and settles the year.
    const off = offsetOf(g.dir);
    const ahead = g.dir ? off > 0 || (off === 0 && futureContext(text, m.index, m.index + m[0].length)) : futureContext(text, m.index, m.index + m[0].length);
    return { type: 'DATE', relative: { unit: 'holiday', holiday: name, direction: ahead ? 'future' : 'past' } };
  }),
  // Frequencies: 'daily', 'every month', 'each Thursday', 'each July'.
  rule('set-word', `\\b(?<w>${alternation(Object.keys(SET_WORDS))})\\b`, (g, m, text) => {
    // 'the party daily Granma': a newspaper, not a frequency.
    if (/^\s+\p{Lu}/u.test(text.slice(m.index + m[0].length, m.index + m[0].length + 3))) return null;
    return { type: 'SET', value: SET_WORDS[g.w!.toLowerCase()]!, granularity: null };
  }),
  rule('set-every', `\\b(?<q>every|each|per)\\s+(?:(?<unit>${UNIT})|(?<mon>${MONTH}))\\b`, (g) => {
    if (g.mon) return capitalised(g.mon) ? { type: 'SET', value: `XXXX-${pad(monthNum(g.mon))}`, granularity: 'month' } : null;
    const d = durationValue(1, g.unit!);
    return { type: 'SET', value: d.value, granularity: d.granularity };
  }),
  // Dateless references to now, the past and the future.
  rule('ref-word', `\\b(?<w>${alternation(Object.keys(REF_WORDS))})\\b`, (g, m, text) => {
    const w = g.w!.toLowerCase().replace(/\s+/g, ' ');
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 20);
    if (w === 'now' && /^\s+(that)\b/i.test(after)) return { type: 'DATE', value: 'PRESENT_REF', granularity: null };
    if (w === 'current' && /^\s+(account|affairs|events|of)\b/i.test(after)) return null;
    return { type: 'DATE', value: REF_WORDS[w]!, granularity: null };
  }),
];
