// Gathers one story's view from the store: its articles, events, quotes and mentions become the
// timeline, actor network, outlet comparison and summary that reports show.
import type { SqliteStore } from '../store/sqlite/sqlite-store.js';
import { childStories, getStory } from '../store/sqlite/stories.js';
import { queryEvents } from '../store/sqlite/analysis.js';
import { buildTimeline } from './timeline.js';
import { buildNetwork } from '../export/graph.js';
import { compareArticles, countedNoun, type ComparedArticle, type CompareNumber } from './compare.js';
import { findLoadedTerms, quotedSpans } from './loaded-terms.js';
import { summarise, type SummarySentence } from './summary.js';
import { eventHeadline } from './headline.js';
import { actorNamer } from './actor-names.js';
import { splitSentences } from '../text/index.js';
import type { StoryArticleRef, StoryQuoteRef, StoryView } from './view.js';
import type { StoredArticle } from '../store/store.js';

type Row = Record<string, unknown>;

function fieldText(a: StoredArticle, field: string): string {
  return field === 'title' ? (a.title ?? '') : field === 'dek' ? (a.dek ?? '') : a.text;
}

/** The sentence of the text layer that holds a span (the text itself when none does). */
function sentenceAround(text: string, sentences: { start: number; end: number }[], start: number): string {
  const s = sentences.find((x) => x.start <= start && start < x.end);
  return (s ? text.slice(s.start, s.end) : text).trim();
}

export function buildStoryView(store: SqliteStore, storyId: number): StoryView | null {
  const db = store.db;
  const story = getStory(db, storyId);
  if (!story) return null;
  const namer = actorNamer(db);
  const children = story.level === 'topic' ? childStories(db, story.id) : [];
  const articles = story.articleIds.map((id) => store.getArticle(id)!).filter(Boolean);
  articles.sort((a, b) => (a.published?.value ?? a.inferredPublished?.value ?? '').localeCompare(b.published?.value ?? b.inferredPublished?.value ?? '') || a.id - b.id);
  const ids = articles.map((a) => a.id);
  const events = queryEvents(db, { articleIds: ids });

  const refs: StoryArticleRef[] = articles.map((a) => ({
    id: a.id,
    externalId: a.externalId,
    title: a.title,
    outlet: a.outlet,
    url: a.canonicalUrl ?? a.url,
    published: a.published?.value ?? null,
    inferred: a.inferredPublished ? { value: a.inferredPublished.value, evidence: a.inferredPublished.evidence } : null,
  }));

  const quoteRows = ids.length
    ? (db.prepare(`SELECT q.*, e.name AS speaker_name FROM quotes q LEFT JOIN entities e ON e.id = q.speaker_entity_id WHERE q.article_id IN (${ids.join(',')}) ORDER BY q.article_id, q.field, q.start`).all() as Row[])
    : [];
  const quotes: StoryQuoteRef[] = quoteRows.map((q) => ({
    articleId: q.article_id as number,
    speaker: (q.speaker_name as string | null) ?? (q.speaker_text as string | null) ?? null,
    text: q.text as string,
    cue: (q.cue as string | null) ?? null,
    via: (q.via as string | null) ?? null,
  }));

  const mentionRows = ids.length
    ? (db.prepare(`SELECT m.*, e.key AS entity_key, e.name AS entity_name FROM mentions m LEFT JOIN entities e ON e.id = m.entity_id WHERE m.article_id IN (${ids.join(',')})`).all() as Row[])
    : [];

  const compared: ComparedArticle[] = articles.map((a) => {
    const people = new Map<string, { name: string; forms: Set<string> }>();
    const numbers: CompareNumber[] = [];
    // Sentences of each field, split once per article.
    const split = new Map<string, { start: number; end: number }[]>();
    const sentencesOf = (field: string) => split.get(field) ?? split.set(field, splitSentences(fieldText(a, field))).get(field)!;
    for (const m of mentionRows) {
      if (m.article_id !== a.id) continue;
      if (m.type === 'PERSON' && m.entity_key) {
        const p = people.get(m.entity_key as string) ?? { name: m.entity_name as string, forms: new Set<string>() };
        p.forms.add(m.text as string);
        people.set(m.entity_key as string, p);
      } else if (m.type === 'CARDINAL' || m.type === 'MONEY' || m.type === 'PERCENT') {
        const text = fieldText(a, m.field as string);
        numbers.push({
          text: m.text as string,
          value: (m.value as number | null) ?? null,
          what: m.type === 'CARDINAL' ? countedNoun(text, m.end as number) : (m.type as string).toLowerCase(),
          sentence: sentenceAround(text, sentencesOf(m.field as string), m.start as number),
        });
      }
    }
    const loaded = (['title', 'dek', 'text'] as const).flatMap((field) => {
      const text = fieldText(a, field);
      if (!text) return [];
      const spans = [
        ...quotedSpans(text),
        ...quoteRows.filter((q) => q.article_id === a.id && q.field === field).map((q) => ({ start: q.start as number, end: q.end as number })),
      ];
      return findLoadedTerms(text, spans).map((l) => ({ ...l, field }));
    });
    return {
      articleId: a.id,
      label: a.externalId ?? `article ${a.id}`,
      outlet: a.outlet,
      events: events
        .filter((e) => e.articleId === a.id)
        .map((e) => ({ root: e.root, cameo: e.cameo, source: e.source, target: e.target, modality: e.modality, field: e.field, sentence: e.sentence, headline: eventHeadline(e, namer) })),
      quotes: quoteRows
        .filter((q) => q.article_id === a.id)
        .map((q) => ({ text: q.text as string, speaker: (q.speaker_name as string | null) ?? (q.speaker_text as string | null), speakerKey: (q.speaker_key as string | null) ?? null, field: q.field as string })),
      people,
      numbers,
      loaded,
    };
  });

  const sentences: SummarySentence[] = articles.flatMap((a) =>
    splitSentences(a.text).map((s, index) => ({ articleId: a.id, index, text: a.text.slice(s.start, s.end).trim() })),
  );

  return {
    id: story.id,
    key: story.key,
    level: story.level,
    headline: story.headline ?? `Story ${story.id}`,
    dateStart: story.dateStart,
    dateEnd: story.dateEnd,
    articles: refs,
    events: children.map((c) => ({ id: c.id, headline: c.headline ?? `Story ${c.id}`, dateStart: c.dateStart, dateEnd: c.dateEnd, articleIds: c.articleIds })),
    summary: summarise(sentences, 5),
    timeline: buildTimeline(events, namer),
    network: buildNetwork(events.filter((e) => e.modality !== 'negated').map((e) => ({ ...e, sourceLabel: namer(e.source, e.sourceText), targetLabel: namer(e.target, e.targetText) }))),
    comparison: compareArticles(compared),
    quotes,
  };
}
