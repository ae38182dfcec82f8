// One server over the analysed seeds for a whole test file: the store is built once with the
// library functions (ingest, analysis, stories), the web UI built if dist/web is missing.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyseSeeds } from '../../src/bench/seeds-analysis.js';
import { startServer, type RunningServer } from '../../src/server/serve.js';
import { createApp, DEFAULT_WEB_DIR } from '../../src/server/app.js';
import { repoRoot, sharedDir } from '../../src/paths.js';
import type { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { tempDir } from '../helpers.js';

export interface SeedsServer {
  store: SqliteStore;
  server: RunningServer;
  app: ReturnType<typeof createApp>['app'];
  close(): Promise<void>;
}

export async function ensureWebBuilt(): Promise<void> {
  if (existsSync(join(DEFAULT_WEB_DIR, 'index.html'))) return;
  const { build } = await import('vite');
  await build({ configFile: join(repoRoot, 'web', 'vite.config.ts'), logLevel: 'warn' });
}

export async function seedsServer(opts: { token?: string } = {}): Promise<SeedsServer> {
  const tmp = tempDir('dossier-serve-');
  const store = await analyseSeeds(join(tmp.dir, 'seeds.db'));
  const server = await startServer({ store, host: '127.0.0.1', port: 0, ...opts });
  const { app } = createApp({ store, ...opts });
  return {
    store,
    server,
    app,
    async close() {
      await server.close();
      await store.close();
      tmp.cleanup();
    },
  };
}

interface SeedsGold {
  stories: { topic: { articles: string[] }; events: { label: string; articles: string[] }[] };
  comparison: Record<string, { nameVariants?: string[][] } | unknown>;
}

export function seedsGold(): SeedsGold {
  return JSON.parse(readFileSync(join(sharedDir(), 'corpus', 'seeds.gold.json'), 'utf8')) as SeedsGold;
}

/** The July 2020 agreement as the hand annotation gives it: its articles and its name variants. */
export function agreementGold(): { articles: string[]; nameVariants: string[][] } {
  const gold = seedsGold();
  const event = gold.stories.events.find((e) => /2020/.test(e.label) && /agreement/i.test(e.label));
  const block = Object.entries(gold.comparison).find(([k]) => /2020/.test(k) && /agreement/i.test(k))?.[1] as { nameVariants?: string[][] } | undefined;
  if (!event) throw new Error('the seeds gold names no July 2020 agreement');
  return { articles: event.articles, nameVariants: block?.nameVariants ?? [] };
}

/** Id of the event story whose articles are exactly these inputs. */
export async function storyOfArticles(store: SqliteStore, externalIds: string[]): Promise<number | null> {
  const want = new Set<number | undefined>();
  for (const x of externalIds) want.add((await store.findByExternalId(x))?.id);
  const s = (await store.listStories('event')).find((e) => e.articleIds.length === want.size && e.articleIds.every((id) => want.has(id)));
  return s?.id ?? null;
}
