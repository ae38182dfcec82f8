// The document frame (html > head + body) as a browser would build it. linkedom keeps broken
// markup as written: a second <html> nests inside the first, a <script> between </head> and <body>
// stays between them, and a page whose head never closes keeps its whole content inside <head>.
// Its `document.body` getter then inserts a new, empty <body> after <head>, so every rule that
// reads the body sees nothing. This pass moves nodes where the HTML parsing algorithm puts them.

/** Elements that belong in <head> when met before the body. */
const HEAD_TAGS: ReadonlySet<string> = new Set(['META', 'LINK', 'SCRIPT', 'STYLE', 'TITLE', 'BASE', 'NOSCRIPT', 'TEMPLATE']);

/** Moves every child of `from` (from `first` on, when given) to the end of `to`. */
function moveChildren(from: Element, to: Element, first: ChildNode | null = from.firstChild): void {
  for (let node = first; node; ) {
    const next = node.nextSibling;
    to.appendChild(node);
    node = next;
  }
}

/** A second <html> inside the first (conditional comments done wrong): its content joins the first. */
function unwrapNestedHtml(html: Element): void {
  for (let inner = firstChildTagged(html, 'HTML'); inner; inner = firstChildTagged(html, 'HTML')) {
    while (inner.firstChild) html.insertBefore(inner.firstChild, inner);
    inner.remove();
  }
}

function firstChildTagged(el: Element, tag: string): Element | null {
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) if (c.tagName === tag) return c;
  return null;
}

/**
 * Repairs the frame in place; returns whether anything moved. Only documents whose root is
 * <html> are handled (a missing <html> is added to the markup before parsing, see index.ts).
 */
export function repairFrame(document: Document): boolean {
  const html = document.documentElement;
  if (!html || html.tagName !== 'HTML') return false;
  const before = html.children.length;
  unwrapNestedHtml(html);
  let head = firstChildTagged(html, 'HEAD');
  let body = firstChildTagged(html, 'BODY');
  const wellFormed = head === html.firstElementChild && body !== null && head?.nextElementSibling === body && body === html.lastElementChild;
  if (wellFormed && html.children.length === before) return false;
  if (!head) {
    head = document.createElement('head');
    html.prepend(head);
  } else if (head !== html.firstElementChild) {
    html.prepend(head);
  }
  if (!body) {
    // An unclosed head holds the page: the body starts at its first element that is not head matter.
    body = document.createElement('body');
    let start: Element | null = head.firstElementChild;
    while (start && HEAD_TAGS.has(start.tagName)) start = start.nextElementSibling;
    if (start) moveChildren(head, body, start);
  }
  // Nodes between head and body go to the head when they are head matter, else to the start of
  // the body; nodes after the body go to its end (all in document order).
  const bodyStart = body.firstChild;
  let passedBody = body.parentNode !== html;
  for (let node = head.nextSibling; node; ) {
    const next = node.nextSibling;
    if (node === body) passedBody = true;
    else if (passedBody) body.appendChild(node);
    else if (node.nodeType !== 1 || HEAD_TAGS.has((node as Element).tagName)) head.appendChild(node);
    else body.insertBefore(node, bodyStart);
    node = next;
  }
  if (body.parentNode !== html) html.appendChild(body);
  return true;
}
