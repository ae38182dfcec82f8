// Word tables the time rules are built from. Rules read these tables; adding a word here extends
// every rule that uses the table.
/** Season codes as TimeML writes them. */
export type Season = 'SP' | 'SU' | 'FA' | 'WI';
/** Parts of the day as TimeML writes them. */
export type PartOfDay = 'MO' | 'AF' | 'EV' | 'NI' | 'DT';

/** Month names and abbreviations (capitalised, as months are written in news). */
export const MONTHS: Record<string, number> = {
  January: 1, Jan: 1, February: 2, Feb: 2, March: 3, Mar: 3, April: 4, Apr: 4, May: 5, June: 6, Jun: 6,
  July: 7, Jul: 7, August: 8, Aug: 8, September: 9, Sept: 9, Sep: 9, October: 10, Oct: 10,
  November: 11, Nov: 11, December: 12, Dec: 12,
};

/** Weekday names, 1 Monday … 7 Sunday. */
export const WEEKDAYS: Record<string, number> = {
  monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6, sunday: 7,
  mon: 1, tue: 2, tues: 2, wed: 3, thu: 4, thur: 4, thurs: 4, fri: 5, sat: 6, sun: 7,
};

export const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70,
  eighty: 80, ninety: 90, hundred: 100, thousand: 1000, dozen: 12, 'a couple of': 2, 'a couple': 2, 'couple of': 2, couple: 2,
  'a dozen': 12, 'a hundred': 100, 'a thousand': 1000,
};

/** Vague quantities: the duration keeps 'X' for the number. */
export const VAGUE_QUANTITIES = ['several', 'a few', 'few', 'many', 'some', 'the', 'recent', 'coming', 'a number of'];

export const ORDINALS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, '1st': 1, '2nd': 2, '3rd': 3, '4th': 4, final: 4, last: 4,
};

/** Calendar units: TIMEX3 duration code, whether it sits after 'T', and its granularity. */
export const UNITS: Record<string, { code: string; clock: boolean; granularity: string }> = {
  second: { code: 'S', clock: true, granularity: 'second' },
  minute: { code: 'M', clock: true, granularity: 'minute' },
  hour: { code: 'H', clock: true, granularity: 'hour' },
  day: { code: 'D', clock: false, granularity: 'day' },
  night: { code: 'D', clock: false, granularity: 'day' },
  week: { code: 'W', clock: false, granularity: 'week' },
  weekend: { code: 'WE', clock: false, granularity: 'week' },
  month: { code: 'M', clock: false, granularity: 'month' },
  quarter: { code: 'Q', clock: false, granularity: 'quarter' },
  year: { code: 'Y', clock: false, granularity: 'year' },
  decade: { code: 'DE', clock: false, granularity: 'decade' },
  century: { code: 'CE', clock: false, granularity: 'century' },
  centurie: { code: 'CE', clock: false, granularity: 'century' },
  millennium: { code: 'ML', clock: false, granularity: 'millennium' },
};

export const SEASONS: Record<string, Season> = { spring: 'SP', summer: 'SU', fall: 'FA', autumn: 'FA', winter: 'WI' };
/** First month of each season (northern hemisphere, as the corpora assume). */
export const SEASON_START: Record<Season, number> = { SP: 3, SU: 6, FA: 9, WI: 12 };

export const PARTS_OF_DAY: Record<string, PartOfDay> = {
  morning: 'MO', afternoon: 'AF', evening: 'EV', night: 'NI', tonight: 'NI', overnight: 'NI', 'mid-afternoon': 'AF', daytime: 'DT',
};

/** Words that name the present, past or future without a date (TIMEX3 *_REF values). */
export const REF_WORDS: Record<string, 'PRESENT_REF' | 'PAST_REF' | 'FUTURE_REF'> = {
  now: 'PRESENT_REF', currently: 'PRESENT_REF', current: 'PRESENT_REF', nowadays: 'PRESENT_REF', 'these days': 'PRESENT_REF',
  'right now': 'PRESENT_REF', 'the present': 'PRESENT_REF',
  recently: 'PAST_REF', 'the past': 'PAST_REF', 'more recently': 'PAST_REF', 'recent days': 'PAST_REF',
  lately: 'PAST_REF', 'past years': 'PAST_REF',
  'the future': 'FUTURE_REF', 'future quarters': 'FUTURE_REF', 'the near future': 'FUTURE_REF', 'the near term': 'FUTURE_REF',
  'the short term': 'FUTURE_REF', 'a later date': 'FUTURE_REF',
};
/* Left out on purpose: 'previously', 'soon', 'so far', 'once', 'earlier', bare 'future' and 'recent' are
   far more often not annotated as TIMEX3 in TimeBank than annotated (measured on the dev data). */

/** Frequency words (TIMEX3 SET): value as TimeML writes it. */
export const SET_WORDS: Record<string, string> = {
  daily: 'P1D', nightly: 'P1D', weekly: 'P1W', hourly: 'PT1H', biweekly: 'P2W',
};

/** Modifiers before a quantity, with the TIMEX3 mod they carry. */
export const QUANTITY_MODS: Record<string, string> = {
  'more than': 'MORE_THAN', 'no more than': 'EQUAL_OR_LESS', 'nearly': 'APPROX', 'almost': 'LESS_THAN', 'about': 'APPROX',
  'around': 'APPROX', 'roughly': 'APPROX', 'approximately': 'APPROX', 'at least': 'EQUAL_OR_MORE',
  'at most': 'EQUAL_OR_LESS', 'less than': 'LESS_THAN', 'fewer than': 'LESS_THAN', 'up to': 'EQUAL_OR_LESS',
  'some': 'APPROX', 'just over': 'MORE_THAN', 'just under': 'LESS_THAN', 'well over': 'MORE_THAN',
};

/** Modifiers of a point in time: 'early 1990', 'late yesterday', 'mid-afternoon'. */
export const POINT_MODS: Record<string, string> = {
  early: 'START', earlier: 'START', late: 'END', later: 'END', mid: 'MID', 'mid-': 'MID', middle: 'MID',
  'the end of': 'END', 'the beginning of': 'START', 'the start of': 'START', 'the middle of': 'MID',
  'end of': 'END', 'beginning of': 'START', 'the early': 'START', 'the late': 'END', 'the mid': 'MID', 'the mid-': 'MID',
};

/** Fixed-date and rule-based holidays. */
export const HOLIDAYS: Record<string, { month: number; day?: number; weekday?: number; nth?: number }> = {
  'christmas day': { month: 12, day: 25 }, christmas: { month: 12, day: 25 }, 'christmas eve': { month: 12, day: 24 },
  "new year's day": { month: 1, day: 1 }, "new year's eve": { month: 12, day: 31 }, 'new year': { month: 1, day: 1 },
  'independence day': { month: 7, day: 4 }, 'the fourth of july': { month: 7, day: 4 }, halloween: { month: 10, day: 31 },
  "valentine's day": { month: 2, day: 14 }, 'thanksgiving day': { month: 11, weekday: 4, nth: 4 },
  thanksgiving: { month: 11, weekday: 4, nth: 4 }, 'labor day': { month: 9, weekday: 1, nth: 1 },
  'memorial day': { month: 5, weekday: 1, nth: -1 }, 'election day': { month: 11, weekday: 2, nth: 0 },
  'veterans day': { month: 11, day: 11 }, 'boxing day': { month: 12, day: 26 },
};

/** Alternation of table keys, longest first, with dots and spaces escaped. */
export function alternation(words: Iterable<string>): string {
  return [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'))
    .join('|');
}
