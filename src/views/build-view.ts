// Gathers one story's view from the store: its articles, events, quotes and mentions become the
// timeline, actor network, outlet comparison and summary that reports show.
import { actorless, buildTimeline, markDisputed, selfDirected } from '../stories/timeline.js';
import { buildNetwork } from './graph.js';
import { compareArticles, countedNoun, type ComparedArticle, type CompareNumber } from '../stories/compare.js';
import { findLoadedTerms, quotedSpans } from '../stories/loaded-terms.js';
import { summarise, type SummarySentence } from '../stories/summary.js';
import { eventHeadline } from '../stories/headline.js';
import { actorNamer } from '../stories/actor-names.js';
import { openingWords, splitSentences } from '../text/index.js';
import type { StoryArticleRef, StoryQuoteRef, StoryView } from './view.js';
import type { ArticleLayers, StoredArticle, StoredMention, StoredQuote, Store } from '../store/store.js';

function fieldText(a: StoredArticle, field: string): string {
  return field === 'title' ? (a.title ?? '') : field === 'dek' ? (a.dek ?? '') : a.text;
}

/** The sentence of the text layer that holds a span (the text itself when none does). */
function sentenceAround(text: string, sentences: { start: number; end: number }[], start: number): string {
  const s = sentences.find((x) => x.start <= start && start < x.end);
  return (s ? text.slice(s.start, s.end) : text).trim();
}

export async function buildStoryView(store: Store, storyId: number): Promise<StoryView | null> {
  const story = await store.getStory(storyId);
  if (!story) return null;
  const children = story.level === 'topic' ? await store.childStories(story.id) : [];
  const happening = new Map(children.flatMap((c) => c.articleIds.map((id) => [id, c.id] as const)));
  const articles: StoredArticle[] = [];
  for (const id of story.articleIds) {
    const a = await store.getArticle(id);
    if (a) articles.push(a);
  }
  articles.sort((a, b) => (a.published?.value ?? a.inferredPublished?.value ?? '').localeCompare(b.published?.value ?? b.inferredPublished?.value ?? '') || a.id - b.id);
  const ids = articles.map((a) => a.id);
  const layers = new Map<number, ArticleLayers>();
  for (const id of ids) layers.set(id, await store.articleLayers(id));
  // The story's events from the layers already read, in the store's event order (dated first, by date).
  const events = [...layers.values()]
    .flatMap((l) => l.events)
    .sort((a, b) => Number(a.date === null) - Number(b.date === null) || (a.date ?? '').localeCompare(b.date ?? '') || a.articleId - b.articleId || a.start - b.start || a.id - b.id);
  // Codings that name no actor, or an actor acting on itself, are left out of what the view compares and links.
  const telling = events.filter((e) => !actorless(e) && !selfDirected(e));
  const namer = await actorNamer(store, events);
  const quotesOf = (id: number): StoredQuote[] => layers.get(id)?.quotes ?? [];
  const mentionsOf = (id: number): StoredMention[] => layers.get(id)?.mentions ?? [];

  const refs: StoryArticleRef[] = articles.map((a) => ({
    id: a.id,
    externalId: a.externalId,
    title: a.title,
    lead: a.title ? null : openingWords(a.text),
    outlet: a.outlet,
    url: a.canonicalUrl ?? a.url,
    published: a.published?.value ?? null,
    inferred: a.inferredPublished ? { value: a.inferredPublished.value, evidence: a.inferredPublished.evidence } : null,
  }));

  const quotes: StoryQuoteRef[] = [...ids]
    .sort((a, b) => a - b)
    .flatMap((id) => quotesOf(id).map((q) => ({ articleId: id, speaker: q.speaker, text: q.text, cue: q.cue, via: q.via })));

  const compared: ComparedArticle[] = articles.map((a) => {
    const people = new Map<string, { name: string; forms: Set<string> }>();
    const numbers: CompareNumber[] = [];
    // Sentences of each field, split once per article.
    const split = new Map<string, { start: number; end: number }[]>();
    const sentencesOf = (field: string) => split.get(field) ?? split.set(field, splitSentences(fieldText(a, field))).get(field)!;
    for (const m of mentionsOf(a.id)) {
      if (m.type === 'PERSON' && m.entityKey) {
        const p = people.get(m.entityKey) ?? { name: m.entity ?? m.text, forms: new Set<string>() };
        p.forms.add(m.text);
        people.set(m.entityKey, p);
      } else if (m.type === 'CARDINAL' || m.type === 'MONEY' || m.type === 'PERCENT') {
        const text = fieldText(a, m.field);
        const counted = m.type === 'CARDINAL' ? countedNoun(text, m.end) : { noun: m.type.toLowerCase(), lemma: m.type.toLowerCase() };
        numbers.push({
          text: m.text,
          value: m.value,
          what: counted?.lemma ?? null,
          noun: counted?.noun ?? null,
          sentence: sentenceAround(text, sentencesOf(m.field), m.start),
        });
      }
    }
    const loaded = (['title', 'dek', 'text'] as const).flatMap((field) => {
      const text = fieldText(a, field);
      if (!text) return [];
      const spans = [
        ...quotedSpans(text),
        ...quotesOf(a.id).filter((q) => q.field === field).map((q) => ({ start: q.start, end: q.end })),
      ];
      return findLoadedTerms(text, spans).map((l) => ({ ...l, field }));
    });
    return {
      articleId: a.id,
      label: a.externalId ?? `article ${a.id}`,
      outlet: a.outlet,
      events: telling
        .filter((e) => e.articleId === a.id)
        .map((e) => ({
          root: e.root,
          cameo: e.cameo,
          source: e.source,
          target: e.target,
          modality: e.modality,
          field: e.field,
          sentence: e.sentence,
          headline: eventHeadline(e, namer),
          sourceName: namer(e.source, e.sourceText),
          targetName: namer(e.target, e.targetText),
        })),
      quotes: quotesOf(a.id).map((q) => ({ text: q.text, speaker: q.speaker, speakerKey: q.speakerKey, field: q.field })),
      people,
      numbers,
      loaded,
    };
  });

  // Happenings ranked in the order the view lists them, for a summary that covers each in turn.
  const happeningRank = new Map(children.map((c, rank) => [c.id, rank] as const));
  const sentences: SummarySentence[] = articles.flatMap((a) => {
    const h = happening.get(a.id);
    const group = h === undefined ? undefined : happeningRank.get(h);
    return splitSentences(a.text).map((s, index) => ({ articleId: a.id, index, text: a.text.slice(s.start, s.end).trim(), group }));
  });

  const timeline = buildTimeline(events, namer, (articleId) => happening.get(articleId) ?? story.id);
  const comparison = compareArticles(compared);
  markDisputed(timeline, comparison.conflicts.contradictions);
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
    timeline,
    network: buildNetwork(telling.filter((e) => e.modality !== 'negated').map((e) => ({ ...e, sourceLabel: namer(e.source, e.sourceText), targetLabel: namer(e.target, e.targetText) }))),
    comparison,
    eventComparisons: children
      .filter((c) => c.articleIds.length > 1)
      .map((c) => ({
        id: c.id,
        headline: c.headline ?? `Story ${c.id}`,
        articleIds: c.articleIds,
        comparison: compareArticles(compared.filter((a) => c.articleIds.includes(a.articleId))),
      })),
    quotes,
  };
}
