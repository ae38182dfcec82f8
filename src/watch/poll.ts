// One poll of one source: a conditional GET, then what came back — not modified, a feed and its
// items, or a page — with the validators to keep for the next poll.
import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { decodeBytes } from '../ingest/decode.js';
import { isFeedResponse, parseFeed, type FeedItem } from '../ingest/feed.js';
import { fetchUrl, type FetchOptions } from '../ingest/fetch.js';
import { conditionalHeaders, type SourceState } from './source-state.js';

export interface Validators {
  etag?: string;
  lastModified?: string;
  bodyHash?: string;
}

export type PollResult =
  | { kind: 'not-modified' }
  | { kind: 'feed'; finalUrl: string; items: FeedItem[]; validators: Validators }
  | { kind: 'page'; finalUrl: string; validators: Validators };

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name];
  return typeof v === 'string' && v.trim() !== '' ? v : undefined;
}

/**
 * Polls a source. Throws the fetcher's FetchError for network and HTTP failures (its `http` field
 * carries the status and Retry-After) and an Error for a feed that cannot be parsed.
 */
export async function pollSource(source: string, state: SourceState, fetch: FetchOptions): Promise<PollResult> {
  const res = await fetchUrl(source, { ...fetch, headers: { ...fetch.headers, ...conditionalHeaders(state) } });
  if (res.status === 304) return { kind: 'not-modified' };
  const etag = header(res.headers, 'etag');
  const lastModified = header(res.headers, 'last-modified');
  const validators: Validators = {
    ...(etag ? { etag } : {}),
    ...(lastModified ? { lastModified } : {}),
    bodyHash: createHash('sha256').update(res.body).digest('hex'),
  };
  const { text } = decodeBytes(res.body, { contentType: res.contentType });
  if (!isFeedResponse(res.contentType, text)) return { kind: 'page', finalUrl: res.finalUrl, validators };
  return { kind: 'feed', finalUrl: res.finalUrl, items: parseFeed(text).items, validators };
}
