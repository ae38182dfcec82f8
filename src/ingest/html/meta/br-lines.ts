// Lines of a block written with <br> instead of paragraphs ('Text ...<br><br>Autor: <a>Rechtsanwalt</a>
// Max Muster</div>'): older CMSs and forum software close an article that way, so a byline can be
// one line of a long element rather than an element of its own.
import { clean } from './candidates.js';
import type { PageIndex } from './page-index.js';

/** The short lines (at most `max` characters) between the <br>s that are direct children of `el`;
 * empty when it has no such <br>. A child element the index knows to be long is not read, and a
 * line `worth` rejects (tested on the raw text) is not cleaned. */
export function brLines(el: Element, max: number, index: PageIndex, worth: (raw: string) => boolean = () => true): string[] {
  let hasBr = false;
  for (let c = el.firstElementChild; c && !hasBr; c = c.nextElementSibling) hasBr = c.tagName === 'BR';
  if (!hasBr) return [];
  const lines: string[] = [];
  let parts: string[] = [];
  let length = 0;
  const flush = () => {
    // Cleaning is the costly part: only lines the caller may want are cleaned.
    const raw = length === Infinity ? '' : parts.join('');
    const line = raw && worth(raw) ? clean(raw) : '';
    if (line && line.length <= max) lines.push(line);
    parts = [];
    length = 0;
  };
  for (let c = el.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 1 && (c as Element).tagName === 'BR') {
      flush();
      continue;
    }
    if (c.nodeType !== 1 && c.nodeType !== 3) continue;
    // A line already too long is skipped without reading the rest of it.
    const known = c.nodeType === 1 ? (index.length.get(c as Element) ?? 0) : 0;
    if (length + known > 2 * max + 20) {
      length = Infinity;
      continue;
    }
    const t = c.textContent ?? '';
    parts.push(t);
    length += t.length;
  }
  flush();
  return lines;
}
