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

export function storiesJson(store: Store): TopicJson[] {
  const ext = (id: number) => store.getArticle(id)?.externalId ?? String(id);
  return store.listStories('topic').map((t) => ({
    id: t.id,
    headline: t.headline,
    dateStart: t.dateStart,
    dateEnd: t.dateEnd,
    articles: t.articleIds.map(ext),
    events: store.childStories(t.id).map((e) => ({ id: e.id, headline: e.headline, dateStart: e.dateStart, dateEnd: e.dateEnd, articles: e.articleIds.map(ext) })),
  }));
}
