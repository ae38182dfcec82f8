// Stories over the store: new articles go through the online clusterer (its state is kept in the
// store, so each run continues the last), the story tables follow the clusters, and each event
// story refreshes what it derives: inferred dates for undated articles, a headline, a date range.
import type { ClusterSnapshot, Store } from '../store/store.js';
import { StoryClusterer, type StoryClustererJSON } from '../stories/cluster/clusterer.js';
import type { StateSource } from '../stories/cluster/state-parts.js';
import { inferDates, type InferenceArticle } from '../stories/date-inference.js';
import { buildTimeline, type TimelineEntry } from '../stories/timeline.js';
import { actorNamer } from '../stories/actor-names.js';
import type { ClusterDoc } from '../stories/cluster/types.js';
import { storyHeadline, type ActorNamer } from '../stories/headline.js';
import type { StoredEvent } from '../store/records.js';
import { openingWords } from '../text/index.js';
import { quiet, type PipelineListener } from './events.js';

const STATE_KEY = 'clusterer';

/**
 * The clusterer as the last run left it: from its state parts, else from a state saved whole as
 * JSON by earlier versions (the next save writes it in parts and drops the JSON), else a new one.
 */
export async function loadClusterer(store: Store, articles?: number, onEvent: PipelineListener = quiet): Promise<StoryClusterer> {
  try {
    if ((await store.countStateParts(STATE_KEY, 'meta')) > 0) return StoryClusterer.open(await storeSource(store, STATE_KEY), { articles });
    const saved = await store.getState(STATE_KEY);
    return saved ? StoryClusterer.fromJSON(JSON.parse(saved) as StoryClustererJSON) : new StoryClusterer();
  } catch (e) {
    // State from another version of the clusterer: cluster every article again from the start.
    onEvent({ kind: 'note', stage: 'stories', message: `re-clustering all articles (${e instanceof Error ? e.message : String(e)})` });
    return new StoryClusterer();
  }
}

/** The clusterer's saved parts as it reads them: by prefix at load, by key as it goes (the store stays open meanwhile). */
function storeSource(store: Store, scope: string): Promise<StateSource> {
  return store.statePartReader(scope);
}

/** Writes the parts of the clusterer's state that changed since it was loaded (all of them for a new or converted one). */
export async function saveClusterer(store: Store, clusterer: StoryClusterer): Promise<void> {
  const changes = clusterer.takeStateChanges();
  await store.putStateParts(STATE_KEY, changes.parts, { removed: changes.removed, replace: changes.complete });
  if (changes.complete) await store.deleteState(STATE_KEY);
}

/**
 * Clusters the articles the clusterer has not seen and refreshes the stories they, or the
 * re-analysed articles given, belong to; returns how many were added.
 */
export async function updateStories(store: Store, reanalysed: number[] = [], onEvent: PipelineListener = quiet): Promise<number> {
  return (await placeNewArticles(store, reanalysed, onEvent)).placed.length;
}

/** What a story update did: the articles it placed, and whether it re-clustered the whole store. */
export interface StoryUpdate {
  placed: number[];
  afresh: boolean;
}

/** `updateStories`, telling which articles were placed (reports of the topics holding them change). */
export async function placeNewArticles(store: Store, reanalysed: number[] = [], onEvent: PipelineListener = quiet): Promise<StoryUpdate> {
  const unclustered = await store.unclusteredArticleIdsByDate();
  const clusterer = await loadClusterer(store, unclustered.length, onEvent);
  // A clusterer starting afresh (no state, or state from another version) places every article
  // and syncs every cluster, which also drops the stories of the old state. Otherwise only the
  // articles no story holds are new, and only the clusters their placing changed are rewritten:
  // a run costs what it adds, not the size of the store.
  const afresh = clusterer.size === 0;
  const pending = afresh ? await store.articleIdsByDate() : unclustered;
  const changed = new Set<string>();
  for (const id of pending) {
    const placed = clusterer.add(await clusterDocOf(store, id));
    for (const c of placed.changed) changed.add(c);
  }
  await store.transaction(async (tx) => {
    if (afresh) await tx.syncStories(clusterSnapshot(clusterer.topics()));
    else {
      const now = clusterer.clustersNamed(changed);
      await tx.syncStories(changedSnapshot(now), { removed: now.gone });
    }
    await saveClusterer(tx, clusterer);
    await refreshDerived(tx, new Set([...pending, ...reanalysed]));
  });
  return { placed: pending, afresh };
}

