// One walk of the page that every metadata source shares: every element in document order, where
// each one's subtree ends in that order, an upper bound on its cleaned text length, and the
// elements of each tag. The sources read this instead of running their own `querySelectorAll`
// scans (linkedom matches selectors by walking the whole tree each time) and instead of reading
// `textContent` of every candidate element (time quadratic in the page's depth).
import { textOf } from './candidates.js';

export interface PageIndex {
  order: Element[];
  /** Position in `order` and the position just past the element's last descendant. */
  span: Map<Element, [number, number]>;
  /** At least the length of the element's cleaned text. */
  length: Map<Element, number>;
  /** Elements of each tag name (upper case, as `tagName` gives it), in document order. */
  tags: Map<string, Element[]>;
  body: Element | null;
}

/** Indexes the subtree of `root`, or every top-level element of a document (on pages with junk
 * before <html> the parser leaves part of the tree beside the root element). */
export function indexPage(root: Element | Document): PageIndex {
  const order: Element[] = [];
  const span = new Map<Element, [number, number]>();
  const length = new Map<Element, number>();
  const tags = new Map<string, Element[]>();
  const visit = (el: Element): number => {
    const at = order.length;
    order.push(el);
    const list = tags.get(el.tagName);
    if (list) list.push(el);
    else tags.set(el.tagName, [el]);
    let n = 0;
    for (let c = el.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) n += (c.textContent ?? '').replace(/\s+/g, ' ').length;
      else if (c.nodeType === 1) n += visit(c as Element);
    }
    span.set(el, [at, order.length]);
    length.set(el, n);
    return n;
  };
  if (root.nodeType === 9) for (let c = root.firstElementChild; c; c = c.nextElementSibling) visit(c);
  else visit(root as Element);
  const body = root.nodeType === 9 ? (root as Document).body ?? null : (tags.get('BODY')?.[0] ?? null);
  return { order, span, length, tags, body };
}

/** The elements of one tag (upper case), in document order. */
export function byTag(index: PageIndex, tag: string): readonly Element[] {
  return index.tags.get(tag) ?? [];
}

/** The first element of one tag, or null. */
export function firstOfTag(index: PageIndex, tag: string): Element | null {
  return index.tags.get(tag)?.[0] ?? null;
}

/** The elements of `scope`'s subtree (itself excluded) in document order. */
export function descendants(index: PageIndex, scope: Element): Element[] {
  const s = index.span.get(scope);
  return s ? index.order.slice(s[0] + 1, s[1]) : [];
}

/** The descendants of `scope` (not itself) whose tag is in `tags`, in document order. */
export function descendantsByTag(index: PageIndex, scope: Element, tags: ReadonlySet<string>): Element[] {
  const s = index.span.get(scope);
  if (!s) return [];
  const out: Element[] = [];
  for (let i = s[0] + 1; i < s[1]; i++) if (tags.has(index.order[i]!.tagName)) out.push(index.order[i]!);
  return out;
}

/** Whether `el` has a descendant of the tag: a binary search of that tag's positions. */
export function containsTag(index: PageIndex, el: Element, tag: string): boolean {
  const s = index.span.get(el);
  const list = index.tags.get(tag);
  if (!s || !list) return false;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (index.span.get(list[mid]!)![0] <= s[0]) lo = mid + 1;
    else hi = mid;
  }
  return lo < list.length && index.span.get(list[lo]!)![0] < s[1];
}

/** The nearest ancestor-or-self whose tag is in `tags` (as `closest('a, b')` with tag names). */
export function closestTag(el: Element, tags: ReadonlySet<string>): Element | null {
  for (let e: Element | null = el; e; e = e.parentElement) if (tags.has(e.tagName)) return e;
  return null;
}

/** The cleaned text of an element when it is at most `max` characters long, else null (cheaply). */
export function shortText(index: PageIndex, el: Element | null, max: number): string | null {
  if (!el || (index.length.get(el) ?? Infinity) > 2 * max + 20) return null;
  const t = textOf(el);
  return t.length <= max ? t : null;
}
