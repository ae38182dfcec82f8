// Calendar arithmetic on UTC dates (noon, so zone offsets never move a day).
export function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

export function utcDate(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day, 12));
}

export function parseAnchorDate(iso: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) throw new Error(`anchor is not an ISO date: ${iso}`);
  return utcDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

export function isoDay(d: Date): string {
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

export function addDays(d: Date, n: number): Date {
  const x = new Date(d.getTime());
  x.setUTCDate(x.getUTCDate() + n);
  return x;
}

/** 1 Monday … 7 Sunday. */
export function isoWeekday(d: Date): number {
  return d.getUTCDay() || 7;
}

/** ISO week of a date: '2017-W41'. */
export function isoWeek(d: Date): string {
  const t = addDays(d, 4 - isoWeekday(d));
  const yearStart = utcDate(t.getUTCFullYear(), 1, 1);
  const week = Math.floor((t.getTime() - yearStart.getTime()) / 86400000 / 7) + 1;
  return `${t.getUTCFullYear()}-W${pad(week)}`;
}

export function quarterOf(d: Date): number {
  return Math.floor(d.getUTCMonth() / 3) + 1;
}

/** The nth weekday of a month (nth -1 = last; nth 0 = the Tuesday after the first Monday). */
export function nthWeekday(year: number, month: number, weekday: number, nth: number): Date {
  if (nth === 0) return addDays(nthWeekday(year, month, 1, 1), 1);
  if (nth < 0) {
    const last = utcDate(year, month + 1, 0);
    return addDays(last, -((isoWeekday(last) - weekday + 7) % 7));
  }
  const first = utcDate(year, month, 1);
  return addDays(first, ((weekday - isoWeekday(first) + 7) % 7) + 7 * (nth - 1));
}
