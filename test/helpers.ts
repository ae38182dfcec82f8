// Shared test helpers: temporary folders and a few article texts written for the tests.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { benchDir, repoRoot, seedsDir } from '../src/paths.js';

/** Runs the compiled `dossier` command (`npm test` builds first) and returns its exit code and output. */
export function dossier(args: string[], input?: string): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [join(repoRoot, 'bin', 'dossier.js'), ...args], {
    encoding: 'utf8',
    input,
    env: { ...process.env, CI: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

export function tempDir(prefix = 'dossier-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

const SUBJECTS = ['The harbour authority', 'A regional court', 'The city council', 'A mining company', 'The weather service', 'A hospital board'];
const VERBS = ['announced', 'postponed', 'approved', 'rejected', 'reviewed', 'questioned'];
const OBJECTS = ['a new budget', 'the bridge repairs', 'a water tariff', 'the school merger', 'a flood warning', 'the night-train service'];

/** A made-up news text of a few paragraphs; different seeds give different texts. */
export function fakeArticle(seed: number, paragraphs = 4): string {
  const out: string[] = [];
  for (let p = 0; p < paragraphs; p++) {
    const s: string[] = [];
    for (let k = 0; k < 3; k++) {
      const i = seed * 7 + p * 3 + k;
      s.push(`${SUBJECTS[i % 6]} ${VERBS[(i * 5 + seed) % 6]} ${OBJECTS[(i * 11 + p) % 6]} on day ${seed}-${p}-${k}, officials said in statement number ${i}.`);
    }
    out.push(s.join(' '));
  }
  return out.join('\n\n');
}

export function htmlPage(title: string, body: string, extraHead = ''): string {
  const paras = body.split(/\n\n/).map((p) => `<p>${p}</p>`).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>${extraHead}</head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>${title}</h1>${paras}</article>
<footer>Copyright Example Media. All rights reserved.</footer></body></html>`;
}

/** A count read from a store another process is writing: 0 while the file or its tables do not exist yet. */
export function countWhileWriting(db: string, sql: string): number {
  if (!existsSync(db)) return 0;
  const c = new Database(db, { readonly: true, fileMustExist: true });
  try {
    return (c.prepare(sql).get() as { n: number }).n;
  } catch {
    return 0;
  } finally {
    c.close();
  }
}

/** The seed articles' file names, sorted. */
export function seedFiles(): string[] {
  return readdirSync(seedsDir()).filter((f) => f.endsWith('.txt')).sort();
}

/** The aeb benchmark's compressed page names, sorted. */
export function aebPages(): string[] {
  return readdirSync(join(benchDir('aeb'), 'html')).filter((f) => f.endsWith('.html.gz')).sort();
}

/** A folder of inputs for `dossier`: the named seed files copied, the named aeb pages unpacked; returns it. */
export function inputFolder(dir: string, seeds: readonly string[], pages: readonly string[]): string {
  mkdirSync(dir, { recursive: true });
  for (const f of seeds) copyFileSync(join(seedsDir(), f), join(dir, f));
  for (const f of pages) writeFileSync(join(dir, f.replace(/\.gz$/, '')), gunzipSync(readFileSync(join(benchDir('aeb'), 'html', f))));
  return dir;
}
