// The story list: every topic with its event stories, outlets and dates, built once per store
// version (the list of a 100k-article store is a few thousand topics), then filtered per request.
import type { Store, StoredStory } from '../store/store.js';

export interface StoryListEntry {
  id: number;
  headline: string;
  dateStart: string | null;
  dateEnd: string | null;
  articles: number;
  outlets: string[];
  events: { id: number; headline: string; dateStart: string | null; dateEnd: string | null; articles: number }[];
  /** Lower-case label and event headlines, for the word filter. */
  words: string;
}

export interface StoryFilter {
  q?: string;
  outlet?: string;
  from?: string;
  to?: string;
  minArticles?: number;
}

const headlineOf = (s: StoredStory) => s.headline ?? `Story ${s.id}`;

export async function buildStoryList(store: Store): Promise<StoryListEntry[]> {
  // One read of every article's outlet (the list shows the outlets of each topic).
  const outletOf = await store.articleOutlets();
  const children = new Map<number, StoredStory[]>();
  for (const e of await store.listStories('event')) if (e.parentId !== null) (children.get(e.parentId) ?? children.set(e.parentId, []).get(e.parentId)!).push(e);
  return (await store.listStories('topic'))
    .map((t) => {
      const events = (children.get(t.id) ?? []).map((e) => ({ id: e.id, headline: headlineOf(e), dateStart: e.dateStart, dateEnd: e.dateEnd, articles: e.articleIds.length }));
      const outlets = [...new Set(t.articleIds.map((id) => outletOf.get(id)).filter((o): o is string => !!o))].sort();
      return {
        id: t.id,
        headline: headlineOf(t),
        dateStart: t.dateStart,
        dateEnd: t.dateEnd,
        articles: t.articleIds.length,
        outlets,
        events,
        words: [headlineOf(t), ...events.map((e) => e.headline)].join(' ').toLowerCase(),
      };
    })
    .sort((a, b) => (b.dateEnd ?? '').localeCompare(a.dateEnd ?? '') || b.articles - a.articles || a.id - b.id);
}

/** Latest stories first; a story with no date is kept by date filters (its date is unknown, not outside). */
export function filterStories(list: StoryListEntry[], f: StoryFilter): StoryListEntry[] {
  const words = (f.q ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const outlet = f.outlet?.toLowerCase();
  return list.filter(
    (s) =>
      words.every((w) => s.words.includes(w)) &&
      (!outlet || s.outlets.some((o) => o.toLowerCase() === outlet)) &&
      (!f.from || !s.dateEnd || s.dateEnd >= f.from) &&
      (!f.to || !s.dateStart || s.dateStart.slice(0, f.to.length) <= f.to) &&
      (!f.minArticles || s.articles >= f.minArticles),
  );
}
