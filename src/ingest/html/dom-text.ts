// Small DOM helpers for main-text extraction: tag names, class/id tokens, whitespace, and one
// linear pass that measures the text and link text under every element.

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

export function tagOf(el: Element): string {
  return el.localName.toLowerCase();
}

/** Class names and id, lower-cased, as separate tokens. */
export function classTokens(el: Element): string[] {
  const cls = el.getAttribute('class') ?? '';
  const id = el.getAttribute('id') ?? '';
  const all = `${cls} ${id}`.trim().toLowerCase();
  return all ? all.split(/\s+/) : [];
}

/**
 * Collapse whitespace runs (including non-breaking spaces) to one space and trim. Soft hyphens
 * (U+00AD, hyphenation hints a browser shows only at a line break) go: they split words.
 */
export function normaliseSpace(s: string): string {
  return s.replace(/\u00ad/g, '').replace(/[\s\u00a0\u200b\u2028\u2029]+/g, ' ').trim();
}

/** Characters that are not whitespace: a length measure that ignores markup indentation. */
export function visibleLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 32 && c !== 160) n++;
  }
  return n;
}

export interface TextMeasure {
  /** Visible characters under the element. */
  text: number;
  /** Visible characters inside links under the element. */
  link: number;
}

/** Elements whose text is code, never reader-visible prose. */
const CODE_TAGS: ReadonlySet<string> = new Set(['script', 'style', 'noscript', 'template']);

/** Text and link-text lengths of every element under `root`, in one post-order pass (code excluded). */
export function measureTree(root: Element): Map<Element, TextMeasure> {
  const out = new Map<Element, TextMeasure>();
  const visit = (el: Element, inLink: boolean): TextMeasure => {
    const m: TextMeasure = { text: 0, link: 0 };
    const linkHere = inLink || tagOf(el) === 'a';
    for (let node = el.firstChild; node; node = node.nextSibling) {
      if (node.nodeType === TEXT_NODE) {
        const n = visibleLength(node.nodeValue ?? '');
        m.text += n;
        if (linkHere) m.link += n;
      } else if (node.nodeType === ELEMENT_NODE && !CODE_TAGS.has(tagOf(node as Element))) {
        const child = visit(node as Element, linkHere);
        m.text += child.text;
        m.link += child.link;
      }
    }
    out.set(el, m);
    return m;
  };
  visit(root, false);
  return out;
}

export function linkDensity(m: TextMeasure | undefined): number {
  return m && m.text > 0 ? m.link / m.text : 0;
}

/** A paragraph this long, with few links, is prose (a lead, a description), not chrome. */
const MIN_PROSE_PARAGRAPH = 60;

/**
 * The first prose paragraph under an element: the lead of an article header (`<header>` with
 * headline, standfirst and byline), the description in a shop's product form.
 */
export function firstProseParagraph(el: Element, sizes: Map<Element, TextMeasure>): Element | null {
  for (const p of el.querySelectorAll('p')) {
    const m = sizes.get(p);
    if (m && m.text - m.link >= MIN_PROSE_PARAGRAPH && m.link <= m.text * 0.3) return p;
  }
  return null;
}

/** Site headers hold menus, logos and slogans; an article header has a headline and a lead. */
export function isArticleHeader(header: Element, sizes: Map<Element, TextMeasure>): boolean {
  return header.querySelector('h1, h2') !== null && firstProseParagraph(header, sizes) !== null;
}
