// Anchoring event mentions to calendar dates at the precision a timeline shows: a year, a month or
// a day ('2008', '2008-01', '2008-01-09'). The time layer's TIMEX3 values are brought to that form;
// what it cannot say stays unknown.

export interface DatedTime {
  start: number;
  end: number;
  type: string;
  value: string;
}

/** A TIMEX3 value as a timeline date, or null when it names no calendar period (durations, PAST_REF, a decade). */
export function timelineDate(value: string, published: string | null): string | null {
  if (value === 'PRESENT_REF') return published ? published.slice(0, 10) : null;
  const day = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (day) return `${day[1]}-${day[2]}-${day[3]}`;
  const week = /^(\d{4})-W(\d{2})/.exec(value);
  if (week) {
    // The month holding the week's Thursday (ISO weeks belong to the month of their Thursday).
    const y = Number(week[1]);
    const jan4 = new Date(Date.UTC(y, 0, 4));
    const monday = jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86400000 + (Number(week[2]) - 1) * 7 * 86400000;
    const thursday = new Date(monday + 3 * 86400000);
    return `${thursday.getUTCFullYear()}-${String(thursday.getUTCMonth() + 1).padStart(2, '0')}`;
  }
  const month = /^(\d{4})-(\d{2})$/.exec(value);
  if (month) return value;
  if (/^\d{4}$/.test(value)) return value;
  // Quarters, halves, seasons: the year is what a timeline can keep.
  const year = /^(\d{4})-(?:Q\d|H\d|SP|SU|FA|WI)/.exec(value);
  if (year) return year[1]!;
  return null;
}

/** The usable dates among a sentence's time expressions, with their positions. */
export function usableTimes(times: DatedTime[], published: string | null): { at: number; date: string; present: boolean }[] {
  const out: { at: number; date: string; present: boolean }[] = [];
  for (const t of times) {
    if (t.type !== 'DATE' && t.type !== 'TIME') continue;
    const date = timelineDate(t.value, published);
    if (date) out.push({ at: (t.start + t.end) / 2, date, present: t.value === 'PRESENT_REF' });
  }
  return out;
}
