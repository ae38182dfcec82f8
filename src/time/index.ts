// The time layer: time expressions with TIMEX3 values, anchored to the publication date.
export { findTimes, resolveRelative, type TimeRef, type Anchor, type RelativeForm, type TimexType } from './timex.js';
