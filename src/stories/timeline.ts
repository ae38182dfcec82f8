// A story's timeline: the events of all its articles, one entry per real happening (reports of
// the same action between the same actors on a compatible date merge, keeping every source),
// ordered by date; undated entries are placed by their range, background is kept apart.
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

export function buildTimeline(events: StoredEvent[], name: ActorNamer): Timeline {
  const entries: TimelineEntry[] = [];
  const background: TimelineEntry[] = [];
  const byKey = new Map<string, TimelineEntry[]>();
  // Undated events are placed by their range: before the publication day they were reported on.
  const when = (e: StoredEvent) => e.date ?? e.dateEnd ?? '\uffff';
  // An actor acting on itself is a coding slip more often than news ('Israel yields to Israel').
  const usable = events.filter((e) => !e.source || e.source !== e.target);
  for (const e of usable.sort((a, b) => when(a).localeCompare(when(b)) || a.id - b.id)) {
    const report: TimelineReport = { eventId: e.id, articleId: e.articleId, sentence: e.sentence, modality: e.modality };
    const list = e.modality === 'background' ? background : entries;
    const key = `${e.modality === 'background' ? 'bg' : 'ev'}|${pairKey(e)}`;
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
    };
    list.push(entry);
    byKey.set(key, [...(byKey.get(key) ?? []), entry]);
  }
  const order = (a: TimelineEntry, b: TimelineEntry) =>
    (a.date ?? a.dateEnd ?? '\uffff').localeCompare(b.date ?? b.dateEnd ?? '\uffff') || Number(a.uncertain) - Number(b.uncertain) || b.reports.length - a.reports.length;
  return { entries: entries.sort(order), background: background.sort(order) };
}
