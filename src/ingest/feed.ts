// RSS 2.0, RSS 1.0 (RDF) and Atom feeds: each item's link, title, date, authors and any content.
import { XMLParser } from 'fast-xml-parser';

export interface FeedItem {
  id: string | null;
  title: string | null;
  link: string | null;
  published: string | null;
  authors: string[];
  /** Full content or summary (HTML or text) when the feed carries it. */
  content: string | null;
}

export interface Feed {
  title: string | null;
  items: FeedItem[];
}

type Node = Record<string, unknown>;

function arr(v: unknown): unknown[] {
  return v === undefined || v === null ? [] : Array.isArray(v) ? v : [v];
}

/** Text of an element that may be a string, a number, or an object with `#text`. */
function text(v: unknown): string | null {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string' || typeof v === 'number') return String(v).trim() || null;
  if (Array.isArray(v)) return text(v[0]);
  if (typeof v === 'object') return text((v as Node)['#text']);
  return null;
}

function atomLink(v: unknown): string | null {
  const links = arr(v) as Node[];
  const pick = links.find((l) => typeof l === 'object' && (!l['@_rel'] || l['@_rel'] === 'alternate')) ?? links[0];
  if (!pick) return null;
  return typeof pick === 'string' ? pick : text(pick['@_href']);
}

function names(v: unknown): string[] {
  return arr(v)
    .map((a) => (typeof a === 'object' && a !== null && 'name' in (a as Node) ? text((a as Node).name) : text(a)))
    .filter((x): x is string => !!x);
}

/** True when the text starts like a feed document. */
export function looksLikeFeed(head: string): boolean {
  return /<(rss|feed|rdf:RDF)[\s>]/i.test(head.slice(0, 4096));
}

/** True when a fetched response is a feed: a feed's content type or its opening, and not HTML. */
export function isFeedResponse(contentType: string | null, text: string): boolean {
  const ct = (contentType ?? '').toLowerCase();
  return (/(rss|atom|xml)/.test(ct) || looksLikeFeed(text)) && !/html/.test(ct);
}

export function parseFeed(xml: string): Feed {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', processEntities: true, htmlEntities: true, removeNSPrefix: false, parseTagValue: false });
  const doc = parser.parse(xml) as Node;
  const rss = doc.rss as Node | undefined;
  if (rss) {
    const channel = (rss.channel ?? {}) as Node;
    return {
      title: text(channel.title),
      items: (arr(channel.item) as Node[]).map((it) => ({
        id: text(it.guid),
        title: text(it.title),
        link: text(it.link),
        published: text(it.pubDate) ?? text(it['dc:date']),
        authors: [...names(it.author), ...names(it['dc:creator'])],
        content: text(it['content:encoded']) ?? text(it.description),
      })),
    };
  }
  const atom = doc.feed as Node | undefined;
  if (atom) {
    return {
      title: text(atom.title),
      items: (arr(atom.entry) as Node[]).map((e) => ({
        id: text(e.id),
        title: text(e.title),
        link: atomLink(e.link),
        published: text(e.published) ?? text(e.updated),
        authors: names(e.author),
        content: text(e.content) ?? text(e.summary),
      })),
    };
  }
  const rdf = doc['rdf:RDF'] as Node | undefined;
  if (rdf) {
    const channel = (rdf.channel ?? {}) as Node;
    return {
      title: text(channel.title),
      items: (arr(rdf.item) as Node[]).map((it) => ({
        id: text(it['@_rdf:about']),
        title: text(it.title),
        link: text(it.link),
        published: text(it['dc:date']),
        authors: names(it['dc:creator']),
        content: text(it['content:encoded']) ?? text(it.description),
      })),
    };
  }
  throw new Error('not an RSS or Atom feed');
}
