// Time expressions in article text, normalised to TIMEX3 values against the publication date.
// chrono-node finds calendar dates and relative phrases; TimeML's conventions (spans without the
// preposition, weekdays in past-tense news meaning the latest such day on or before publication,
// weeks as 2017-W41, bare years, durations as P6Y, PRESENT_REF/PAST_REF) are our own rules on top.
import * as chrono from 'chrono-node';

export type TimexType = 'DATE' | 'TIME' | 'DURATION' | 'SET';

export interface RelativeForm {
  unit: 'weekday' | 'day' | 'week' | 'month' | 'year';
  /** 1 Monday … 7 Sunday, for weekdays. */
  weekday?: number;
  /** Offset in units from the anchor (-1 yesterday / last week, 0 today / this week). */
  offset?: number;
  direction: 'past' | 'future' | 'same';
}

export interface TimeRef {
  start: number;
  end: number;
  text: string;
  type: TimexType;
  value: string;
  granularity: string | null;
  resolved: boolean;
  anchorUsed: string | null;
  relative: RelativeForm | null;
  rule: string;
}

export interface Anchor {
  date: string;
  timezone?: string | null;
}

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const NUMBER_WORDS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, fifteen: 15, twenty: 20, thirty: 30, several: 0, few: 0, many: 0 };
const UNIT_CODE: Record<string, string> = { second: 'S', minute: 'M', hour: 'H', day: 'D', week: 'W', month: 'M', year: 'Y', decade: 'DE', century: 'CE' };

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function isoDay(d: Date): string {
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

function anchorDate(a: Anchor): Date {
  return new Date(`${a.date.slice(0, 10)}T12:00:00Z`);
}

/** ISO week of a UTC date: '2017-W41'. */
function isoWeek(d: Date): string {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const day = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - day);
  const yearStart = new Date(Date.UTC(t.getUTCFullYear(), 0, 1));
  const week = Math.ceil(((t.getTime() - yearStart.getTime()) / 86400000 + 1) / 7);
  return `${t.getUTCFullYear()}-W${pad(week)}`;
}

function addDays(d: Date, n: number): Date {
  const x = new Date(d.getTime());
  x.setUTCDate(x.getUTCDate() + n);
  return x;
}

/** Resolves a relative form against an anchor date. */
export function resolveRelative(rel: RelativeForm, anchor: Anchor): { value: string; granularity: string } {
  const a = anchorDate(anchor);
  if (rel.unit === 'weekday' && rel.weekday) {
    const today = a.getUTCDay() || 7;
    let diff = rel.weekday - today;
    if (rel.direction === 'past' && diff > 0) diff -= 7;
    if (rel.direction === 'future' && diff < 0) diff += 7;
    return { value: isoDay(addDays(a, diff)), granularity: 'day' };
  }
  const off = rel.offset ?? 0;
  if (rel.unit === 'day') return { value: isoDay(addDays(a, off)), granularity: 'day' };
  if (rel.unit === 'week') return { value: isoWeek(addDays(a, off * 7)), granularity: 'week' };
  if (rel.unit === 'month') {
    const d = new Date(Date.UTC(a.getUTCFullYear(), a.getUTCMonth() + off, 1));
    return { value: `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`, granularity: 'month' };
  }
  return { value: String(a.getUTCFullYear() + off), granularity: 'year' };
}

interface Found {
  start: number;
  end: number;
  type: TimexType;
  value?: string;
  granularity?: string | null;
  relative?: RelativeForm | null;
  rule: string;
}

