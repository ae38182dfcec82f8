// Turns the user's inputs (files, folders, URLs, feeds, dumps, in any mix) into a stream of
// extracted articles and per-item errors. One bad item yields one error and the stream goes on.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { emptyArticle, type ExtractedArticle, type SourceRef } from '../doc/article.js';
import { BinaryContentError, decodeBytes, maybeGunzip } from './decode.js';
import { parseDateValue } from './date-value.js';
import { isFeedResponse, looksLikeFeed, parseFeed, type FeedItem } from './feed.js';
import { DEFAULT_FETCH, fetchUrl, type FetchOptions } from './fetch.js';
import { extractHtml } from './html/index.js';
import { articleFromRecord } from './jsonl.js';
import { extractPlainText } from './plaintext.js';
import { removeBoilerplate } from './boilerplate.js';

export interface IngestOptions {
  fetch?: FetchOptions;
  /** Fetch the pages that feed items link to (default true); otherwise use the feed's own content. */
  followLinks?: boolean;
  /** Largest file or page accepted, in bytes. */
  maxBytes?: number;
  /** Pages fetched at once when following a feed. */
  concurrency?: number;
}

export type IngestEvent =
  | { kind: 'article'; item: string; article: ExtractedArticle }
  | { kind: 'error'; item: string; message: string }
  | { kind: 'warning'; item: string; message: string };

export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
/** Fewer characters than this after extraction means no article was found. */
const MIN_TEXT = 1;

const HTML_EXT = new Set(['.html', '.htm', '.xhtml', '.shtml']);
const FEED_EXT = new Set(['.rss', '.atom', '.xml']);
const DUMP_EXT = new Set(['.jsonl', '.ndjson']);
const SKIP_EXT = new Set(['.db', '.db-wal', '.db-shm', '.json']);

function isUrl(s: string): boolean {
  return /^https?:\/\//i.test(s);
}

function sha256(b: Uint8Array): string {
  return createHash('sha256').update(b).digest('hex');
}

function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** The files below a folder, sorted so that runs are repeatable; hidden entries are skipped. */
async function* walk(dir: string): AsyncGenerator<string> {
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* walk(p);
    else if (e.isFile()) yield p;
  }
}

/** Expands folders into files; URLs and files pass through. Missing paths become errors. */
export async function* expandInputs(inputs: string[]): AsyncGenerator<{ item: string; error?: string }> {
  for (const input of inputs) {
    if (isUrl(input) || input === '-') {
      yield { item: input };
      continue;
    }
    // 'ftp://…' is no file name: say which schemes are read rather than 'no such file'.
    const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(input)?.[1];
    if (scheme) {
      yield { item: input, error: `unsupported scheme '${scheme}:' (only http and https URLs are fetched)` };
      continue;
    }
    const path = resolve(input);
    let st;
    try {
      st = await stat(path);
    } catch {
      yield { item: input, error: 'no such file or folder' };
      continue;
    }
    if (st.isDirectory()) {
      for await (const f of walk(path)) {
        if (!SKIP_EXT.has(extname(f).toLowerCase())) yield { item: f };
      }
    } else yield { item: path };
  }
}

function stripGz(name: string): string {
  return name.toLowerCase().endsWith('.gz') ? name.slice(0, -3) : name;
}

export class Ingestor {
  private readonly o: Required<Omit<IngestOptions, 'fetch'>> & { fetch: FetchOptions };

  constructor(options: IngestOptions = {}) {
    this.o = {
      followLinks: options.followLinks ?? true,
      maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
      concurrency: options.concurrency ?? 4,
      fetch: { ...options.fetch, maxBytes: options.fetch?.maxBytes ?? options.maxBytes ?? DEFAULT_FETCH.maxBytes },
    };
  }

  /** Every article and error from the inputs, in input order. */
  async *run(inputs: string[]): AsyncGenerator<IngestEvent> {
    for await (const { item, error } of expandInputs(inputs)) {
      if (error) {
        yield { kind: 'error', item, message: error };
        continue;
      }
      yield* this.item(item);
    }
  }

