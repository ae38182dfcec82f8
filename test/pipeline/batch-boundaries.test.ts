// The same articles give the same entities, stories and labels whether they arrive in one run or in
// several (a run killed after some articles is several runs): each run restores the entity registry
// from the store, and must restore all of what a live run would have in memory.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openStore } from '../../src/store/sqlite/sqlite-store.js';
import { analysePending } from '../../src/pipeline/analyse-store.js';
import { defaultAnalyzer } from '../../src/pipeline/components.js';
import type { Analyzer } from '../../src/pipeline/analyse.js';
import { ingestInto } from '../../src/pipeline/ingest.js';
import { updateStories } from '../../src/pipeline/stories.js';
import { seedsDir } from '../../src/paths.js';
import { tempDir } from '../helpers.js';

// Articles we wrote so that a later one names by acronym or by a longer name what an earlier one named.
const OURS = [
  {
    id: 'union-1',
    published: '2021-05-03',
    title: 'Harbour Workers Union calls a strike in Valparaiso',
    text: 'The Harbour Workers Union called a strike on Monday. The Harbour Workers Union said the talks with the port operator had failed. Bagheri, a spokesman, said the strike would last two days.',
  },
  {
    id: 'union-2',
    published: '2021-05-04',
    title: 'Strike at the port enters its second day',
    text: 'HWU leaders met the port operator on Tuesday. "We are ready to talk," said Reza Bagheri, the HWU spokesman. The HWU said cranes stood still for a second day.',
  },
];

let analysers: Analyzer;
const t = tempDir('dossier-batches-');
let inputs: string[] = [];

beforeAll(async () => {
  analysers = defaultAnalyzer();
  const dir = seedsDir();
  const seeds = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => join(dir, f));
  const ours = OURS.map((r) => {
    const file = join(t.dir, `${r.id}.jsonl`);
    writeFileSync(file, `${JSON.stringify(r)}\n`);
    return file;
  });
  inputs = [...seeds, ...ours];
});
afterAll(() => t.cleanup());

class Killed extends Error {}

/**
 * Runs the pipeline over the inputs in the given batches, one store; returns what a user sees.
 * `killAfter` stops the first run's analysis after that many articles, as a SIGKILL between two
 * article transactions would, and the next run picks up.
 */
async function outcome(name: string, batches: string[][], killAfter?: number) {
  const store = openStore(join(t.dir, `${name}.db`));
  try {
    for (const [i, batch] of batches.entries()) {
      await ingestInto(store, batch);
      try {
        await analysePending(store, analysers, {
          onProgress: (done) => {
            if (i === 0 && done === killAfter) throw new Killed();
          },
        });
        await updateStories(store);
      } catch (e) {
        if (!(e instanceof Killed)) throw e;
        await analysePending(store, analysers);
        await updateStories(store);
      }
    }
    const entities = (await store.listEntities())
      .map((e) => `${e.type} ${e.name} ← ${e.aliases.map((a) => `${a.alias}×${a.count}`).sort().join(', ')}`)
      .sort();
    const stories = (await store.listStories())
      .map((s) => `${s.level} ${s.headline} [${[...s.articleIds].sort((a, b) => a - b).join(',')}]`)
      .sort();
    return { entities, stories };
  } finally {
    await store.close();
  }
}

describe('batch boundaries', () => {
  let one: Awaited<ReturnType<typeof outcome>>;
  beforeAll(async () => {
    one = await outcome('one', [inputs]);
  });

  it('the later articles meet what earlier ones named (the comparisons below are not vacuous)', async () => {
    expect(one.entities.some((e) => e.startsWith('ORG Harbour Workers Union') && e.includes('HWU×'))).toBe(true);
    expect(one.entities.some((e) => /^PERSON \S+ Bagheri/.test(e))).toBe(true);
  });

  it('a run killed after some articles, then rerun, gives what one clean run gives', async () => {
    // Killed between the two articles of our own: the acronym's run restores what the name's run stored.
    expect(await outcome('killed', [inputs], 6)).toEqual(one);
  });

  // Stories follow the order articles reach the online clusterer, which differs when analysis and
  // clustering alternate; entities must not.
  it('two runs, and one run per article, give the same entities', async () => {
    expect((await outcome('two', [inputs.slice(0, 6), inputs.slice(6)])).entities).toEqual(one.entities);
    expect((await outcome('each', inputs.map((i) => [i]))).entities).toEqual(one.entities);
  });
});