/** Our own patterns, tried before chrono: they carry TimeML's conventions. */
function ruleMatches(text: string): Found[] {
  const out: Found[] = [];
  const add = (re: RegExp, f: (m: RegExpExecArray) => Omit<Found, 'start' | 'end'> | null, group = 0) => {
    for (const m of text.matchAll(re)) {
      const r = f(m as RegExpExecArray);
      if (!r) continue;
      const start = (m.index ?? 0) + (group ? m[0].indexOf(m[group]!) : 0);
      out.push({ start, end: start + (group ? m[group]!.length : m[0].length), ...r });
    }
  };
  add(/\b(last|this|next|past|coming)\s+(week|month|year)\b/gi, (m) => {
    const dir = m[1]!.toLowerCase();
    const offset = dir === 'last' || dir === 'past' ? -1 : dir === 'next' || dir === 'coming' ? 1 : 0;
    return { type: 'DATE', relative: { unit: m[2]!.toLowerCase() as 'week', offset, direction: offset < 0 ? 'past' : offset > 0 ? 'future' : 'same' }, rule: 'rule:relative-unit' };
  });
  add(/\b(yesterday|today|tomorrow|tonight)\b/gi, (m) => {
    const w = m[1]!.toLowerCase();
    const offset = w === 'yesterday' ? -1 : w === 'tomorrow' ? 1 : 0;
    return { type: 'DATE', relative: { unit: 'day', offset, direction: offset < 0 ? 'past' : offset > 0 ? 'future' : 'same' }, rule: 'rule:deictic-day' };
  });
  add(/\b(now|currently|at present|nowadays)\b/gi, () => ({ type: 'DATE', value: 'PRESENT_REF', granularity: null, rule: 'rule:present' }));
  add(/\b(recently|in the past|formerly|previously)\b/gi, () => ({ type: 'DATE', value: 'PAST_REF', granularity: null, rule: 'rule:past' }));
  add(/\b(in the future|eventually|soon)\b/gi, () => ({ type: 'DATE', value: 'FUTURE_REF', granularity: null, rule: 'rule:future' }));
  // Durations: 'six years', 'the past 24 hours', 'two-day', 'several months'.
  add(/\b((?:the\s+(?:past|last|next)\s+)?(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|several|few|many)[\s-](second|minute|hour|day|week|month|year|decade|century)s?)(?!\s+(?:ago|earlier|later|before|after))\b/gi, (m) => {
    const n = /^\d+$/.test(m[2]!) ? Number(m[2]) : (NUMBER_WORDS[m[2]!.toLowerCase()] ?? 0);
    const unit = m[3]!.toLowerCase();
    const code = UNIT_CODE[unit]!;
    const timeUnit = ['second', 'minute', 'hour'].includes(unit);
    return { type: 'DURATION', value: `P${timeUnit ? 'T' : ''}${n || 'X'}${code}`, granularity: unit, rule: 'rule:duration' };
  }, 1);
  // Bare years and decades: 'since 2011', 'in the 1990s'.
  add(/\b(?:(?:in|since|by|until|from|of|during|before|after)\s+)((?:the\s+)?(1[89]\d0s|20[0-4]0s|1[89]\d{2}|20[0-4]\d))\b(?![,/-]\d|\s+(?:people|soldiers|troops|dollars|km|miles))/gi, (m) => {
    const y = m[2]!;
    return y.endsWith('s') ? { type: 'DATE', value: y.slice(0, 3), granularity: 'decade', rule: 'rule:decade' } : { type: 'DATE', value: y, granularity: 'year', rule: 'rule:year' };
  }, 1);
  return out;
}

/** Is the sentence around an offset about the future ('will', 'plans to', 'next')? */
function futureContext(text: string, at: number): boolean {
  const s = Math.max(text.lastIndexOf('. ', at), 0);
  return /\b(will|shall|is to|are to|plans? to|scheduled|expected to|next)\b/i.test(text.slice(s, at + 40));
}

