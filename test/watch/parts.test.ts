// The watcher's small parts on their own: backoff arithmetic, Retry-After, the seen-key cap, the
// source list, and the host gate on a fake clock.
import { describe, expect, it } from 'vitest';
import { backoffDelay, retryAfterMs } from '../../src/watch/backoff.js';
import { HostGate, StoppedError } from '../../src/watch/politeness.js';
import { rememberSeen, SEEN_CAP } from '../../src/watch/source-state.js';
import { checkSources, parseSourceList } from '../../src/watch/sources.js';
import { fakeClock } from './fixtures.js';

describe('backoff', () => {
  const policy = { baseMs: 1000, capMs: 60_000 };

  it('doubles after each failure up to the cap, with half of each wait random', () => {
    expect([1, 2, 3, 4, 10].map((n) => backoffDelay(n, policy, () => 1))).toEqual([1000, 2000, 4000, 8000, 60_000]);
    expect([1, 2, 3, 10].map((n) => backoffDelay(n, policy, () => 0))).toEqual([500, 1000, 2000, 30_000]);
    expect(backoffDelay(0, policy, () => 1)).toBe(0);
    expect(backoffDelay(5000, policy, () => 0.5)).toBe(45_000);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.UTC(2026, 11, 8, 12, 0, 0);
    expect(retryAfterMs('120', now)).toBe(120_000);
    expect(retryAfterMs(new Date(now + 90_000).toUTCString(), now)).toBe(90_000);
    expect(retryAfterMs(new Date(now - 90_000).toUTCString(), now)).toBe(0);
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs(undefined, now)).toBeUndefined();
  });
});

describe('seen keys', () => {
  it('forgets the oldest keys the feed no longer lists once over the cap, never one it lists', () => {
    const old = Array.from({ length: SEEN_CAP + 2 }, (_, i) => `k${i}`);
    const kept = rememberSeen(old, ['new1', 'new2'], new Set(['k0', 'new1', 'new2']));
    expect(kept.filter((k) => !['k0', 'new1', 'new2'].includes(k))).toHaveLength(SEEN_CAP);
    expect(kept).toHaveLength(SEEN_CAP + 3);
    expect(kept.slice(0, 3)).toEqual(['k0', 'k2', 'k3']);
    expect(kept.slice(-2)).toEqual(['new1', 'new2']);
    expect(rememberSeen(['a'], ['a', 'b'], new Set())).toEqual(['a', 'b']);
  });
});

describe('sources', () => {
  it('reads a list file with comments and blank lines, and refuses what is not an http(s) URL', () => {
    const listed = parseSourceList('# newsroom feeds\nhttps://example.org/feed.xml  # world desk\n\n  http://example.net/page\nftp://example.com/x\nnot a url\nhttps://example.org/feed.xml\n');
    expect(listed).toEqual(['https://example.org/feed.xml', 'http://example.net/page', 'ftp://example.com/x', 'not a url', 'https://example.org/feed.xml']);
    const checked = checkSources(listed);
    expect(checked.sources).toEqual(['https://example.org/feed.xml', 'http://example.net/page']);
    expect(checked.errors.map((e) => e.item)).toEqual(['ftp://example.com/x', 'not a url']);
  });
});

describe('host gate', () => {
  it('runs one request at a time per host, the delay apart from the end of the last', async () => {
    const clock = fakeClock(0);
    const gate = new HostGate(1000, clock);
    const started: [string, number][] = [];
    const request = (name: string, takes: number) => async () => {
      started.push([name, clock.now()]);
      await clock.sleep(takes);
    };
    const a = new URL('http://a.example/x');
    const b = new URL('http://b.example/y');
    await Promise.all([gate.run(a, request('a1', 300)), gate.run(a, request('a2', 0)), gate.run(b, request('b1', 0)), gate.run(a, request('a3', 0))]);
    expect(started.filter(([n]) => n.startsWith('a'))).toEqual([
      ['a1', 0],
      ['a2', 1300],
      ['a3', 2300],
    ]);
    expect(started.find(([n]) => n === 'b1')).toEqual(['b1', 0]);
  });

  it('refuses a request still waiting its turn once the watcher stops', async () => {
    const clock = fakeClock(0);
    const gate = new HostGate(1000, clock);
    const url = new URL('http://a.example/x');
    const stop = new AbortController();
    await gate.run(url, async () => stop.abort());
    await expect(gate.run(url, async () => 'sent', stop.signal)).rejects.toBeInstanceOf(StoppedError);
  });
});
