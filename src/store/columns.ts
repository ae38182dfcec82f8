// Column maps: for each record of the document that the store keeps, which column holds each
// field and what kind of value it is. From one map come the record's columns, its insert and its
// row reader, so a field added to the document is added here once and nowhere else. Nothing here
// depends on one database; src/store/sqlite/ turns the maps into SQL.
import type { Event, Mention, NumberMention, Quote, TimeRef } from '../doc/layers.js';

export type ColumnKind = 'text' | 'int' | 'real' | 'bool' | 'json';

export interface Column {
  name: string;
  kind: ColumnKind;
}

/** Every field of a record, each with its column. */
export type ColumnMap<T> = { readonly [K in keyof T]-?: Column };

const text = (name: string): Column => ({ name, kind: 'text' });
const int = (name: string): Column => ({ name, kind: 'int' });
const real = (name: string): Column => ({ name, kind: 'real' });
const bool = (name: string): Column => ({ name, kind: 'bool' });
const json = (name: string): Column => ({ name, kind: 'json' });

const SPAN = { field: text('field'), start: int('start'), end: int('end') } as const;

export const MENTION_COLUMNS: ColumnMap<Omit<Mention, 'entityKey'>> = {
  ...SPAN,
  type: text('type'),
  text: text('text'),
  role: text('role'),
  metonymy: bool('metonymy'),
  rule: text('rule'),
};

/** Numbers share the mentions table; their `value` column is null for names. */
export const NUMBER_COLUMNS: ColumnMap<NumberMention> = { ...SPAN, type: text('type'), text: text('text'), value: real('value') };

export const TIME_COLUMNS: ColumnMap<TimeRef> = {
  ...SPAN,
  text: text('text'),
  type: text('type'),
  value: text('value'),
  granularity: text('granularity'),
  anchor: text('anchor'),
  resolved: bool('resolved'),
  rule: text('rule'),
};

export const QUOTE_COLUMNS: ColumnMap<Quote> = {
  ...SPAN,
  text: text('text'),
  partial: bool('partial'),
  speakerText: text('speaker_text'),
  speakerKey: text('speaker_key'),
  cue: text('cue'),
  cueType: text('cue_type'),
  via: text('via'),
};

export const EVENT_COLUMNS: ColumnMap<Event> = {
  ...SPAN,
  sentence: text('sentence'),
  cameo: text('cameo'),
  root: text('root'),
  plover: text('plover'),
  quad: int('quad'),
  goldstein: real('goldstein'),
  source: text('source_code'),
  sourceText: text('source_text'),
  sourceKey: text('source_key'),
  target: text('target_code'),
  targetText: text('target_text'),
  targetKey: text('target_key'),
  date: text('date'),
  dateEnd: text('date_end'),
  dateResolved: bool('date_resolved'),
  location: text('location'),
  modality: text('modality'),
  confidence: real('confidence'),
  trigger: text('trigger'),
  reciprocal: bool('reciprocal'),
  planned: text('planned'),
  confirmed: json('confirmed'),
};

/** The map's columns, in its field order. */
export function columnNames<T>(map: ColumnMap<T>): string[] {
  return Object.values<Column>(map).map((c) => c.name);
}

/** A record's values in the map's column order, as a database takes them (booleans as 0/1, JSON as text). */
export function recordValues<T>(map: ColumnMap<T>, record: T): unknown[] {
  return (Object.entries(map) as [keyof T & string, Column][]).map(([field, c]) => toColumn(c.kind, record[field]));
}

/** A record read back from a row holding the map's columns. */
export function recordFromRow<T>(map: ColumnMap<T>, row: Record<string, unknown>): T {
  const out: Record<string, unknown> = {};
  for (const [field, c] of Object.entries<Column>(map)) out[field] = fromColumn(c.kind, row[c.name]);
  return out as T;
}

function toColumn(kind: ColumnKind, v: unknown): unknown {
  if (v === undefined || v === null) return kind === 'bool' ? 0 : null;
  if (kind === 'bool') return v ? 1 : 0;
  if (kind === 'json') return JSON.stringify(v);
  return v;
}

function fromColumn(kind: ColumnKind, v: unknown): unknown {
  if (v === undefined || v === null) return kind === 'bool' ? false : null;
  switch (kind) {
    case 'bool':
      return v === 1 || v === true;
    case 'json':
      return typeof v === 'string' ? JSON.parse(v) : v;
    default:
      return v;
  }
}
