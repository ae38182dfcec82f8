// What the watcher remembers about a source between polls and between runs, kept in the store's
// state under `watch:<url>`: the validators for conditional requests, the feed items already handed
// on, and the source's failures. A restart therefore asks "changed since?" instead of refetching.
import type { Store } from '../store/store.js';

/** The part of the store the watcher uses (a state value by key). */
export type WatchStateStore = Pick<Store, 'getState' | 'setState'>;

export interface SourceState {
  /** The last ETag and Last-Modified the source sent, sent back as If-None-Match / If-Modified-Since. */
  etag?: string;
  lastModified?: string;
  /** SHA-256 of the last body, so a page served without validators is handed on only when it changed. */
  bodyHash?: string;
  /** Keys (guid, else link) of the feed items handed on or given up, oldest first. */
  seen: string[];
  /** Items the sink failed, by key: how many times they were tried. */
  attempts: Record<string, number>;
  /** Failed polls in a row. */
  failures: number;
  /** No request before this time (epoch ms): backoff after failures, or the server's Retry-After. */
  retryAt?: number;
}

/** Seen keys kept beyond those the feed still lists (a feed lists tens; this is weeks of items). */
export const SEEN_CAP = 5000;

export function stateKey(source: string): string {
  return `watch:${source}`;
}

function fresh(): SourceState {
  return { seen: [], attempts: {}, failures: 0 };
}

/** The source's state; a fresh one when none is kept or what is kept cannot be read. */
export async function loadSourceState(store: WatchStateStore, source: string): Promise<SourceState> {
  const raw = await store.getState(stateKey(source));
  if (!raw) return fresh();
  try {
    const parsed = JSON.parse(raw) as Partial<SourceState>;
    return { ...fresh(), ...parsed, seen: Array.isArray(parsed.seen) ? parsed.seen : [], attempts: parsed.attempts ?? {} };
  } catch {
    return fresh();
  }
}

export async function saveSourceState(store: WatchStateStore, source: string, state: SourceState): Promise<void> {
  await store.setState(stateKey(source), JSON.stringify(state));
}

/** The request headers that make a poll conditional on the source having changed. */
export function conditionalHeaders(state: SourceState): Record<string, string> {
  return {
    ...(state.etag ? { 'if-none-match': state.etag } : {}),
    ...(state.lastModified ? { 'if-modified-since': state.lastModified } : {}),
  };
}

/**
 * The seen keys with `added` remembered; when over the cap, the oldest keys the feed no longer
 * lists go first (one it still lists must stay, or it would be handed on again).
 */
export function rememberSeen(seen: readonly string[], added: readonly string[], listed: ReadonlySet<string>): string[] {
  const all = [...new Set([...seen, ...added])];
  let excess = all.filter((k) => !listed.has(k)).length - SEEN_CAP;
  if (excess <= 0) return all;
  return all.filter((k) => listed.has(k) || excess-- <= 0);
}
