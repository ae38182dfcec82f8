// How much of a metadata gold an extractor can reach at all: a gold title or author that appears
// nowhere in the page, neither in its text nor in its markup (meta tags, JSON-LD, scripts), can
// only be matched by rewording or by applying the page's CSS. The share present bounds the
// accuracy any extractor reaches on the set.

const NAMED: Record<string, string> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>', nbsp: ' ', '#39': "'" };

/** Character references resolved: numeric ones and the few named ones markup escapes. */
function unescape(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+|#39);/gi, (m, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : Number(ref.slice(1));
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
    }
    return NAMED[ref.toLowerCase()] ?? m;
  });
}

const folded = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The page as searchable text: once with the tags taken out, once as markup. */
export function searchablePage(html: string): { text: string; markup: string } {
  return { text: folded(unescape(html.replace(/<[^>]*>/g, ' '))), markup: folded(unescape(html)) };
}

/** Whether every value (a title, or each of several authors) stands in the page as written. */
export function presentOnPage(page: { text: string; markup: string }, values: string[]): boolean {
  return values.every((v) => {
    const f = folded(v);
    return page.text.includes(f) || page.markup.includes(f);
  });
}