  /** One file or URL; never throws: failures become error events naming the item. */
  async *item(item: string): AsyncGenerator<IngestEvent> {
    try {
      if (isUrl(item)) yield* this.url(item);
      else yield* this.file(item);
    } catch (e) {
      yield { kind: 'error', item, message: errorMessage(e) };
    }
  }

  private async *file(path: string): AsyncGenerator<IngestEvent> {
    const name = stripGz(basename(path));
    const ext = extname(name).toLowerCase();
    if (DUMP_EXT.has(ext)) {
      yield* this.dump(path);
      return;
    }
    const st = await stat(path);
    if (st.size === 0) throw new Error('empty file');
    if (st.size > this.o.maxBytes) throw new Error(`too large: ${(st.size / 1048576).toFixed(1)} MB (limit ${(this.o.maxBytes / 1048576).toFixed(0)} MB; raise with --max-bytes)`);
    const raw = await readFile(path);
    const bytes = maybeGunzip(raw);
    if (bytes.length > this.o.maxBytes) throw new Error(`too large once decompressed (limit ${this.o.maxBytes} bytes)`);
    const source: SourceRef = { kind: 'file', location: path, rawHash: sha256(raw) };
    const { text } = decodeBytes(bytes, { fileName: name });
    if (text.trim() === '') throw new Error('empty file');
    const externalId = name.replace(/\.[^.]+$/, '');
    if (FEED_EXT.has(ext) || looksLikeFeed(text)) {
      yield* this.feed(text, path);
      return;
    }
    const article = HTML_EXT.has(ext) || looksLikeHtml(text) ? extractHtml(text, source, {}) : extractPlainText(text, source);
    article.externalId ??= externalId;
    yield this.checked(path, article);
  }

  private async *url(url: string, via?: string): AsyncGenerator<IngestEvent> {
    const res = await fetchUrl(url, this.o.fetch);
    const { text } = decodeBytes(res.body, { contentType: res.contentType });
    if (text.trim() === '') throw new Error('empty response');
    const ct = (res.contentType ?? '').toLowerCase();
    if (!via && isFeedResponse(res.contentType, text)) {
      yield* this.feed(text, url);
      return;
    }
    const source: SourceRef = {
      kind: via ? 'feed-item' : 'url',
      location: res.finalUrl,
      fetchedAt: res.fetchedAt,
      httpStatus: res.status,
      rawHash: sha256(res.body),
      ...(res.contentType ? { contentType: res.contentType } : {}),
      ...(via ? { via } : {}),
    };
    const article = /html|xml/.test(ct) || looksLikeHtml(text) ? extractHtml(text, source, { url: res.finalUrl }) : extractPlainText(text, source);
    article.url ??= res.finalUrl;
    article.provenance.url ??= 'fetch:final-url';
    yield this.checked(url, article);
  }

  private async *feed(xml: string, feedLocation: string): AsyncGenerator<IngestEvent> {
    const feed = parseFeed(xml);
    if (feed.items.length === 0) {
      yield { kind: 'warning', item: feedLocation, message: 'feed has no items' };
      return;
    }
    const jobs = feed.items.map((it, i) => () => this.feedItem(it, i, feedLocation, feed.title));
    for await (const events of inOrder(jobs, this.o.concurrency)) yield* events;
  }

