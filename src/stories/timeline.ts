// A story's timeline: the events of all its articles, one entry per real happening (reports of
// the same action between the same actors on a compatible date merge, keeping every source),
// ordered by date; undated entries are placed by their range, background is kept apart. In a
// topic, reports merge only inside one event story: the clustering already said which articles
// tell of one happening, and an undated report must not join a happening years away.
import type { StoredEvent } from '../store/store.js';
import { eventHeadline, type ActorNamer } from './headline.js';

export interface TimelineReport {
  eventId: number;
  articleId: number;
  sentence: string | null;
  modality: string;
}

export interface TimelineEntry {
  /** Day or range start; null when no date could be set. */
  date: string | null;
  dateEnd: string | null;
  uncertain: boolean;
  cameo: string;
  root: string;
  source: string | null;
  target: string | null;
  headline: string;
  reports: TimelineReport[];
  /** The happening (event story) its reports belong to. */
  happening: number | string;
  /** Set when the comparison flags what this entry says as a contradiction: the finding, in words. */
  disputed?: string;
}

export interface Timeline {
  entries: TimelineEntry[];
  /** Events the articles give as background ('has carried out hundreds of strikes since 2011'). */
  background: TimelineEntry[];
}

function day(d: string | null): number | null {
  if (!d || !/^\d{4}-\d{2}-\d{2}/.test(d)) return null;
  return Date.parse(`${d.slice(0, 10)}T00:00:00Z`) / 86400000;
}

function pairKey(e: StoredEvent): string {
  const a = (e.source ?? '').slice(0, 3);
  const b = (e.target ?? '').slice(0, 3);
  // Reciprocal codings of one happening ('A and B signed') meet under one unordered pair.
  return `${e.root}|${[a, b].sort().join('-')}`;
}

/** Dates are compatible when both are unknown, or within a day of each other. */
function compatible(a: TimelineEntry, e: StoredEvent): boolean {
  const x = day(a.date);
  const y = day(e.date);
  if (x === null || y === null) return x === y || !e.dateResolved || a.uncertain;
  return Math.abs(x - y) <= 1;
}

/**
 * A coding slip more often than news: an actor acting on itself ('Israel yields to Israel'), or on
 * its own country with no sector to tell them apart ('ISRGOV' on 'ISR'). Two sectors of one
 * country ('SYRGOV' against 'SYRREB') are real domestic events.
 */
export function selfDirected(e: Pick<StoredEvent, 'source' | 'target'>): boolean {
  if (!e.source || !e.target) return false;
  if (e.source === e.target) return true;
  return e.source.slice(0, 3) === e.target.slice(0, 3) && (e.source.length === 3 || e.target.length === 3);
}

/**
 * Says nothing an analyst can use: neither actor could be coded, or nobody is named as doing it
 * (no code and no words for the source: 'Someone yields to Syria').
 */
export function actorless(e: Pick<StoredEvent, 'source' | 'target' | 'sourceText'>): boolean {
  return !e.source && (!e.target || !e.sourceText);
}

/** Which happening an article reports (its event story); reports merge only within one. */
export type HappeningOf = (articleId: number) => number | string;

export function buildTimeline(events: StoredEvent[], name: ActorNamer, happeningOf: HappeningOf = () => 0): Timeline {
  const entries: TimelineEntry[] = [];
  const background: TimelineEntry[] = [];
  const byKey = new Map<string, TimelineEntry[]>();
  // Undated events are placed by their range: before the publication day they were reported on.
  const when = (e: StoredEvent) => e.date ?? e.dateEnd ?? '\uffff';
  const usable = events.filter((e) => !selfDirected(e) && !actorless(e));
  for (const e of usable.sort((a, b) => when(a).localeCompare(when(b)) || a.id - b.id)) {
    const report: TimelineReport = { eventId: e.id, articleId: e.articleId, sentence: e.sentence, modality: e.modality };
    const list = e.modality === 'background' ? background : entries;
    const key = `${e.modality === 'background' ? 'bg' : 'ev'}|${happeningOf(e.articleId)}|${pairKey(e)}`;
    const same = (byKey.get(key) ?? []).find((x) => compatible(x, e));
    if (same) {
      if (!same.reports.some((r) => r.articleId === e.articleId && r.sentence === e.sentence)) same.reports.push(report);
      if (!same.date && e.date) [same.date, same.dateEnd, same.uncertain] = [e.date, e.dateEnd, !e.dateResolved];
      continue;
    }
    const entry: TimelineEntry = {
      date: e.date,
      dateEnd: e.dateEnd,
      uncertain: !e.dateResolved,
      cameo: e.cameo,
      root: e.root,
      source: e.source,
      target: e.target,
      headline: eventHeadline(e, name),
      reports: [report],
      happening: happeningOf(e.articleId),
    };
    list.push(entry);
    byKey.set(key, [...(byKey.get(key) ?? []), entry]);
  }
  const order = (a: TimelineEntry, b: TimelineEntry) =>
    (a.date ?? a.dateEnd ?? '\uffff').localeCompare(b.date ?? b.dateEnd ?? '\uffff') || Number(a.uncertain) - Number(b.uncertain) || b.reports.length - a.reports.length;
  return { entries: entries.sort(order), background: background.sort(order) };
}

/** A finding that the articles contradict themselves on: its doer and the sentences of each side. */
export interface DisputedFinding {
  actor: string;
  what: string;
  sides: { articleId: number; text: string }[];
}

/**
 * Marks the entries a contradiction rests on (the same doer, reported in one of the contradicting
 * sentences), so that a timeline does not also show a disputed finding as an undisputed one.
 */
export function markDisputed(timeline: Timeline, findings: readonly DisputedFinding[]): void {
  for (const f of findings) {
    const side = (r: TimelineReport) => f.sides.some((s) => s.articleId === r.articleId && !!r.sentence && s.text.includes(r.sentence));
    for (const e of [...timeline.entries, ...timeline.background]) if (e.source === f.actor && e.reports.some(side)) e.disputed = f.what;
  }
}
