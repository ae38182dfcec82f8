// The time layer: time expressions with TIMEX3 values, anchored to the publication date.
export { findTimes } from './timex.js';
export { resolveRelative, resolveForm } from './normalise.js';
export type { TimeRef, Anchor, RelativeForm, TimexType, Season, PartOfDay } from './types.js';