function fromChrono(text: string, ref: Date): Found[] {
  const out: Found[] = [];
  for (const r of chrono.parse(text, { instant: ref, timezone: 'UTC' }, { forwardDate: false })) {
    let start = r.index;
    let t = r.text.replace(/[,.;]+$/, '');
    const lead = /^(on|at|in|by|from|since|until|before|after|during)\s+/i.exec(t);
    if (lead) {
      start += lead[0].length;
      t = t.slice(lead[0].length);
    }
    const c = r.start;
    const known = new Set((['weekday', 'day', 'month', 'year', 'hour', 'minute'] as const).filter((k) => c.isCertain(k)));
    const year = c.get('year');
    const month = c.get('month');
    const day = c.get('day');
    const f: Found = { start, end: start + t.length, type: 'DATE', rule: 'chrono' };
    if (known.has('weekday') && !known.has('day') && !known.has('month')) {
      const wd = c.get('weekday') ?? 0;
      f.relative = { unit: 'weekday', weekday: wd === 0 ? 7 : wd, direction: futureContext(text, start) ? 'future' : 'past' };
    } else if (/\bago\b/i.test(t)) {
      const m = /(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|few)\s+(day|week|month|year)s?\s+ago/i.exec(t);
      const n = m ? (/^\d+$/.test(m[1]!) ? Number(m[1]) : (NUMBER_WORDS[m[1]!.toLowerCase()] ?? 1)) : 1;
      const unit = (m?.[2]?.toLowerCase() ?? 'day') as RelativeForm['unit'];
      f.relative = { unit, offset: -n, direction: 'past' };
    } else if (known.has('day') && known.has('month') && known.has('year')) {
      f.value = `${year}-${pad(month ?? 1)}-${pad(day ?? 1)}`;
      f.granularity = 'day';
      if (known.has('hour')) {
        f.value += `T${pad(c.get('hour') ?? 0)}:${pad(c.get('minute') ?? 0)}`;
        f.granularity = 'minute';
        f.type = 'TIME';
      }
    } else if (known.has('day') && known.has('month')) {
      f.relative = { unit: 'day', direction: 'same' };
      f.value = `XXXX-${pad(month ?? 1)}-${pad(day ?? 1)}`;
      f.granularity = 'day';
    } else if (known.has('month') && known.has('year')) {
      f.value = `${year}-${pad(month ?? 1)}`;
      f.granularity = 'month';
    } else if (known.has('month')) {
      f.value = `XXXX-${pad(month ?? 1)}`;
      f.granularity = 'month';
      f.relative = { unit: 'month', direction: 'same' };
    } else if (known.has('hour')) {
      f.type = 'TIME';
      f.value = `XXXX-XX-XXT${pad(c.get('hour') ?? 0)}:${pad(c.get('minute') ?? 0)}`;
      f.granularity = 'minute';
      f.relative = { unit: 'day', offset: 0, direction: 'same' };
    } else continue;
    if (f.end > f.start) out.push(f);
  }
  return out;
}

export function findTimes(text: string, anchor: Anchor | null): TimeRef[] {
  const ref = anchor ? anchorDate(anchor) : new Date('2000-01-01T12:00:00Z');
  const candidates = [...ruleMatches(text), ...fromChrono(text, ref)];
  // Longest first, then earliest; overlapping shorter matches are dropped.
  candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Found[] = [];
  for (const c of candidates) if (!kept.some((k) => c.start < k.end && k.start < c.end)) kept.push(c);
  kept.sort((a, b) => a.start - b.start);
  return kept.map((f) => finish(text, f, anchor));
}

function finish(text: string, f: Found, anchor: Anchor | null): TimeRef {
  const base = { start: f.start, end: f.end, text: text.slice(f.start, f.end), type: f.type, rule: f.rule, relative: f.relative ?? null };
  if (!f.relative) return { ...base, value: f.value ?? 'XXXX', granularity: f.granularity ?? null, resolved: !String(f.value ?? '').includes('X') || f.type === 'DURATION', anchorUsed: null };
  if (!anchor) {
    const value = f.value ?? (f.relative.unit === 'week' ? 'XXXX-WXX' : f.relative.unit === 'month' ? 'XXXX-XX' : f.relative.unit === 'year' ? 'XXXX' : 'XXXX-XX-XX');
    return { ...base, value, granularity: f.granularity ?? (f.relative.unit === 'weekday' ? 'day' : f.relative.unit), resolved: false, anchorUsed: null };
  }
  // Month-day without a year: the anchor's year.
  if (f.value && f.value.startsWith('XXXX')) {
    const value = `${anchor.date.slice(0, 4)}${f.value.slice(4)}`;
    return { ...base, value, granularity: f.granularity ?? null, resolved: true, anchorUsed: anchor.date };
  }
  const r = resolveRelative(f.relative, anchor);
  return { ...base, value: r.value, granularity: r.granularity, resolved: true, anchorUsed: anchor.date };
}
