// The last editor a wiki names under its page ('BeginnersGuide/Download (last edited 2019-11-10
// 13:28:18 by MatsWichmann)', 'Zuletzt geändert: 2020/05/05 von anna'): on a wiki, the only person
// the page credits. Weak: used only when nothing else names anyone.
import { type PageIndex, shortText } from './page-index.js';
import { userName } from './names.js';

const LINE_TAGS = new Set(['P', 'DIV', 'SPAN', 'LI', 'TD']);
const LAST_ELEMENTS = 400;

/** The opening words of a page-info line, tested on an element's own text before reading all of it. */
const HINT = /[Ll]ast (?:edited|modified|changed)|[Zz]uletzt (?:geändert|bearbeitet)|[Dd]ernière modification/;

const EDITED_BY = /(?:last (?:edited|modified|changed)|zuletzt (?:geändert|bearbeitet)|dernière modification)\b[^()]{0,60}?\s(?:by|von|par)\s+([\p{L}\d][\p{L}\d._ -]{1,40}?)\s*\)?\.?$/iu;

function ownText(el: Element): string {
  let t = '';
  for (let c = el.firstChild; c; c = c.nextSibling) if (c.nodeType === 3) t += c.textContent ?? '';
  return t;
}

export function lastEditor(body: Element | null, index: PageIndex | null, siteNames: string[], host: string | null): string | null {
  if (!body || !index) return null;
  const span = index.span.get(body);
  if (!span) return null;
  // Page-info lines close the page: its last elements are read, from the end.
  for (let i = span[1] - 1; i > span[0] && i >= span[1] - LAST_ELEMENTS; i--) {
    const el = index.order[i]!;
    // Page-info lines are short: longer elements are not looked into.
    if (!LINE_TAGS.has(el.tagName) || (index.length.get(el) ?? 0) > 400 || !HINT.test(ownText(el))) continue;
    const t = shortText(index, el, 160);
    const name = t ? EDITED_BY.exec(t)?.[1] : undefined;
    const user = name ? userName(name, siteNames, host) : null;
    if (user) return user;
  }
  return null;
}
