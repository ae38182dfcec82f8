// One article through the language and event layers. Each stage is a component that reads the
// document and adds its own layer, declaring what it needs and what it adds (as spaCy's pipeline
// components declare `requires` and `assigns`); the analyser checks the order once, when it is
// built, so a stage never runs before the layer it reads exists. Title and dek are analysed as
// fields of their own, with their own offsets.
import type { Doc, Field, Layer, Sentence } from '../doc/layers.js';
import type { LocalEntity } from '../entities/types.js';

export interface TimeAnchor {
  date: string;
  timezone?: string | null;
}

export interface AnalysableArticle {
  id: number;
  title: string | null;
  dek: string | null;
  text: string;
  published: { value: string; timezone: string | null } | null;
}

/** One field of the article as a component sees it, with the sentences already made for it. */
export interface FieldText {
  field: Field;
  text: string;
  sentences: Sentence[];
}

/** What the components of one article's analysis share: the document, and its local entities. */
export interface AnalysisState {
  article: AnalysableArticle;
  anchor: TimeAnchor | null;
  doc: Doc;
  /** Entities as this article sees them (by local key), for the cross-article registry. */
  entities: Map<string, LocalEntity>;
}

export interface Component {
  name: string;
  /** Layers that must exist before it runs. */
  requires: readonly Layer[];
  /** Layers it adds. */
  assigns: readonly Layer[];
  /** Adds its layer for one field of the article (fields in order: title, dek, text). */
  run(field: FieldText, state: AnalysisState): void;
}

export interface AnalysisResult {
  doc: Doc;
  /** Entities as this article sees them, for the cross-article registry. */
  entities: LocalEntity[];
}

export interface Analyzer {
  /** The components in the order they run. */
  readonly components: readonly Component[];
  analyse(article: AnalysableArticle): AnalysisResult;
}

/** Throws when a component requires a layer that no component before it assigns. */
export function checkOrder(components: readonly Component[]): void {
  const have = new Set<Layer>();
  for (const c of components) {
    const missing = c.requires.filter((l) => !have.has(l));
    if (missing.length) throw new Error(`analysis component '${c.name}' requires ${missing.join(', ')}, which no earlier component assigns`);
    for (const l of c.assigns) have.add(l);
  }
}

export function createAnalyzer(components: readonly Component[]): Analyzer {
  checkOrder(components);
  return { components, analyse: (article) => analyseArticle(article, components) };
}

export function emptyDoc(articleId: number): Doc {
  return { articleId, sentences: [], mentions: [], numbers: [], times: [], quotes: [], events: [] };
}

export function analyseArticle(article: AnalysableArticle, components: readonly Component[]): AnalysisResult {
  const state: AnalysisState = {
    article,
    anchor: article.published ? { date: article.published.value, timezone: article.published.timezone } : null,
    doc: emptyDoc(article.id),
    entities: new Map(),
  };
  const fields: [Field, string | null][] = [
    ['title', article.title],
    ['dek', article.dek],
    ['text', article.text],
  ];
  for (const [field, text] of fields) {
    if (!text) continue;
    const sentencesBefore = state.doc.sentences.length;
    const input: FieldText = { field, text, sentences: [] };
    for (const c of components) {
      c.run(input, state);
      // The sentences component adds this field's sentences; later components read them here.
      if (input.sentences.length === 0 && state.doc.sentences.length > sentencesBefore) input.sentences = state.doc.sentences.slice(sentencesBefore);
    }
  }
  return { doc: state.doc, entities: [...state.entities.values()] };
}

/** The same entity seen in title, dek and body is one local entity. */
export function mergeLocalEntity(into: Map<string, LocalEntity>, e: LocalEntity): void {
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
