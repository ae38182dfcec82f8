// How much of a metadata gold an extractor can reach at all: a gold title or author that appears
// nowhere in the page, neither in its text nor in its markup (meta tags, JSON-LD, scripts), can
// only be matched by rewording or by applying the page's CSS. The share present bounds the
// accuracy any extractor reaches on the set. It is a loose bound: a short gold found anywhere
// (a name in a sidebar) counts as reachable.
import { parseHTML } from 'linkedom';

// Character references are resolved by the HTML parser itself, so every named reference a browser
// knows (&auml;, &ndash;, &ccedil;) and the legacy numeric ones (&#150; is an en dash) read as on
// screen. One reference at a time through a scratch element, remembered.
const scratch = parseHTML('<!doctype html><html><head></head><body><p></p></body></html>').document.querySelector('p')!;
const resolved = new Map<string, string>();
function resolveReference(ref: string): string {
  let out = resolved.get(ref);
  if (out === undefined) {
    scratch.innerHTML = ref;
    out = scratch.textContent ?? ref;
    resolved.set(ref, out);
  }
  return out;
}

/** Character references resolved as the HTML parser resolves them. */
export function unescapeHtml(s: string): string {
  return s.replace(/&(?:#x[0-9a-f]+|#\d+|[a-z][a-z0-9]*);/gi, resolveReference);
}

/** JSON string escapes in scripts (`\u00fc`, `\/`, `\"`): a JSON-LD headline reads as its parser gives it. */
function unescapeJson(s: string): string {
  return s.replace(/\\u([0-9a-f]{4})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))).replace(/\\([/"'\\])/g, '$1');
}

// The scorer's normalisation: each run of whitespace (\s, which includes U+00A0) to one space,
// trimmed; and both sides in NFC, since canonically equal text is the same text (a Bengali page
// that writes U+09DC holds a gold written U+09A1 U+09BC, which is what NFC makes of it).
const folded = (s: string) => s.replace(/\s+/g, ' ').trim().normalize('NFC');

/** The page as searchable text: once with the tags taken out, once as markup. */
export function searchablePage(html: string): { text: string; markup: string } {
  return { text: folded(unescapeHtml(html.replace(/<[^>]*>/g, ' '))), markup: folded(unescapeHtml(unescapeJson(html))) };
}

/** Whether every value (a title, or each of several authors) stands in the page as written. */
export function presentOnPage(page: { text: string; markup: string }, values: string[]): boolean {
  return values.every((v) => {
    const f = folded(v);
    return page.text.includes(f) || page.markup.includes(f);
  });
}
