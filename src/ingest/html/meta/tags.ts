// One pass over a page's <meta> elements: every `property`, `name`, `itemprop` and `http-equiv`
// key (lower-cased) with its non-empty `content` values in document order.
import { clean } from './candidates.js';
import { byTag, type PageIndex } from './page-index.js';

export type MetaTags = Map<string, string[]>;

export function collectMetaTags(index: PageIndex): MetaTags {
  const tags: MetaTags = new Map();
  for (const el of byTag(index, 'META')) {
    const content = clean(el.getAttribute('content') ?? el.getAttribute('value'));
    if (!content) continue;
    for (const attr of ['property', 'name', 'itemprop', 'http-equiv']) {
      const key = el.getAttribute(attr)?.trim().toLowerCase();
      if (!key) continue;
      const list = tags.get(key);
      if (list) list.push(content);
      else tags.set(key, [content]);
    }
  }
  return tags;
}

/** The first value under any of the keys, tried in the given order, with the key that held it. */
export function firstMeta(tags: MetaTags, keys: readonly string[]): { value: string; key: string } | null {
  for (const key of keys) {
    const v = tags.get(key)?.[0];
    if (v) return { value: v, key };
  }
  return null;
}
