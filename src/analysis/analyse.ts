// One article through the language and event layers: sentences, entity mentions (resolved within
// the article), numbers, time expressions anchored to the publication date, quotes with speakers,
// and coded events. Title and dek are analysed as fields of their own, with their own offsets.
import type { ArticleDoc, DocEvent, DocMention, DocQuote, DocTime, Field, Span } from './types.js';
import type { LocalEntity, PlaceLookup } from '../entities/types.js';
import { resolveMentions, type TaggedSpan } from '../entities/resolve.js';
import { findNumbers } from '../entities/numeric.js';

export interface TimeAnchor {
  date: string;
  timezone?: string | null;
}

/** The layer implementations the pipeline composes (each is a plain function). */
export interface Analysers {
  sentences(text: string): Span[];
  entities(text: string): TaggedSpan[];
  places: PlaceLookup;
  times(text: string, anchor: TimeAnchor | null): Omit<DocTime, 'field'>[];
  quotes(text: string, mentions: DocMention[]): Omit<DocQuote, 'field'>[];
  events(text: string, published: string | null, mentions: DocMention[], entities: LocalEntity[], times: Omit<DocTime, 'field'>[]): Omit<DocEvent, 'field'>[];
}

export interface AnalysableArticle {
  id: number;
  title: string | null;
  dek: string | null;
  text: string;
  published: { value: string; timezone: string | null } | null;
}

export interface AnalysisResult {
  doc: ArticleDoc;
  /** Entities as this article sees them, for the cross-article registry. */
  entities: LocalEntity[];
}

export function analyseArticle(a: AnalysableArticle, an: Analysers): AnalysisResult {
  const doc: ArticleDoc = { articleId: a.id, sentences: [], mentions: [], numbers: [], times: [], quotes: [], events: [] };
  const entities = new Map<string, LocalEntity>();
  const anchor = a.published ? { date: a.published.value, timezone: a.published.timezone } : null;
  const fields: [Field, string | null][] = [
    ['title', a.title],
    ['dek', a.dek],
    ['text', a.text],
  ];
  for (const [field, text] of fields) {
    if (!text) continue;
    for (const s of an.sentences(text)) doc.sentences.push({ ...s, field });
    const resolved = resolveMentions(text, an.entities(text), an.places);
    const mentions: DocMention[] = resolved.mentions.map((m) => ({ ...m, field }));
    doc.mentions.push(...mentions);
    for (const e of resolved.entities) mergeLocal(entities, e);
    doc.numbers.push(...findNumbers(text).map((n) => ({ ...n, field })));
    const times = an.times(text, anchor);
    doc.times.push(...times.map((t) => ({ ...t, field })));
    doc.quotes.push(...an.quotes(text, mentions).map((q) => ({ ...q, field })));
    doc.events.push(...an.events(text, a.published?.value ?? null, mentions, resolved.entities, times).map((e) => ({ ...e, field })));
  }
  return { doc, entities: [...entities.values()] };
}

/** The same entity seen in title, dek and body is one local entity. */
function mergeLocal(into: Map<string, LocalEntity>, e: LocalEntity): void {
  const have = into.get(e.key);
  if (!have) {
    into.set(e.key, { ...e, aliases: new Map(e.aliases), roles: new Set(e.roles) });
    return;
  }
  for (const [k, n] of e.aliases) have.aliases.set(k, (have.aliases.get(k) ?? 0) + n);
  for (const r of e.roles) have.roles.add(r);
  have.country ??= e.country;
  have.sector ??= e.sector;
}
