// Which of a feed's items are new: known by guid (else link), checked against the keys already
// handed on; an item that cannot be read is reported once and remembered like a handled one.
import { createHash } from 'node:crypto';
import type { FeedItem } from '../ingest/feed.js';
import type { WatchInput } from './sink.js';

export interface BrokenItem {
  key: string;
  label: string;
  message: string;
}

export interface FeedItemsSplit {
  /** The new items to hand on, in feed order. */
  fresh: WatchInput[];
  /** New items that cannot be handed on (no usable link). */
  broken: BrokenItem[];
  /** Every key the feed lists now. */
  listed: Set<string>;
}

/** The item's key: its guid, else its link, else a hash of what it says (so it is still told apart). */
export function itemKey(item: FeedItem): string {
  if (item.id) return item.id;
  if (item.link) return item.link;
  return `sha256:${createHash('sha256').update(JSON.stringify([item.title, item.published, item.content])).digest('hex')}`;
}

/** An absolute http(s) URL for the item's link (relative links read against the feed's URL), or null. */
function itemUrl(link: string | null, feedUrl: string): string | null {
  if (!link) return null;
  try {
    const url = new URL(link, feedUrl);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

export function splitFeedItems(source: string, feedUrl: string, items: readonly FeedItem[], seen: ReadonlySet<string>): FeedItemsSplit {
  const split: FeedItemsSplit = { fresh: [], broken: [], listed: new Set() };
  items.forEach((item, i) => {
    const key = itemKey(item);
    if (split.listed.has(key)) return;
    split.listed.add(key);
    if (seen.has(key)) return;
    const url = itemUrl(item.link, feedUrl);
    if (url) split.fresh.push({ url, source, key });
    else {
      const label = `${source} item ${i + 1}${item.link ? ` (${item.link})` : ''}`;
      split.broken.push({ key, label, message: item.link ? 'feed item link is not an http(s) URL' : 'feed item has no link to fetch' });
    }
  });
  return split;
}
