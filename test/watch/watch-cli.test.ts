// `dossier watch` as a user runs it: --once polls the list and exits, a second run is answered
// 304 and adds nothing, and SIGTERM stops a running watch cleanly. (Runs the built CLI.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../src/paths.js';
import { dossier, fakeArticle, htmlPage, tempDir } from '../helpers.js';
import { conditionalFeed, startServer, type TestServer } from './fixtures.js';

const t = tempDir('dossier-watch-cli-');
let server: TestServer;
const children: ChildProcess[] = [];

beforeAll(async () => {
  server = await startServer(() => Date.now());
  for (const n of [1, 2]) {
    server.routes.set(`/story/${n}`, (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(htmlPage(`Council story ${n}`, fakeArticle(n + 40)));
    });
  }
  server.routes.set('/feed', conditionalFeed(() => ({ version: 'v1', items: [1, 2].map((n) => ({ guid: `c${n}`, link: `${server.base}/story/${n}` })) })));
});
afterAll(async () => {
  // A child a failed test left running.
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  await server.close();
  t.cleanup();
});

/** Runs the CLI without blocking this process, which serves the pages it fetches. */
function run(args: string[], onStderr?: (text: string, kill: (signal: NodeJS.Signals) => void) => void): Promise<{ code: number | null; err: string }> {
  const child = spawn(process.execPath, [join(repoRoot, 'bin', 'dossier.js'), ...args], { env: { ...process.env, CI: '1' } });
  children.push(child);
  let err = '';
  child.stderr.on('data', (d: Buffer) => {
    err += d.toString();
    onStderr?.(err, (s) => child.kill(s));
  });
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, err })));
}

describe('dossier watch', () => {
  it('--once polls the listed sources, analyses what is new and exits; a second run gets 304 and adds nothing', async () => {
    const db = join(t.dir, 'once.db');
    const list = join(t.dir, 'sources.txt');
    writeFileSync(list, `# the test feed\n${server.base}/feed\n`);
    const first = await run(['watch', '--list', list, '--db', db, '--once', '--allow-private', '--host-delay', '0s']);
    expect(first.err).toContain('polled 1 of 1 source: 0 not modified, 0 failed, 2 new items submitted');
    expect(first.code).toBe(0);
    const titles = (JSON.parse(dossier(['articles', '--db', db, '--json']).out) as { title: string }[]).map((a) => a.title).sort();
    expect(titles).toEqual(['Council story 1', 'Council story 2']);
    const second = await run(['watch', `${server.base}/feed`, '--db', db, '--once', '--allow-private']);
    expect(second.err).toContain('polled 1 of 1 source: 1 not modified, 0 failed, 0 new items submitted');
    expect(second.code).toBe(0);
    expect(JSON.parse(dossier(['articles', '--db', db, '--json']).out)).toHaveLength(2);
  });

  it('refuses a private address unless allowed, names the source, and exits 1', async () => {
    const r = await run(['watch', `${server.base}/feed`, 'ftp://example.org/feed', '--db', join(t.dir, 'guard.db'), '--once']);
    expect(r.err).toContain(`error: ftp://example.org/feed: unsupported scheme 'ftp:'`);
    expect(r.err).toMatch(new RegExp(`error: ${server.base}/feed: refused: 127\\.0\\.0\\.1 is a private address.*next try in`));
    expect(r.code).toBe(1);
  });

  it('says what is wrong with no sources, an unreadable list or a duration without a unit', async () => {
    const db = join(t.dir, 'usage.db');
    expect(await run(['watch', '--db', db])).toMatchObject({ code: 2, err: expect.stringContaining('no sources to watch') });
    expect(await run(['watch', '--db', db, '--list', join(t.dir, 'missing.txt')])).toMatchObject({ code: 2, err: expect.stringContaining('cannot read the source list') });
    expect(await run(['watch', `${server.base}/feed`, '--db', db, '--every', '15'])).toMatchObject({ code: 2, err: expect.stringContaining('not a duration: 15') });
  });

  it('stops cleanly on SIGTERM', async () => {
    let sent = false;
    const r = await run(['watch', `${server.base}/feed`, '--db', join(t.dir, 'term.db'), '--allow-private', '--every', '1h'], (err, kill) => {
      // Once, after the first round: a second signal would quit at once.
      if (!sent && err.includes('watch: polled')) kill('SIGTERM');
      sent ||= err.includes('watch: polled');
    });
    expect(r.err).toContain('SIGTERM: stopping after the current source');
    expect(r.code).toBe(0);
  });
});
