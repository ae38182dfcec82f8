// Event exports: CSV of our own columns, and a tab-separated file in the column layout of the
// GDELT 2.0 event table (61 columns; those we cannot fill stay empty), so that tools written for
// GDELT read Dossier's events.
import type { Store, StoredEvent } from '../store/store.js';

export interface EventExportContext {
  /** URL of an article, for SOURCEURL. */
  articleUrl(articleId: number): string | null;
  /** Name of an entity, for the actor name columns. */
  entityName(entityId: number | null): string | null;
}

/** The URLs and actor names these events' export reads, fetched from the store once each beforehand. */
export async function exportContext(store: Pick<Store, 'articleUrl' | 'entityName'>, events: readonly StoredEvent[]): Promise<EventExportContext> {
  const urls = new Map<number, string | null>();
  const names = new Map<number, string | null>();
  for (const e of events) {
    if (!urls.has(e.articleId)) urls.set(e.articleId, await store.articleUrl(e.articleId));
    for (const id of [e.sourceEntityId, e.targetEntityId]) if (id !== null && !names.has(id)) names.set(id, await store.entityName(id));
  }
  return { articleUrl: (id) => urls.get(id) ?? null, entityName: (id) => (id === null ? null : (names.get(id) ?? null)) };
}

export const GDELT_COLUMNS = [
  'GLOBALEVENTID', 'SQLDATE', 'MonthYear', 'Year', 'FractionDate',
  'Actor1Code', 'Actor1Name', 'Actor1CountryCode', 'Actor1KnownGroupCode', 'Actor1EthnicCode', 'Actor1Religion1Code', 'Actor1Religion2Code', 'Actor1Type1Code', 'Actor1Type2Code', 'Actor1Type3Code',
  'Actor2Code', 'Actor2Name', 'Actor2CountryCode', 'Actor2KnownGroupCode', 'Actor2EthnicCode', 'Actor2Religion1Code', 'Actor2Religion2Code', 'Actor2Type1Code', 'Actor2Type2Code', 'Actor2Type3Code',
  'IsRootEvent', 'EventCode', 'EventBaseCode', 'EventRootCode', 'QuadClass', 'GoldsteinScale', 'NumMentions', 'NumSources', 'NumArticles', 'AvgTone',
  'Actor1Geo_Type', 'Actor1Geo_FullName', 'Actor1Geo_CountryCode', 'Actor1Geo_ADM1Code', 'Actor1Geo_ADM2Code', 'Actor1Geo_Lat', 'Actor1Geo_Long', 'Actor1Geo_FeatureID',
  'Actor2Geo_Type', 'Actor2Geo_FullName', 'Actor2Geo_CountryCode', 'Actor2Geo_ADM1Code', 'Actor2Geo_ADM2Code', 'Actor2Geo_Lat', 'Actor2Geo_Long', 'Actor2Geo_FeatureID',
  'ActionGeo_Type', 'ActionGeo_FullName', 'ActionGeo_CountryCode', 'ActionGeo_ADM1Code', 'ActionGeo_ADM2Code', 'ActionGeo_Lat', 'ActionGeo_Long', 'ActionGeo_FeatureID',
  'DATEADDED', 'SOURCEURL',
] as const;

export const CSV_COLUMNS = [
  'id', 'article_id', 'date', 'date_end', 'date_resolved', 'source', 'source_text', 'target', 'target_text', 'cameo', 'root', 'plover',
  'quad', 'goldstein', 'modality', 'location', 'confidence', 'trigger', 'sentence',
] as const;

function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  // Text a spreadsheet would run as a formula is shown as text (the usual leading apostrophe).
  const s = typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function eventsToCsv(events: StoredEvent[]): string {
  const rows = events.map((e) =>
    [e.id, e.articleId, e.date, e.dateEnd, e.dateResolved ? 1 : 0, e.source, e.sourceText, e.target, e.targetText, e.cameo, e.root, e.plover,
      e.quad, e.goldstein, e.modality, e.location, e.confidence, e.trigger, e.sentence].map(csvCell).join(','),
  );
  return [CSV_COLUMNS.join(','), ...rows].join('\n') + '\n';
}

/** Splits an actor code like 'IRNMIL' into country ('IRN') and type ('MIL'). */
function actorParts(code: string | null): { country: string; type: string } {
  if (!code) return { country: '', type: '' };
  return { country: code.slice(0, 3), type: code.slice(3, 6) };
}

function tsvCell(v: unknown): string {
  return v === null || v === undefined ? '' : String(v).replace(/[\t\r\n]+/g, ' ');
}

/** One GDELT 2.0 row per event; dates as YYYYMMDD, unresolved dates left empty. */
export function eventsToGdelt(events: StoredEvent[], ctx: EventExportContext, added = new Date()): string {
  const dateAdded = added.toISOString().replace(/[-:T]/g, '').slice(0, 14);
  const lines = events.map((e) => {
    const day = e.date && /^\d{4}-\d{2}-\d{2}/.test(e.date) ? e.date.slice(0, 10) : null;
    const y = day ? Number(day.slice(0, 4)) : null;
    const doy = day ? (Date.UTC(y!, Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) - Date.UTC(y!, 0, 1)) / 86400000 : null;
    const a1 = actorParts(e.source);
    const a2 = actorParts(e.target);
    const row: Record<(typeof GDELT_COLUMNS)[number], unknown> = Object.fromEntries(GDELT_COLUMNS.map((c) => [c, ''])) as Record<(typeof GDELT_COLUMNS)[number], unknown>;
    Object.assign(row, {
      GLOBALEVENTID: e.id,
      SQLDATE: day ? day.replace(/-/g, '') : '',
      MonthYear: day ? day.slice(0, 7).replace('-', '') : '',
      Year: y ?? '',
      FractionDate: y !== null && doy !== null ? (y + doy / 365).toFixed(4) : '',
      Actor1Code: e.source ?? '',
      Actor1Name: ctx.entityName(e.sourceEntityId) ?? e.sourceText ?? '',
      Actor1CountryCode: a1.country,
      Actor1Type1Code: a1.type,
      Actor2Code: e.target ?? '',
      Actor2Name: ctx.entityName(e.targetEntityId) ?? e.targetText ?? '',
      Actor2CountryCode: a2.country,
      Actor2Type1Code: a2.type,
      IsRootEvent: e.field === 'text' && e.start < 600 ? 1 : 0,
      EventCode: e.cameo,
      EventBaseCode: e.cameo.slice(0, 3),
      EventRootCode: e.root,
      QuadClass: e.quad ?? '',
      GoldsteinScale: e.goldstein ?? '',
      NumMentions: 1,
      NumSources: 1,
      NumArticles: 1,
      ActionGeo_FullName: e.location ?? '',
      DATEADDED: dateAdded,
      SOURCEURL: ctx.articleUrl(e.articleId) ?? '',
    });
    return GDELT_COLUMNS.map((c) => tsvCell(row[c])).join('\t');
  });
  return lines.length ? `${lines.join('\n')}\n` : '';
}