/** What the clusterer reads of a stored article: its text with the dek, title, date, entity keys and resolved days. */
export async function clusterDocOf(store: Store, id: number): Promise<ClusterDoc> {
  const a = (await store.getArticle(id))!;
  return {
    id: String(id),
    text: [a.dek, a.text].filter(Boolean).join('\n\n'),
    title: a.title,
    published: a.published?.value ?? null,
    entities: await store.articleEntityKeys(id),
    dates: await resolvedDays(store, id),
  };
}

/** Store rows for the clusters `clustersNamed` returned (topics and events apart). */
function changedSnapshot(c: ReturnType<StoryClusterer['clustersNamed']>): ClusterSnapshot[] {
  return [
    ...c.topics.map((t): ClusterSnapshot => ({ key: t.id, level: 'topic', parentKey: null, articleIds: t.docIds.map(Number), headline: null, dateStart: null, dateEnd: null })),
    ...c.events.map((e): ClusterSnapshot => ({ key: e.id, level: 'event', parentKey: e.topicId, articleIds: e.docIds.map(Number), headline: null, dateStart: e.first, dateEnd: e.last })),
  ];
}

/** The clusters as the store keeps them: each topic, then its events. */
export function clusterSnapshot(topics: ReturnType<StoryClusterer['topics']>): ClusterSnapshot[] {
  const snapshot: ClusterSnapshot[] = [];
  for (const t of topics) {
    snapshot.push({ key: t.id, level: 'topic', parentKey: null, articleIds: t.docIds.map(Number), headline: null, dateStart: null, dateEnd: null });
    for (const e of t.events) snapshot.push({ key: e.id, level: 'event', parentKey: t.id, articleIds: e.docIds.map(Number), headline: null, dateStart: e.first, dateEnd: e.last });
  }
  return snapshot;
}

/** The calendar days the time layer resolved in an article's text (not those a story inferred). */
async function resolvedDays(store: Store, id: number): Promise<string[]> {
  return (await store.timeRefs(id))
    .filter((t) => t.resolved && t.type === 'DATE' && /^\d{4}-\d{2}-\d{2}$/.test(t.value))
    .map((t) => t.value);
}

/** Inferred dates, headlines and date ranges of the stories holding the given articles (all when none given). */
export async function refreshDerived(store: Store, articles?: Set<number>): Promise<void> {
  const countries = new Map<string, string | null>();
  // Only the stories holding the given articles, found by the store's index rather than a scan.
  const holding = articles ? { articleIds: [...articles] } : {};
  for (const s of await store.listStories('event', holding)) {
    const arts: InferenceArticle[] = [];
    for (const id of s.articleIds) {
      const a = (await store.getArticle(id))!;
      arts.push({
        id,
        label: a.externalId ?? `article ${id}`,
        published: a.published?.value ?? null,
        times: (await store.timeRefs(id)).map((t) => ({ text: t.text!, value: t.value, resolved: t.resolved, start: t.start, end: t.end })),
      });
    }
    for (const inf of inferDates(arts)) {
      const [start, end] = inf.value.split('..');
      await store.recordInferredDate(
        inf.articleId,
        { value: inf.value, granularity: 'day', timezone: null, rule: 'story:date-inference', evidence: inf.evidence, ...(start ? { start } : {}), ...(end ? { end } : {}) },
        inf.times,
        `inferred from story ${s.id}`,
      );
    }
    const events = await store.queryEvents({ articleIds: s.articleIds });
    const namer = await actorNamer(store, events, countries);
    const timeline = buildTimeline(events, namer);
    const dated = timeline.entries.filter((e) => e.date && /^\d{4}-\d{2}-\d{2}/.test(e.date));
    // Only an entry naming both actors names a story; else the article's own title does.
    const top = headlineEntry(timeline.entries.filter((e) => e.source && e.target));
    const published = arts.map((a) => a.published?.slice(0, 10)).filter((x): x is string => !!x).sort();
    const days = [...dated.map((e) => e.date!.slice(0, 10)), ...published].sort();
    // With no coded event, the earliest article's own title names the story, else its opening words.
    const headline =
      (top && (await entryHeadline(store, top, events, namer))) ?? (await firstTitle(store, s.articleIds)) ?? s.headline ?? (await openingLabel(store, s.articleIds)) ?? `Story ${s.id}`;
    await store.setStoryHeadline(s.id, headline, days[0] ?? null, days[days.length - 1] ?? null);
  }
  for (const t of await store.listStories('topic', holding)) {
    const children = await store.childStories(t.id);
    const starts = children.map((c) => c.dateStart).filter((x): x is string => !!x).sort();
    const ends = children.map((c) => c.dateEnd).filter((x): x is string => !!x).sort();
    const label = await topicLabel(store, t.articleIds);
    await store.setStoryHeadline(t.id, label, starts[0] ?? null, ends[ends.length - 1] ?? null);
  }
}

