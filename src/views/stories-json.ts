// The stories of a store as plain JSON: topics, their events, and each one's articles by the
// inputs' own ids (what `dossier stories --json` and `analyze --json` print).
import type { Store } from '../store/store.js';

export interface StoryJson {
  id: number;
  headline: string | null;
  dateStart: string | null;
  dateEnd: string | null;
  articles: string[];
}

export interface TopicJson extends StoryJson {
  events: StoryJson[];
}

export async function storiesJson(store: Store): Promise<TopicJson[]> {
  const names = new Map<number, string>();
  const ext = async (ids: number[]) => {
    for (const id of ids) if (!names.has(id)) names.set(id, (await store.getArticle(id))?.externalId ?? String(id));
    return ids.map((id) => names.get(id)!);
  };
  const out: TopicJson[] = [];
  for (const t of await store.listStories('topic')) {
    const events = [];
    for (const e of await store.childStories(t.id)) events.push({ id: e.id, headline: e.headline, dateStart: e.dateStart, dateEnd: e.dateEnd, articles: await ext(e.articleIds) });
    out.push({ id: t.id, headline: t.headline, dateStart: t.dateStart, dateEnd: t.dateEnd, articles: await ext(t.articleIds), events });
  }
  return out;
}
