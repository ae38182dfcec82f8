// Shapes of the time layer: a found expression (TimeRef) and the relative form it keeps so that a
// later stage can resolve it once a reference date is known.

import type { PartOfDay, Season } from '../lang/en/time-words.js';

export type { PartOfDay, Season };

export type TimexType = 'DATE' | 'TIME' | 'DURATION' | 'SET';

/** What a relative expression means, independent of any reference date. */
export interface RelativeForm {
  unit: 'weekday' | 'day' | 'week' | 'weekend' | 'month' | 'year' | 'quarter' | 'decade' | 'century' | 'season' | 'month-of-year' | 'date-of-year' | 'holiday';
  /** 1 Monday … 7 Sunday, for weekdays. */
  weekday?: number;
  /** Offset in units from the anchor (-1 yesterday / last week, 0 today / this week). */
  offset?: number;
  /** Which occurrence is meant when the unit repeats (weekdays, months, seasons, holidays). */
  /** 'nearest': the occurrence within a window around the anchor (up to a few months ahead); 'nearest-past': the
   *  same, but a clause reporting the past never reaches into the next year. */
  direction: 'past' | 'future' | 'same' | 'nearest' | 'nearest-past';
  month?: number;
  day?: number;
  quarter?: number;
  season?: Season;
  /** Name of a holiday from the holiday table. */
  holiday?: string;
  partOfDay?: PartOfDay;
  /** For weekdays: the reference day itself does not count ('last Wednesday' said on a Wednesday). */
  strict?: boolean;
  /** A year the text names, kept when only the quarter is to be found ('the 1988 quarter'). */
  year?: number;
  /** Clock time 'HH:MM' attached to the day. */
  clock?: string;
}

export interface TimeRef {
  start: number;
  end: number;
  text: string;
  type: TimexType;
  /** TIMEX3 value: '2017-10-18', '2017-W41', 'P6Y', 'PRESENT_REF', 'XXXX-XX-XX' when unresolved. */
  value: string;
  granularity: string | null;
  /** TIMEX3 mod when the phrase carries one: 'MORE_THAN', 'APPROX', 'START', 'END', 'MID' … */
  mod: string | null;
  /** False when the expression is relative and no anchor was given. */
  resolved: boolean;
  anchorUsed: string | null;
  relative: RelativeForm | null;
  rule: string;
}

export interface Anchor {
  /** ISO date or datetime. */
  date: string;
  timezone?: string | null;
}
