// Document-level readings.
// - Earnings reports: 'a year ago' / 'a year earlier' / 'year-ago' compare with the same quarter of
//   the year before (TimeBank writes 1988-Q3, not 1988), so once a quarter has been named, a
//   one-year step back lands on that quarter a year earlier.
// - Anaphoric points ('that day', 'the following year') refer to the last date the text named, not
//   to the publication date.
import { resolveForm } from './normalise.js';
import type { TimeRef } from './types.js';

const QUARTER = /^(\d{4})-Q([1-4])$/;
const YEAR_BACK = /\b(?:a|one)\s+year\s+(?:ago|earlier|before)\b/i;
const COMPARISON = /year-(ago|earlier|before)|last\s+year|previous\s+year/i;

/** The reference date an anaphor of this unit needs, taken from the last named date. */
function referenceFor(unit: string, last: string): string | null {
  if (unit === 'year') return /^\d{4}/.test(last) ? `${last.slice(0, 4)}-07-01` : null;
  if (unit === 'month') return /^\d{4}-\d{2}(?!\d)/.test(last) ? `${last.slice(0, 7)}-15` : null;
  return /^\d{4}-\d{2}-\d{2}/.test(last) ? last.slice(0, 10) : null;
}

export function applyDiscourse(refs: TimeRef[]): TimeRef[] {
  let lastQuarter: RegExpExecArray | null = null;
  let lastDate: string | null = null;
  return refs.map((r) => {
    const q = QUARTER.exec(r.value);
    // The comparison quarter itself ('the year-ago quarter', 'the 1988 quarter') does not move the reference quarter.
    if (q && r.rule === 'rule:quarter' && !COMPARISON.test(r.text) && r.relative?.year === undefined) lastQuarter = q;
    if (lastQuarter && r.resolved && ((r.rule === 'rule:ago' && YEAR_BACK.test(r.text)) || r.rule === 'rule:year-adjective')) {
      return { ...r, value: `${Number(lastQuarter[1]) - 1}-Q${lastQuarter[2]}`, granularity: 'quarter', rule: `${r.rule}+discourse:quarter` };
    }
    // A clock time with no day of its own ('was shot at 10:35 a.m.') is on the day under discussion.
    if (r.rule === 'rule:clock' && r.relative?.unit === 'day' && r.relative.clock && !r.relative.offset && !/\b(?:today|tonight)\b/i.test(r.text) && lastDate && /^\d{4}-\d{2}-\d{2}/.test(lastDate)) {
      return { ...r, value: `${lastDate.slice(0, 10)}T${r.relative.clock}`, resolved: true, anchorUsed: lastDate.slice(0, 10), rule: `${r.rule}+discourse:last-date` };
    }
    if (r.rule === 'rule:anaphor' && r.relative && lastDate) {
      // 'that same day' after 'last October': the day is in that month, which day the text does not say.
      if (r.relative.unit === 'day' && !r.relative.partOfDay && /^\d{4}-\d{2}$/.test(lastDate)) {
        return { ...r, value: `${lastDate}-XX`, granularity: 'day', resolved: true, anchorUsed: lastDate, rule: `${r.rule}+discourse:last-date` };
      }
      const date = referenceFor(r.relative.unit, lastDate);
      if (date) {
        const v = resolveForm(r.relative, { date });
        return { ...r, value: v.value, granularity: v.granularity, resolved: true, anchorUsed: date, rule: `${r.rule}+discourse:last-date` };
      }
    }
    if ((r.type === 'DATE' || r.type === 'TIME') && /^\d{4}/.test(r.value) && r.rule !== 'rule:anaphor') lastDate = r.value;
    return r;
  });
}
