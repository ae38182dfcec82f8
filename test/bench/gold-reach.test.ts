// The ceiling measure of the metadata benchmark: a gold value counts as reachable when the page
// holds it as written, in its text or its markup.
import { describe, expect, it } from 'vitest';
import { presentOnPage, searchablePage, unescapeHtml } from '../../src/bench/gold-reach.js';

describe('gold reach', () => {
  const page = searchablePage(
    '<html><head><meta property="og:title" content="Rates rise &amp; markets   fall"><title>Les Fran&ccedil;ais travaillent&nbsp;? &ndash; Site</title>' +
      '<script type="application/ld+json">{"headline":"Gr\\u00fcne Welle \\/ Ampel"}</script></head>' +
      '<body><h1>RATES <em>rise</em></h1><p>By Ann&#39;s desk, Bo Lee &#150; Weihnachtsm&auml;rkte</p></body></html>',
  );
  it('finds a value in the markup or in the text, with references resolved and spaces folded', () => {
    expect(presentOnPage(page, ['Rates rise & markets fall'])).toBe(true);
    expect(presentOnPage(page, ['RATES rise'])).toBe(true);
    expect(presentOnPage(page, ["Ann's desk", 'Bo Lee'])).toBe(true);
  });
  it('resolves every named reference the HTML parser knows, and legacy numeric ones as a browser does', () => {
    expect(presentOnPage(page, ['Les Français travaillent ? – Site'])).toBe(true);
    expect(presentOnPage(page, ['Bo Lee – Weihnachtsmärkte'])).toBe(true);
    expect(unescapeHtml('&AElig; &notin; &bogus; &#x96;')).toBe('Æ ∉ &bogus; –');
  });
  it('reads JSON string escapes in scripts', () => {
    expect(presentOnPage(page, ['Grüne Welle / Ampel'])).toBe(true);
  });
  it('treats canonically equal text as the same (NFC on both sides)', () => {
    const bengali = searchablePage('<h1>\u09AC\u09BE\u09DC\u09BF</h1>');
    expect(presentOnPage(bengali, ['\u09AC\u09BE\u09A1\u09BC\u09BF'])).toBe(true);
    expect(presentOnPage(searchablePage('<p>Cafe\u0301</p>'), ['Café'])).toBe(true);
  });
  it('does not find a value in another case or only in part', () => {
    expect(presentOnPage(page, ['Rates Rise'])).toBe(false);
    expect(presentOnPage(page, ['Bo Lee', 'Cy Park'])).toBe(false);
    expect(presentOnPage(page, ['Weihnachtsmarkte'])).toBe(false);
  });
});
