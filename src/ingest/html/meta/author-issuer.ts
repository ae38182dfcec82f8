// The issuer a press portal or a desk credit names beside the headline: '<div class="news-publication-info">
// 12.12.2022 - <span class="news-organization">Empa (...)</span></div><h1>...', '<h1>...</h1><div
// class="publish_info"><div class="publisher">ET Online</div>'. Weak: used only when nothing else
// names anyone (the site's own name is filtered by the name rules).
import { textOf } from './candidates.js';
import type { PageIndex } from './page-index.js';

/** Class tokens of an item's issuing organisation or desk. */
const ISSUER = /(?:^|[-_])(?:organi[sz]ation|publisher)$/i;

/** Whether the element, or the block holding it, sits next to an <h1>. */
function besideHeadline(el: Element): boolean {
  for (let e: Element | null = el, depth = 0; e && depth < 2; e = e.parentElement, depth++) {
    if (e.previousElementSibling?.tagName === 'H1' || e.nextElementSibling?.tagName === 'H1') return true;
  }
  return false;
}

/** `headings`: the page's <h1>s in document order. */
export function issuerBesideHeadline(headings: Element[], index: PageIndex | null): string | null {
  if (!index) return null;
  for (const h1 of headings.slice(0, 3)) {
    const around = [h1.previousElementSibling, h1.nextElementSibling].filter((e): e is Element => !!e);
    for (const block of around) {
      // The block and its first elements, in document order from the page index.
      const span = index.span.get(block);
      const inside = span ? index.order.slice(span[0] + 1, Math.min(span[1], span[0] + 21)) : [];
      for (const el of [block, ...inside]) {
        const tokens = (el.getAttribute('class') ?? '').split(/\s+/);
        if (!tokens.some((t) => ISSUER.test(t)) || !besideHeadline(el)) continue;
        const t = textOf(el);
        if (t.length >= 2 && t.length <= 100) return t;
      }
    }
  }
  return null;
}
