// Turns a relative form into a TIMEX3 value against a reference date, following TimeBank's news
// conventions: a bare weekday is the latest such day on or before the reference date unless the
// sentence looks ahead; 'last week' is the ISO week before; a bare month or season is in the
// reference year unless 'last'/'next' say otherwise.
import { addDays, isoDay, isoWeek, isoWeekday, nthWeekday, pad, parseAnchorDate, quarterOf, utcDate } from './calendar.js';
import { HOLIDAYS, SEASON_START } from '../lang/en/time-words.js';
import type { Anchor, RelativeForm, TimeRef } from './types.js';

export interface Normalised {
  value: string;
  granularity: string;
}

function dayValue(d: Date, rel: RelativeForm): Normalised {
  if (rel.clock) return { value: `${isoDay(d)}T${rel.clock}`, granularity: 'minute' };
  if (rel.partOfDay) return { value: `${isoDay(d)}T${rel.partOfDay}`, granularity: 'day' };
  return { value: isoDay(d), granularity: 'day' };
}

/** How far ahead of the anchor (in months) a yearless date may lie before it is read as last year's. */
const NEAREST_AHEAD_MONTHS = 4;

/** Year of a repeating point (month, season, holiday) given its month and the direction meant. */
function yearFor(month: number, day: number, a: Date, rel: RelativeForm): number {
  const year = a.getUTCFullYear() + (rel.offset ?? 0);
  // An explicit year word ('January this year', 'June last year') pins the year.
  if (rel.offset !== undefined) return year;
  const here = a.getUTCMonth() + 1;
  const after = month > here || (month === here && day > a.getUTCDate());
  if (rel.direction === 'past' && after) return year - 1;
  if (rel.direction === 'future' && !after) return year + 1;
  if (rel.direction === 'nearest' || rel.direction === 'nearest-past') {
    // News dates without a year sit near publication, mostly before it: a date a few months
    // ahead is this year's ('payable Dec. 15'), one further ahead is last year's.
    const ahead = (month - here) + (day - a.getUTCDate()) / 31;
    if (ahead > NEAREST_AHEAD_MONTHS) return year - 1;
    if (ahead < -(12 - NEAREST_AHEAD_MONTHS) && rel.direction === 'nearest') return year + 1;
  }
  return year;
}