/**
 * The entry that best names an event story: what happened (asserted, not planned, denied or
 * conditional: a story is not named by an intention when an act is told), then reported by the
 * most articles, then dated.
 */
function headlineEntry(entries: TimelineEntry[]): TimelineEntry | undefined {
  const score = (e: TimelineEntry) =>
    (e.reports.some((r) => r.modality === 'asserted') ? 10 : 0) +
    new Set(e.reports.map((r) => r.articleId)).size * 3 +
    (e.date && !e.uncertain ? 1 : 0);
  return [...entries].sort((a, b) => score(b) - score(a))[0];
}

/**
 * A story headline from its naming entry: of the entry's reports, the one whose actor words name
 * the most people (PERSON mentions of its article inside them) names the story; the date is left to
 * the story's range.
 */
async function entryHeadline(store: Store, entry: TimelineEntry, events: StoredEvent[], namer: ActorNamer): Promise<string | null> {
  const reports = entry.reports.map((r) => events.find((e) => e.id === r.eventId)).filter((e): e is StoredEvent => !!e);
  let best: { e: StoredEvent; isPerson: (words: string) => boolean; people: number } | null = null;
  const namesIn = new Map<number, string[]>();
  for (const e of reports) {
    // A person's full name (two words or more), not a bare surname the coder may have cut from an office.
    const names = e.sourceText || e.targetText ? (namesIn.get(e.articleId) ?? (await personNames(store, e.articleId, namesIn))) : [];
    const isPerson = (words: string) => names.some((n) => words.includes(n));
    const people = [e.sourceText, e.targetText].filter((w) => w && isPerson(w)).length;
    if (!best || people > best.people) best = { e, isPerson, people };
  }
  return best ? storyHeadline(best.e, namer, best.isPerson) : null;
}

/** The full names (two words or more) of the people an article mentions, kept in `cache`. */
async function personNames(store: Store, articleId: number, cache: Map<number, string[]>): Promise<string[]> {
  const names = (await store.articleLayers(articleId)).mentions.filter((m) => m.type === 'PERSON' && /\s/.test(m.text)).map((m) => m.text);
  cache.set(articleId, names);
  return names;
}

/**
 * A topic's label: its most mentioned actors, by canonical name. A topic of one article, or of
 * articles not in English (the entity layer reads English), takes its first titled article's title.
 */
async function topicLabel(store: Store, articleIds: number[]): Promise<string> {
  if (articleIds.length === 0) return 'Empty topic';
  const title = await firstTitle(store, articleIds);
  if (title && (articleIds.length === 1 || (await mostlyNotEnglish(store, articleIds)))) return title;
  const names = await store.topEntityNames(articleIds, ['GPE', 'PERSON', 'ORG'], 3);
  if (names.length) return names.join(' – ');
  return title ?? (await openingLabel(store, articleIds)) ?? `Topic of ${articleIds.length} article${articleIds.length === 1 ? '' : 's'}`;
}

/** The opening words of the first of these articles with a text (for stories of untitled articles). */
async function openingLabel(store: Store, articleIds: number[]): Promise<string | null> {
  for (const id of articleIds) {
    const text = (await store.getArticle(id))?.text;
    const words = text ? openingWords(text) : null;
    if (words) return words;
  }
  return null;
}

async function firstTitle(store: Store, articleIds: number[]): Promise<string | null> {
  for (const id of articleIds) {
    const title = (await store.getArticle(id))?.title;
    if (title) return title;
  }
  return null;
}

/** Whether fewer than half the articles are in English (or of unknown language); reads only until that is settled. */
async function mostlyNotEnglish(store: Store, articleIds: number[]): Promise<boolean> {
  let english = 0;
  for (const [i, id] of articleIds.entries()) {
    const language = (await store.getArticle(id))?.language;
    if (!language || /^en\b/i.test(language)) english++;
    if (english * 2 >= articleIds.length) return false;
    // Even if every article left were in English, they would stay under half.
    if ((english + articleIds.length - i - 1) * 2 < articleIds.length) return true;
  }
  return english * 2 < articleIds.length;
}
