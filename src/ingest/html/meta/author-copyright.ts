// The person a copyright notice in the article names ('<p>© 2019 Sven Schreivogel</p>' after the
// text): the holder of the text is its writer. Weakest author rule, used only when
// nothing else names anyone; picture credits ('© Name' under a photo) are not read.
import { personLike } from './names.js';
import { descendantsByTag, type PageIndex, shortText } from './page-index.js';

// Without the 'i' flag: \p{Lu} must stay upper case.
const NOTICE = /^(?:(?:©|\([cC]\)|[Cc]opyright\b|COPYRIGHT\b)\s*)+(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?(?:[Bb]y\s+)?(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){1,3})(?=$|\s*[,|]|\.(?:\s|$)|\s+(?:\p{Ll}|\d))/u;

const LINE_TAGS = new Set(['P', 'SPAN', 'DIV', 'SMALL', 'LI', 'TD']);

const PICTURE = /(?:^|[-_])(?:credit|caption|photo|foto|bild|image|img|media|copyright-bild)/i;

function inPicture(el: Element): boolean {
  for (let e: Element | null = el; e && e.tagName !== 'BODY'; e = e.parentElement) {
    if (e.tagName === 'FIGURE' || e.tagName === 'FIGCAPTION' || e.tagName === 'PICTURE') return true;
    if ((e.getAttribute('class') ?? '').split(/\s+/).some((t) => PICTURE.test(t))) return true;
  }
  return false;
}

function opensNotice(el: Element): boolean {
  let n: Node | null = el.firstChild;
  for (let depth = 0; n && depth < 4; depth++) {
    while (n && n.nodeType === 3 && !(n.textContent ?? '').trim()) n = n.nextSibling;
    if (!n) return false;
    if (n.nodeType === 3) return /^\s*(?:©|\(c\)|copyright)/i.test(n.textContent ?? '');
    n = n.firstChild;
  }
  return false;
}

/** The person named by the first copyright notice that `inArticle` places in the article's own
 * text (not the site's footer, whose holder is the publisher), or null. */
export function copyrightPerson(document: Document, index: PageIndex | null, inArticle: (el: Element) => boolean): string | null {
  if (!index || !document.body) return null;
  let seen = 0;
  for (const el of descendantsByTag(index, document.body, LINE_TAGS)) {
    if (++seen > 5000) break;
    // Only lines whose first text opens the notice; reading every element's text is the costly part.
    if (!opensNotice(el)) continue;
    const t = shortText(index, el, 100);
    if (!t || !/^(?:©|\(c\)|copyright)/i.test(t)) continue;
    const name = NOTICE.exec(t)?.[1];
    if (name && personLike(name) && !inPicture(el) && inArticle(el)) return name;
  }
  return null;
}