export function resolveForm(rel: RelativeForm, anchor: Anchor): Normalised {
  const a = parseAnchorDate(anchor.date);
  const off = rel.offset ?? 0;
  const year = a.getUTCFullYear();
  switch (rel.unit) {
    case 'weekday': {
      let diff = (rel.weekday ?? 1) - isoWeekday(a);
      if (rel.direction === 'past' && (diff > 0 || (rel.strict && diff === 0))) diff -= 7;
      if (rel.direction === 'future' && (diff < 0 || (rel.strict && diff === 0))) diff += 7;
      return dayValue(addDays(a, diff + 7 * off), rel);
    }
    case 'day':
      return dayValue(addDays(a, off), rel);
    case 'week':
      return { value: isoWeek(addDays(a, off * 7)), granularity: 'week' };
    case 'weekend':
      return { value: `${isoWeek(addDays(a, off * 7 - (rel.direction === 'past' && isoWeekday(a) < 6 ? 7 : 0)))}-WE`, granularity: 'week' };
    case 'month': {
      const d = utcDate(year, a.getUTCMonth() + 1 + off, 1);
      return { value: `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`, granularity: 'month' };
    }
    case 'year':
      return { value: String(year + off), granularity: 'year' };
    case 'decade':
      return { value: String(Math.floor(year / 10) + off), granularity: 'decade' };
    case 'century':
      return { value: String(Math.floor(year / 100) + off), granularity: 'century' };
    case 'quarter': {
      const current = quarterOf(a);
      if (rel.quarter) {
        // A named quarter later than the current one is last year's (a report on 'the fourth quarter' in January).
        const y = year + off - (off === 0 && rel.direction !== 'future' && rel.quarter > current ? 1 : 0);
        return { value: `${y}-Q${rel.quarter}`, granularity: 'quarter' };
      }
      const n = (year * 4 + current - 1) + off;
      return { value: `${rel.year ?? Math.floor(n / 4)}-Q${(n % 4) + 1}`, granularity: 'quarter' };
    }
    case 'season': {
      const s = rel.season ?? 'SU';
      let y = yearFor(SEASON_START[s], 1, a, rel);
      // 'last fall' said in the fall is the previous year's.
      const into = (a.getUTCMonth() + 1 - SEASON_START[s] + 12) % 12;
      if (rel.direction === 'past' && rel.offset === undefined && into < 3 && y === year) y -= 1;
      return { value: `${y}-${s}`, granularity: 'season' };
    }
    case 'month-of-year': {
      const m = rel.month ?? 1;
      // A month still running is not behind us: 'will expire at the end of November' said in November is this one.
      const running = rel.direction === 'future' && rel.offset === undefined && m === a.getUTCMonth() + 1;
      return { value: `${running ? year : yearFor(m, 1, a, rel)}-${pad(m)}`, granularity: 'month' };
    }
    case 'date-of-year': {
      const m = rel.month ?? 1;
      const d = rel.day ?? 1;
      return dayValue(utcDate(yearFor(m, d, a, rel), m, d), rel);
    }
    case 'holiday': {
      const h = HOLIDAYS[rel.holiday ?? ''];
      if (!h) return { value: 'XXXX-XX-XX', granularity: 'day' };
      const at = (y: number) => (h.day ? utcDate(y, h.month, h.day) : nthWeekday(y, h.month, h.weekday ?? 1, h.nth ?? 1));
      let d = at(year + off);
      if (off === 0 && rel.direction === 'past' && d.getTime() > a.getTime()) d = at(year - 1);
      if (off === 0 && rel.direction === 'future' && d.getTime() < a.getTime()) d = at(year + 1);
      return dayValue(d, rel);
    }
  }
}

/** The value a relative form keeps while no reference date is known. */
export function unresolvedValue(rel: RelativeForm): Normalised {
  const tail = rel.clock ? `T${rel.clock}` : rel.partOfDay ? `T${rel.partOfDay}` : '';
  switch (rel.unit) {
    case 'weekday':
      return { value: `XXXX-WXX-${rel.weekday ?? 'X'}${tail}`, granularity: 'day' };
    case 'week':
      return { value: 'XXXX-WXX', granularity: 'week' };
    case 'weekend':
      return { value: 'XXXX-WXX-WE', granularity: 'week' };
    case 'month':
      return { value: 'XXXX-XX', granularity: 'month' };
    case 'year':
      return { value: 'XXXX', granularity: 'year' };
    case 'decade':
      return { value: 'XXX', granularity: 'decade' };
    case 'century':
      return { value: 'XX', granularity: 'century' };
    case 'quarter':
      return { value: `XXXX-Q${rel.quarter ?? 'X'}`, granularity: 'quarter' };
    case 'season':
      return { value: `XXXX-${rel.season ?? 'XX'}`, granularity: 'season' };
    case 'month-of-year':
      return { value: `XXXX-${pad(rel.month ?? 1)}`, granularity: 'month' };
    case 'date-of-year':
      return { value: `XXXX-${pad(rel.month ?? 1)}-${pad(rel.day ?? 1)}${tail}`, granularity: 'day' };
    default:
      return { value: `XXXX-XX-XX${tail}`, granularity: 'day' };
  }
}

/** Resolves a reference found without an anchor (or re-resolves one) against a reference date. */
export function resolveRelative(ref: TimeRef, anchor: Anchor): TimeRef {
  if (!ref.relative) return ref;
  const r = resolveForm(ref.relative, anchor);
  return { ...ref, value: r.value, granularity: r.granularity, resolved: true, anchorUsed: anchor.date };
}
