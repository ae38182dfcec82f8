// One walk of the page that the text-scanning author rules share: every element in document order,
// where each one's subtree ends in that order, and an upper bound on its cleaned text length.
// Reading `textContent` of every candidate element instead costs time quadratic in the page's depth.
import { textOf } from './candidates.js';

export interface PageIndex {
  order: Element[];
  /** Position in `order` and the position just past the element's last descendant. */
  span: Map<Element, [number, number]>;
  /** At least the length of the element's cleaned text. */
  length: Map<Element, number>;
}

export function indexPage(root: Element): PageIndex {
  const order: Element[] = [];
  const span = new Map<Element, [number, number]>();
  const length = new Map<Element, number>();
  const visit = (el: Element): number => {
    const at = order.length;
    order.push(el);
    let n = 0;
    for (let c = el.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) n += (c.textContent ?? '').replace(/\s+/g, ' ').length;
      else if (c.nodeType === 1) n += visit(c as Element);
    }
    span.set(el, [at, order.length]);
    length.set(el, n);
    return n;
  };
  visit(root);
  return { order, span, length };
}

/** The descendants of `scope` (not itself) whose tag is in `tags`, in document order. */
export function descendantsByTag(index: PageIndex, scope: Element, tags: ReadonlySet<string>): Element[] {
  const s = index.span.get(scope);
  if (!s) return [];
  const out: Element[] = [];
  for (let i = s[0] + 1; i < s[1]; i++) if (tags.has(index.order[i]!.tagName)) out.push(index.order[i]!);
  return out;
}

/** The cleaned text of an element when it is at most `max` characters long, else null (cheaply). */
export function shortText(index: PageIndex, el: Element | null, max: number): string | null {
  if (!el || (index.length.get(el) ?? Infinity) > 2 * max + 20) return null;
  const t = textOf(el);
  return t.length <= max ? t : null;
}