  private async feedItem(it: FeedItem, index: number, feedLocation: string, feedTitle: string | null): Promise<IngestEvent[]> {
    const label = `${feedLocation} item ${index + 1}${it.link ? ` (${it.link})` : ''}`;
    const out: IngestEvent[] = [];
    if (this.o.followLinks && it.link && isUrl(it.link)) {
      try {
        for await (const ev of this.url(it.link, feedLocation)) out.push(fillFromFeed(ev, it, feedTitle));
        return out;
      } catch (e) {
        if (!it.content) return [{ kind: 'error', item: label, message: errorMessage(e) }];
        out.push({ kind: 'warning', item: label, message: `${errorMessage(e)}; stored the feed's own content instead` });
      }
    }
    if (!it.content) return [...out, { kind: 'error', item: label, message: 'feed item has neither a reachable link nor content' }];
    const source: SourceRef = { kind: 'feed-item', location: it.link ?? `${feedLocation}#${index + 1}`, via: feedLocation };
    let article: ExtractedArticle;
    if (looksLikeHtml(it.content)) article = extractHtml(`<html><body><article>${it.content}</article></body></html>`, source, { url: it.link });
    else {
      article = emptyArticle(source);
      const clean = removeBoilerplate(it.content.trim());
      article.text = clean.text;
      article.boilerplate = clean.removed;
    }
    article.provenance.text = 'feed:content';
    out.push(fillFromFeed(this.checked(label, article), it, feedTitle, true));
    return out;
  }

  private async *dump(path: string): AsyncGenerator<IngestEvent> {
    const input = createReadStream(path);
    const stream = path.toLowerCase().endsWith('.gz') ? input.pipe(createGunzip()) : input;
    const lines = createInterface({ input: stream, crlfDelay: Infinity });
    let n = 0;
    for await (const line of lines) {
      n++;
      if (line.trim() === '') continue;
      const item = `${path}:${n}`;
      if (line.length > this.o.maxBytes) {
        yield { kind: 'error', item, message: `line too large (${line.length} characters)` };
        continue;
      }
      try {
        const rec = JSON.parse(line) as unknown;
        if (!rec || typeof rec !== 'object' || Array.isArray(rec)) throw new Error('not a JSON object');
        const article = articleFromRecord(rec as Record<string, unknown>, { kind: 'jsonl', location: path, line: n, rawHash: sha256(Buffer.from(line)) });
        yield this.checked(item, article);
      } catch (e) {
        yield { kind: 'error', item, message: e instanceof SyntaxError ? `invalid JSON: ${e.message}` : errorMessage(e) };
      }
    }
  }

  private checked(item: string, article: ExtractedArticle): IngestEvent {
    if (article.text.trim().length < MIN_TEXT) return { kind: 'error', item, message: 'no article text found' };
    return { kind: 'article', item, article };
  }
}

function looksLikeHtml(text: string): boolean {
  return /<(!doctype html|html|head|body|article|p|div)[\s>]/i.test(text.slice(0, 4096));
}

/** Feed fields fill what the page itself did not give. */
function fillFromFeed(ev: IngestEvent, it: FeedItem, feedTitle: string | null, fromContent = false): IngestEvent {
  if (ev.kind !== 'article') return ev;
  const a = ev.article;
  const p = a.provenance;
  if (!a.title && it.title) [a.title, p.title] = [it.title, 'feed:title'];
  if (!a.url && it.link) [a.url, p.url] = [it.link, 'feed:link'];
  if (a.authors.length === 0 && it.authors.length > 0) [a.authors, p.authors] = [it.authors, 'feed:author'];
  if (!a.outlet && feedTitle && fromContent) [a.outlet, p.outlet] = [feedTitle, 'feed:channel-title'];
  if (!a.published && it.published) {
    const d = parseDateValue(it.published, 'feed:pubDate');
    if (d) [a.published, p.published] = [d, d.rule];
  }
  if (!a.externalId && it.id) a.externalId = it.id;
  return ev;
}

/** Runs async jobs with bounded concurrency and yields their results in job order. */
async function* inOrder<T>(jobs: (() => Promise<T>)[], limit: number): AsyncGenerator<T> {
  const running: Promise<T>[] = [];
  let next = 0;
  while (next < jobs.length && running.length < limit) running.push(jobs[next++]!());
  while (running.length > 0) {
    const result = await running.shift()!;
    if (next < jobs.length) running.push(jobs[next++]!());
    yield result;
  }
}

export { BinaryContentError };
