// The API as the pages see it: typed JSON reads (the shapes of /openapi.json, as far as the pages use them).
// The network's shape is the server's own (src/views/graph.ts has no imports, so the browser build can read it).
import type { Network, NetworkEdge } from '../../src/views/graph.js';
export type { Network, NetworkEdge };

export interface Page<T> {
  items: T[];
  next: string | null;
}

export interface StoryEvent {
  id: number;
  headline: string;
  dateStart: string | null;
  dateEnd: string | null;
  articles: number;
}

export interface StoryListItem {
  id: number;
  headline: string;
  dateStart: string | null;
  dateEnd: string | null;
  articles: number;
  outlets: string[];
  events: StoryEvent[];
}

export interface ArticleRef {
  id: number;
  externalId: string | null;
  title: string | null;
  lead: string | null;
  outlet: string | null;
  url: string | null;
  published: string | null;
  inferred: { value: string; evidence: string } | null;
}

export interface TimelineEntry {
  date: string | null;
  dateEnd: string | null;
  uncertain: boolean;
  cameo: string;
  root: string;
  headline: string;
  reports: { eventId: number; articleId: number; sentence: string | null; modality: string }[];
  happening: number | string;
}


export interface FactRow {
  key: string;
  what: string;
  articles: number[];
}

export interface Comparison {
  articles: { articleId: number; label: string; outlet: string | null }[];
  shared: FactRow[];
  only: Record<string, FactRow[]>;
  conflicts: {
    numbers: { what: string; values: { text: string; articleId: number }[] }[];
    nameVariants: { entity: string; forms: { form: string; articles: number[] }[] }[];
    quoteVariants: { speaker: string | null; wordings: { text: string; articleId: number }[] }[];
    contradictions: { what: string; sides: { text: string; field: string; articleId: number }[] }[];
  };
  loadedTerms: Record<string, { own: string[]; quoted: string[] }>;
}

export interface StoryView {
  id: number;
  level: 'topic' | 'event';
  parentId: number | null;
  headline: string;
  dateStart: string | null;
  dateEnd: string | null;
  articles: ArticleRef[];
  events: { id: number; headline: string; dateStart: string | null; dateEnd: string | null; articleIds: number[] }[];
  summary: { text: string; articleId: number; alsoIn: number[] }[];
  timeline: { entries: TimelineEntry[]; background: TimelineEntry[] };
  network: Network;
  comparison: Comparison;
  eventComparisons: { id: number; headline: string; articleIds: number[]; comparison: Comparison }[];
  quotes: { articleId: number; speaker: string | null; text: string; cue: string | null; via: string | null }[];
}

interface Span {
  field: string;
  start: number;
  end: number;
}

export interface Article {
  id: number;
  externalId: string | null;
  title: string | null;
  dek: string | null;
  authors: string[];
  outlet: string | null;
  url: string | null;
  canonicalUrl: string | null;
  published: string | null;
  inferredPublished: { value: string; evidence: string } | null;
  dateline: string | null;
  text: string;
  mentions: (Span & { type: string; text: string; entityId: number | null; entity: string | null; role: string | null })[];
  times: (Span & { text: string | null; type: string; value: string; resolved: boolean })[];
  quotes: (Span & { text: string; speaker: string | null; speakerEntityId: number | null })[];
  events: Record<string, unknown>[];
}

export interface Entity {
  id: number;
  name: string;
  type: string;
  country: string | null;
  sector: string | null;
  aliases: { alias: string; count: number }[];
  roles: { role: string; articleId: number; date: string | null }[];
  mentions: number;
  mentionsInContext?: { articleId: number; text: string; context: string; role: string | null }[];
  events?: { order: number; date: string | null; event: string; mentions: { articleId: number; word: string; date: string | null }[] }[];
}

export interface StoredEvent {
  id: number;
  articleId: number;
  date: string | null;
  dateResolved: boolean;
  source: string | null;
  sourceText: string | null;
  target: string | null;
  targetText: string | null;
  cameo: string;
  quad: number | null;
  goldstein: number | null;
  modality: string;
  sentence: string | null;
}

export interface Job {
  id: string;
  state: 'queued' | 'running' | 'done' | 'failed';
  phase: string;
  done: number;
  total: number;
  stored: number;
  duplicates: number;
  failed: number;
  errors: { item: string; message: string }[];
  articleIds: number[];
  error: string | null;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export async function getJson<T>(path: string, params: Record<string, string | number | undefined> = {}, init?: RequestInit): Promise<T> {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  const url = q.size ? `${path}?${q}` : path;
  const res = await fetch(url, { credentials: 'same-origin', ...init });
  const body = (await res.json().catch(() => null)) as { error?: string } | null;
  if (!res.ok) throw new ApiError(res.status, body?.error ?? `HTTP ${res.status}`);
  return body as T;
}

/** Query string of the non-empty values, for links that carry a filter (downloads). */
export function query(params: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  return q.toString();
}
