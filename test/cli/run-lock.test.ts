// Two writers on one store: the second waits for the first, gives up with a message naming it and
// leaves the store untouched, takes over the lock of a killed run; a read command on a missing store
// says so.
import { afterAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../../src/paths.js';
import { dossier, fakeArticle, tempDir } from '../helpers.js';

const t = tempDir('dossier-lock-');
afterAll(() => t.cleanup());
const article = join(t.dir, 'a.txt');
writeFileSync(article, `Harbour news\n\n${fakeArticle(3)}`);

function holdLock(db: string, pid: number, command = 'dossier analyze elsewhere'): void {
  writeFileSync(`${db}.lock`, JSON.stringify({ pid, host: hostname(), command, started: '2026-12-07T20:00:00.000Z' }));
}

describe('one writing run per store', () => {
  it('gives up after --wait, naming the run that holds the store, having changed nothing', () => {
    const db = join(t.dir, 'busy.db');
    holdLock(db, process.pid);
    const r = dossier(['analyze', article, '--db', db, '--out', join(t.dir, 'r1'), '--wait', '1']);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`in use by 'dossier analyze elsewhere' (pid ${process.pid}`);
    expect(existsSync(db)).toBe(false);
    const i = dossier(['ingest', article, '--db', db, '--wait', '0']);
    expect(i.code).toBe(2);
    expect(i.err).toMatch(/in use by/);
    rmSync(`${db}.lock`);
  });

  it('waits for the other run to finish, then does its work and releases the store', async () => {
    const db = join(t.dir, 'wait.db');
    holdLock(db, process.pid);
    const child = spawn(process.execPath, [join(repoRoot, 'bin', 'dossier.js'), 'ingest', article, '--db', db, '--wait', '60'], { env: { ...process.env, CI: '1' } });
    const done = new Promise<number | null>((r) => child.on('close', r));
    await new Promise((r) => setTimeout(r, 1500));
    expect(existsSync(db)).toBe(false);
    rmSync(`${db}.lock`);
    expect(await done).toBe(0);
    expect(existsSync(`${db}.lock`)).toBe(false);
    expect(dossier(['articles', '--db', db, '--json']).out).toContain('Harbour news');
  });

  it('takes over the lock of a run that was killed', () => {
    const db = join(t.dir, 'stale.db');
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    holdLock(db, dead);
    const r = dossier(['ingest', article, '--db', db, '--wait', '0']);
    expect(r.code).toBe(0);
    expect(existsSync(`${db}.lock`)).toBe(false);
  });

  it('a read command on a missing store is an error naming it, and creates nothing', () => {
    const db = join(t.dir, 'typo.db');
    for (const args of [['articles'], ['stories'], ['entities'], ['events'], ['timeline', 'Iran']]) {
      const r = dossier([...args, '--db', db]);
      expect(r.code, args[0]).toBe(2);
      expect(r.err).toContain(`no store at ${db}`);
    }
    expect(existsSync(db)).toBe(false);
  });
});
