// An entity's timeline over what the store holds: the entity (or a bare name the entity layer never
// resolved), the articles that name it (or one story's articles), their text, publication dates and
// stored time expressions, through the Store interface only.
import type { Store } from '../store/store.js';
import type { StoredEntity } from '../store/records.js';
import { entityTimeline, type TargetKind, type TimelineArticle, type TimelineEvent, type TimelineTarget } from './entity-timeline.js';

export interface StoreTimeline {
  target: TimelineTarget;
  entity: StoredEntity | null;
  articleIds: number[];
  events: TimelineEvent[];
}

function kindOf(type: string | undefined): TargetKind {
  return type === 'PERSON' ? 'PERSON' : type === 'ORG' ? 'ORG' : 'OTHER';
}

/** The timeline of an entity given by id, key or name; `storyId` limits it to one story's articles. */
export async function storeTimeline(store: Store, idOrName: string, opts: { storyId?: number } = {}): Promise<StoreTimeline> {
  const entity = await store.getEntity(/^\d+$/.test(idOrName) ? Number(idOrName) : idOrName);
  const name = entity?.name ?? idOrName;
  // Aliases seen at least twice, and long enough to be names rather than initials.
  const aliases = (entity?.aliases ?? []).filter((a) => a.count >= 2 && a.alias.length > 2 && a.alias.toLowerCase() !== name.toLowerCase()).map((a) => a.alias);
  const target: TimelineTarget = { name, kind: kindOf(entity?.type), aliases };

  let articleIds: number[];
  if (opts.storyId !== undefined) {
    const story = await store.getStory(opts.storyId);
    if (!story) throw new Error(`no story ${opts.storyId}`);
    articleIds = story.articleIds;
  } else if (entity) {
    articleIds = [...new Set((await store.entityMentions(entity.id, 1_000_000)).map((m) => m.articleId))];
  } else {
    articleIds = await store.articleIdsByDate();
  }

  const articles: TimelineArticle[] = [];
  for (const id of articleIds) {
    const a = await store.getArticle(id);
    if (!a) continue;
    const times = (await store.articleLayers(id)).times.filter((t) => t.field === 'text');
    articles.push({ id: String(id), published: a.published?.value.slice(0, 10) ?? a.inferredPublished?.value.slice(0, 10) ?? null, text: a.text, times });
  }
  return { target, entity, articleIds, events: entityTimeline(articles, target) };
}
