// Reading the clause around a time expression: does it look ahead ('will', 'is to', 'scheduled') or report the
// past ('since X bought Y', 'sales rose')? Rules use it to pick which occurrence of a weekday, month or date is meant.
import type { RelativeForm } from './types.js';

const FUTURE_MARKERS = /\b(will|won't|'ll|shall|is\s+to|are\s+to|plans?\s+to|planning\s+to|scheduled|set\s+to|as\s+(?:soon|early)\s+as|might|could|expected\s+to|is\s+due|are\s+due|due\s+to|to\s+be\s+held|upcoming|ahead\s+of|effective|payable|expires?|is\s+set\s+to|are\s+set\s+to|hopes?\s+to|aims?\s+to|intends?\s+to|going\s+to|would\s+(?:be|begin|start|take|hold|visit|travel|meet|leave|arrive))\b/i;
const PAST_VERB_BEFORE = /\b(said|says|told|announced|reported|predicted|confirmed|was|were|had|did|met|made|took|held|began|ended|left|arrived|died|killed|\w+ed)\s+(?:on\s+)?$/i;

/**
 * Does the clause around an expression look ahead ('will', 'is to', 'scheduled')? A past-tense verb
 * just before the expression ('said Friday') settles it as past.
 */
export function futureContext(text: string, start: number, end: number): boolean {
  const from = Math.max(text.lastIndexOf('.', start - 1), text.lastIndexOf('\n', start - 1), text.lastIndexOf(';', start - 1), start - 80) + 1;
  const before = text.slice(from, start);
  if (PAST_VERB_BEFORE.test(before)) return false;
  const after = (text.slice(end, end + 30).split(/[.;,\n]/)[0] ?? '');
  return FUTURE_MARKERS.test(before + ' ' + after);
}

/** A yearless date or month in news is the latest one on or before publication, unless the clause looks ahead. */
export function contextDirection(text: string, start: number, end: number): RelativeForm['direction'] {
  if (futureContext(text, start, end)) return 'future';
  return pastContext(text, start, end) ? 'nearest-past' : 'nearest';
}

/** Past-tense verbs that report what happened; 'scheduled', 'expected', 'planned' look ahead and do not count. */
const PAST_VERB = /\b(?:was|were|had|did|(?!(?:scheduled|expected|planned|proposed|intended|slated|aimed|targeted|needed)\b)[a-z]{3,}ed)\b|\bsince\s+$/i;

/** Does the clause around an expression report the past ('since X bought Y in February', 'in January, Z rose')? */
function pastContext(text: string, start: number, end: number): boolean {
  const from = Math.max(text.lastIndexOf('.', start - 1), text.lastIndexOf('\n', start - 1), text.lastIndexOf(';', start - 1), start - 60) + 1;
  const after = text.slice(end, end + 40).split(/[.;\n]/)[0] ?? '';
  return PAST_VERB.test(text.slice(from, start)) || PAST_VERB.test(after);
}
