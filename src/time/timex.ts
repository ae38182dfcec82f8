// Time expressions in article text, normalised to TIMEX3 values against the publication date.
// Every rule in rules.ts proposes spans; the longest span wins where they overlap (ties go to the
// earlier rule), then each relative form is resolved against the anchor, or kept unresolved.
import { resolveForm, unresolvedValue } from './normalise.js';
import { RULES, type Candidate } from './rules.js';
import { applyDiscourse } from './discourse.js';
import { conventionalSpan, isDiscourseMarker } from './spans.js';
import type { Anchor, TimeRef } from './types.js';

/** All rule matches, before overlaps are settled. */
export function candidates(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const r of RULES) {
    r.re.lastIndex = 0;
    for (const m of text.matchAll(r.re)) {
      const found = r.build(m.groups ?? {}, m, text);
      if (!found) continue;
      const { skip = 0, ...built } = found;
      // Leading or trailing spaces and commas a pattern may have swallowed are not part of the span.
      const raw = m[0].slice(skip);
      const lead = skip + raw.length - raw.trimStart().length;
      const trimmed = raw.trim().replace(/[,]+$/, '');
      if (!trimmed) continue;
      out.push({ start: m.index + lead, end: m.index + lead + trimmed.length, rule: `rule:${r.name}`, ...built });
    }
  }
  return out;
}

/** Longest-first selection of non-overlapping spans, in a single pass over sorted candidates. */
function settle(found: Candidate[]): Candidate[] {
  const order = found.map((c, i) => ({ c, i }));
  order.sort((a, b) => b.c.end - b.c.start - (a.c.end - a.c.start) || a.i - b.i);
  const taken: Candidate[] = [];
  const covered = new Map<number, true>();
  for (const { c } of order) {
    let free = true;
    for (let p = c.start; p < c.end && free; p++) if (covered.has(p)) free = false;
    if (!free) continue;
    for (let p = c.start; p < c.end; p++) covered.set(p, true);
    taken.push(c);
  }
  return taken.sort((a, b) => a.start - b.start);
}

function finish(text: string, c: Candidate, anchor: Anchor | null): TimeRef {
  const base = { start: c.start, end: c.end, text: text.slice(c.start, c.end), type: c.type, mod: c.mod ?? null, rule: c.rule, relative: c.relative ?? null };
  if (!c.relative) return { ...base, value: c.value ?? 'XXXX', granularity: c.granularity ?? null, resolved: true, anchorUsed: null };
  if (!anchor) {
    const u = unresolvedValue(c.relative);
    return { ...base, value: c.value ?? u.value, granularity: c.granularity ?? u.granularity, resolved: false, anchorUsed: null };
  }
  const r = resolveForm(c.relative, anchor);
  // A value with its own shape (half years) takes only the year from the resolution.
  const value = c.value?.startsWith('XXXX') ? `${r.value.slice(0, 4)}${c.value.slice(4)}` : r.value;
  return { ...base, value, granularity: c.granularity ?? r.granularity, resolved: true, anchorUsed: anchor.date };
}

/**
 * Finds time expressions in `text` and gives each a TIMEX3 value. With an anchor (the publication
 * date), relative expressions are resolved; without one they keep an unresolved value ('XXXX-…')
 * and their `relative` form, for `resolveRelative` once a date is known.
 */
export function findTimes(text: string, anchor: Anchor | null): TimeRef[] {
  const kept = settle(candidates(text)).filter((c) => !isDiscourseMarker(text, c));
  return applyDiscourse(kept.map((c) => finish(text, conventionalSpan(text, c), anchor)));
}
