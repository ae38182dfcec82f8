// Story pages kept in the store as derived state, one state part per story: a run that changes
// stories builds their pages once (analyzeInputs), and the server and the report folder read them,
// so that a story page costs one read at any store size instead of a build of tens of ms.
// Each stored page is stamped with what it was built from: the story's row and its events' rows
// (article sets, versions, headlines, dates) and the code that builds pages. A page whose stamp no
// longer matches reads as missing and is built on request, as before.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Store, StoredStory } from '../store/store.js';
import { repoRoot } from '../paths.js';
import { buildStoryView } from './build-view.js';
import type { StoryView } from './view.js';

/** What the API serves for one story: its view and the topic it belongs to. */
export type StoryPage = StoryView & { parentId: number | null };

const SCOPE = 'story-views';

export async function buildStoryPage(store: Store, id: number): Promise<StoryPage | null> {
  const v = await buildStoryView(store, id);
  return v && { ...v, parentId: (await store.getStory(id))?.parentId ?? null };
}

let codeHash: string | null = null;

/**
 * The code and word lists pages are built with (the compiled or source tree this module runs from,
 * and the language tables): a page stored by another version of Dossier is not served by this one.
 */
function codeStamp(): string {
  if (codeHash) return codeHash;
  const hash = createHash('sha1');
  const codeRoot = dirname(dirname(fileURLToPath(import.meta.url)));
  // The built web UI (dist/web) does not change what a page holds.
  const skip = join(codeRoot, 'web');
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, e.name);
      if (e.isDirectory() && path !== skip) walk(path);
      else if (e.isFile()) hash.update(path.slice(repoRoot.length)).update(readFileSync(path));
    }
  };
  const tables = join(repoRoot, 'src', 'lang');
  walk(codeRoot);
  if (!tables.startsWith(codeRoot)) walk(tables);
  return (codeHash = hash.digest('hex'));
}

/** What a story's page is built from, as rows: a page stored under another stamp is stale. */
function stampOf(story: StoredStory, children: StoredStory[]): string {
  const row = (s: StoredStory) => [s.id, s.version, s.parentId, s.headline, s.dateStart, s.dateEnd, s.articleIds];
  return createHash('sha1')
    .update(JSON.stringify([codeStamp(), row(story), children.map(row)]))
    .digest('hex');
}

async function currentStamp(store: Store, id: number): Promise<string | null> {
  const story = await store.getStory(id);
  return story && stampOf(story, story.level === 'topic' ? await store.childStories(id) : []);
}

/** The stored page's JSON when it is still current, else null. */
async function storedJson(store: Store, id: number): Promise<string | null> {
  const part = (await store.getStatePartsByKey(SCOPE, [String(id)])).get(String(id));
  if (!part) return null;
  const text = gunzipSync(part).toString('utf8');
  const cut = text.indexOf('\n');
  return text.slice(0, cut) === (await currentStamp(store, id)) ? text.slice(cut + 1) : null;
}

/** The page of a story as JSON: the stored one while current, else built now; null for no such story. */
export async function storyPageJson(store: Store, id: number): Promise<string | null> {
  const stored = await storedJson(store, id);
  if (stored !== null) return stored;
  const page = await buildStoryPage(store, id);
  return page && JSON.stringify(page);
}

/** The page of a story: the stored one while current, else built now; null for no such story. */
export async function storyPage(store: Store, id: number): Promise<StoryPage | null> {
  const stored = await storedJson(store, id);
  return stored !== null ? (JSON.parse(stored) as StoryPage) : await buildStoryPage(store, id);
}

/**
 * Builds and stores the pages of the given stories (every story when null); the pages of stories
 * that are gone are dropped (of the given ones, or of the whole store when null: listing every
 * story costs more than a run of a few articles should). Returns how many were built.
 */
export async function storeStoryPages(store: Store, ids: Iterable<number> | null): Promise<number> {
  const all = ids ? null : (await store.listStories()).map((s) => s.id);
  const removed: string[] = [];
  let parts: { key: string; value: Uint8Array }[] = [];
  let built = 0;
  // Written a few hundred at a time: a whole store's pages are too many to hold at once.
  const flush = async () => {
    await store.putStateParts(SCOPE, parts, { removed: removed.splice(0) });
    built += parts.length;
    parts = [];
  };
  for (const id of ids ?? all!) {
    const page = await buildStoryPage(store, id);
    const stamp = page && (await currentStamp(store, id));
    // Level 1: a page is written once per change; the fastest level keeps runs cheap.
    if (page && stamp) parts.push({ key: String(id), value: gzipSync(`${stamp}\n${JSON.stringify(page)}`, { level: 1 }) });
    else removed.push(String(id));
    if (parts.length >= 200) await flush();
  }
  if (all) {
    const live = new Set(all);
    removed.push(...(await store.getStatePartKeys(SCOPE, '')).filter((k) => !live.has(Number(k))));
  }
  await flush();
  return built;
}
