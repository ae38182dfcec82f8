// A cap on how deep the element tree goes, as browsers have one: Blink's parser stops nesting at
// 512 levels. linkedom nests without limit and its parse time grows with the square of the depth
// (200,000 unclosed <div>s take half a minute; htmlparser2's own parser is quadratic there too),
// and every recursive walk of the extractors would overflow the stack on such a tree. So one
// linear scan of the markup measures how deep the tags nest and, only on a page past the cap,
// takes out the tags that open below it (with their closing tags); all text stays, in order.
// Hand-written because no HTML tokenizer at hand stays linear on such input.

/** Blink's kMaximumHTMLParserDOMTreeDepth. */
export const MAX_TREE_DEPTH = 512;

/**
 * Elements that never hold others, or whose end tag is optional and usually left out: they open
 * no level in the count, so the count stays near the depth a browser would build.
 */
const NO_LEVEL = new Set(
  'area base br col embed hr img input link meta param source track wbr p li dt dd option optgroup tr td th thead tbody tfoot colgroup caption rb rt rp html head body'.split(' '),
);
/** Elements whose content is text up to their own end tag. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'noembed', 'noframes', 'plaintext']);

interface Tag {
  close: boolean;
  name: string;
  start: number;
  end: number;
}

const RAW_TEXT_END = new Map<string, RegExp>();

/** Finds `</name` in any case, from a regex's lastIndex. */
function rawTextEnd(name: string): RegExp {
  let re = RAW_TEXT_END.get(name);
  if (!re) RAW_TEXT_END.set(name, (re = new RegExp(`</${name}`, 'gi')));
  return re;
}

function isLetter(c: number): boolean {
  return (c | 32) >= 97 && (c | 32) <= 122;
}

/** Calls `on` for the tags of the markup, in order (comments, doctypes and raw-text content skipped). */
function eachTag(html: string, on: (t: Tag) => void): void {
  const n = html.length;
  let i = html.indexOf('<');
  while (i !== -1 && i < n - 1) {
    const c = html.charCodeAt(i + 1);
    if (c === 33 /* ! */ || c === 63 /* ? */) {
      const close = html.startsWith('<!--', i) ? html.indexOf('-->', i + 4) : html.indexOf('>', i + 2);
      if (close === -1) return;
      i = html.indexOf('<', close + 1);
      continue;
    }
    const closing = c === 47; /* / */
    let j = i + (closing ? 2 : 1);
    if (!isLetter(html.charCodeAt(j))) {
      i = html.indexOf('<', i + 1);
      continue;
    }
    const nameStart = j;
    while (j < n && html.charCodeAt(j) > 32 && html[j] !== '>' && html[j] !== '/') j++;
    const name = html.slice(nameStart, j).toLowerCase();
    // The tag ends at the next '>'. One inside a quoted attribute value ends it early, which
    // leaves the rest of the value to be read as text: harmless for counting levels.
    j = html.indexOf('>', j);
    if (j === -1) return;
    const selfClosing = html.charCodeAt(j - 1) === 47;
    if (!(selfClosing && !closing)) on({ close: closing, name, start: i, end: j + 1 });
    i = j + 1;
    if (!closing && RAW_TEXT.has(name)) {
      const endTag = rawTextEnd(name);
      endTag.lastIndex = i;
      if (!endTag.exec(html)) return;
      i = endTag.lastIndex - name.length - 2;
      continue;
    }
    i = html.indexOf('<', i);
  }
}

/** How deep the tags nest, counted as browsers build the tree (see NO_LEVEL). */
export function nestingDepth(html: string): number {
  let depth = 0;
  let max = 0;
  eachTag(html, (t) => {
    if (NO_LEVEL.has(t.name)) return;
    depth = t.close ? Math.max(0, depth - 1) : depth + 1;
    if (depth > max) max = depth;
  });
  return max;
}

/** The markup with the tags that would open deeper than `max` levels taken out, with their closing tags. */
export function limitNesting(html: string, max = MAX_TREE_DEPTH): string {
  if (nestingDepth(html) <= max) return html;
  const out: string[] = [];
  let at = 0;
  const cut = (t: Tag) => {
    out.push(html.slice(at, t.start));
    at = t.end;
  };
  // Open levels, each with whether its tag was taken out.
  const open: boolean[] = [];
  eachTag(html, (t) => {
    if (NO_LEVEL.has(t.name)) return;
    if (!t.close) {
      const drop = open.length >= max;
      open.push(drop);
      if (drop) cut(t);
    } else if (open.pop()) cut(t);
  });
  out.push(html.slice(at));
  return out.join('');
}
