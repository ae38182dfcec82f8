// Metadata rules on small pages written for these tests: JSON-LD, Open Graph, visible bylines,
// dates from the address and none at all.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { findTextDate, parseMachineDate, urlDate } from '../../../../src/ingest/dates.js';
import { splitAuthors } from '../../../../src/ingest/html/meta/names.js';
import { extractHtmlMetadata } from '../../../../src/ingest/html/meta/metadata.js';
import { stripSiteName } from '../../../../src/ingest/html/meta/title.js';
import { pageZone, toPageZone } from '../../../../src/ingest/html/meta/zone.js';
import { BYLINE_GROUPS, bylineElements } from '../../../../src/ingest/html/meta/byline-elements.js';
import { indexPage } from '../../../../src/ingest/html/meta/page-index.js';
import { isStamp, STAMP_SELECTOR, TIME_KINDS } from '../../../../src/ingest/html/meta/dates.js';

function meta(html: string, url: string | null = null) {
  return extractHtmlMetadata(parseHTML(html).document, url);
}

const JSONLD_PAGE = `<!doctype html><html lang="en-GB"><head>
<title>Harbour bridge reopens after repairs | Coastal Courier</title>
<link rel="canonical" href="/news/harbour-bridge-reopens">
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
 {"@type":"WebSite","name":"Coastal Courier"},
 {"@type":"NewsArticle","headline":"Harbour bridge reopens after repairs",
  "datePublished":"2021-03-04T09:30:00+02:00","dateModified":"2021-03-05T11:00:00Z",
  "author":[{"@type":"Person","name":"Mira Holt"},{"@id":"#/person/2"}],
  "publisher":{"@type":"Organization","name":"Coastal Courier"}},
 {"@type":"Person","@id":"#/person/2","name":"Jonas Prell"}]}</script>
</head><body><article><h1>Harbour bridge reopens after repairs</h1><p>Text.</p></article></body></html>`;

describe('extractHtmlMetadata', () => {
  it('reads JSON-LD: headline, both authors (one by @id reference), dates with zone, publisher', () => {
    const { fields, provenance } = meta(JSONLD_PAGE, 'https://courier.example/news/harbour-bridge-reopens?utm=x');
    expect(fields.title).toBe('Harbour bridge reopens after repairs');
    expect(fields.authors).toEqual(['Mira Holt', 'Jonas Prell']);
    expect(provenance.authors?.split(' ')[0]!.split('+')).toContain('jsonld:author');
    expect(fields.published).toMatchObject({ value: '2021-03-04T09:30:00+02:00', granularity: 'second', timezone: '+02:00' });
    expect(fields.published?.rule).toMatch(/^jsonld:datePublished\b/);
    expect(fields.modified?.value).toBe('2021-03-05T11:00:00Z');
    expect(fields.modified?.timezone).toBe('Z');
    expect(fields.outlet).toBe('Coastal Courier');
    expect(fields.canonicalUrl).toBe('https://courier.example/news/harbour-bridge-reopens');
    expect(fields.language).toBe('en');
  });

  it('reads Open Graph and article:* tags, stripping the site name from the title', () => {
    const html = `<html><head><title>Ferry strike ends - Island Post</title>
      <meta property="og:title" content="Ferry strike ends – Island Post">
      <meta property="og:site_name" content="Island Post">
      <meta property="og:description" content="Crews return on Monday.">
      <meta property="og:url" content="https://islandpost.example/ferry-strike-ends">
      <meta property="og:locale" content="fr_FR">
      <meta property="article:published_time" content="2019-11-02T18:05:00Z">
      <meta property="article:author" content="https://islandpost.example/staff/ana">
      <meta name="author" content="Ana Ruiz and Piet de Vries">
      </head><body><div class="content"><p>Body.</p></div></body></html>`;
    const { fields, provenance } = meta(html, null);
    expect(fields.title).toBe('Ferry strike ends');
    expect(fields.dek).toBe('Crews return on Monday.');
    expect(fields.outlet).toBe('Island Post');
    expect(fields.canonicalUrl).toBe('https://islandpost.example/ferry-strike-ends');
    expect(fields.language).toBe('fr');
    // The UTC stamp is restated in the zone of a French page (the same instant).
    expect(fields.published).toMatchObject({ value: '2019-11-02T19:05:00+01:00', timezone: '+01:00' });
    expect(fields.published?.rule).toMatch(/^meta:published-key\b/);
    // The URL-valued article:author is skipped; 'A and B' is split.
    expect(fields.authors).toEqual(['Ana Ruiz', 'Piet de Vries']);
    expect(provenance.authors).toMatch(/^meta:author\b/);
  });

  it('prefers the visible headline and byline when metadata is missing', () => {
    const html = `<html><head><title>Kleine Zeitung – Startseite</title></head><body>
      <header><h1>Kleine Zeitung</h1></header>
      <article><h1><span class="kicker">Verkehr</span> Neue Buslinie ab März</h1>
      <p class="byline">Von Lena Graf</p><p>Text des Artikels.</p></article>
      <section class="comments"><p class="author">Von Kommentator Max</p></section></body></html>`;
    const { fields, provenance } = meta(html, 'https://www.kleinezeitung.example/verkehr/neue-buslinie');
    expect(fields.title).toBe('Neue Buslinie ab März');
    expect(fields.authors).toEqual(['Lena Graf']);
    expect(provenance.authors).toMatch(/^(html|text):/);
  });

  it('falls back to the date in the page address', () => {
    const html = '<html><head><title>Notes</title></head><body><h1>Notes on rivers</h1><p>No date here.</p></body></html>';
    const { fields, provenance } = meta(html, 'https://blog.example/2020/01/29/notes-on-rivers/');
    expect(fields.published).toEqual({ value: '2020-01-29', granularity: 'day', timezone: null, rule: 'url:path-date' });
    expect(provenance.published).toBe('url:path-date');
  });

  it('leaves the date missing when the page has none', () => {
    const html = '<html><head><title>About us</title></head><body><h1>About us</h1><p>We sell boats.</p></body></html>';
    const { fields } = meta(html, 'https://shop.example/about');
    expect(fields.published).toBeUndefined();
    expect(fields.modified).toBeUndefined();
    expect(fields.authors).toBeUndefined();
  });

  it('reads a visible date written for people in a date element', () => {
    const html = `<html lang="de"><head><title>Fest</title></head><body><article><h1>Stadtfest verschoben</h1>
      <div class="post-date">Veröffentlicht am 3. Februar 2022, 14:30 Uhr</div><p>Text.</p></article></body></html>`;
    const { fields } = meta(html, null);
    expect(fields.published).toMatchObject({ value: '2022-02-03T14:30', granularity: 'minute', timezone: null });
  });
});

describe('date helpers', () => {
  it('parses machine dates with their precision and zone', () => {
    expect(parseMachineDate('2022-05-05T21:00:00-0500')).toEqual({ value: '2022-05-05T21:00:00-05:00', granularity: 'second', timezone: '-05:00' });
    expect(parseMachineDate('2022-5-5 22:17')).toEqual({ value: '2022-05-05T22:17', granularity: 'minute', timezone: null });
    expect(parseMachineDate('Wed, 04 May 2022 02:41:00 GMT')?.value).toBe('2022-05-04T02:41:00Z');
    expect(parseMachineDate('not a date')).toBeNull();
    expect(parseMachineDate('2022-02-30')).toBeNull();
  });

  it('finds dates written for people in several languages and orders', () => {
    expect(findTextDate('Posted on Jan. 7, 2009 by Ana')?.value).toBe('2009-01-07');
    expect(findTextDate('le 1er mars 2021')?.value).toBe('2021-03-01');
    expect(findTextDate('15 de enero de 2020')?.value).toBe('2020-01-15');
    expect(findTextDate('04.02.2022 | 13:10 Uhr')?.value).toBe('2022-02-04T13:10');
    expect(findTextDate('03/04/2020', { monthFirst: true })?.value).toBe('2020-03-04');
    expect(findTextDate('03/04/2020')?.value).toBe('2020-04-03');
    expect(findTextDate('13/04/2020', { monthFirst: true })?.value).toBe('2020-04-13');
    expect(findTextDate('Version 2.1.3, 400 pages')).toBeNull();
  });

  it('reads dates from addresses', () => {
    expect(urlDate('https://x.example/2019/10/31/slug')?.value).toBe('2019-10-31');
    expect(urlDate('https://x.example/news/20200129-slug.html')?.value).toBe('2020-01-29');
    expect(urlDate('https://x.example/item/12345678')).toBeNull();
  });
});

describe('name and title cleaning', () => {
  it('splits and cleans author strings, rejecting what is not a name', () => {
    expect(splitAuthors('By Rob Picheta, CNN')).toEqual(['Rob Picheta']);
    expect(splitAuthors('Anna Berg, Jan Holm')).toEqual(['Anna Berg', 'Jan Holm']);
    expect(splitAuthors('Eingestellt von der Michel')).toEqual(['der Michel']);
    expect(splitAuthors('Pressemitteilung von Katrin Sommer')).toEqual(['Katrin Sommer']);
    expect(splitAuthors('https://example.com/staff/ana')).toEqual([]);
    expect(splitAuthors('ana@example.com')).toEqual([]);
    expect(splitAuthors('Island Post', ['Island Post'])).toEqual([]);
  });

  it('strips site names before or after the headline', () => {
    const ctx = { siteNames: ['Island Post'], host: 'islandpost' };
    expect(stripSiteName('Ferry strike ends | Island Post', ctx)).toBe('Ferry strike ends');
    expect(stripSiteName('islandpost.example » News » Ferry strike ends', ctx)).toBe('Ferry strike ends');
    expect(stripSiteName('Brexit: talks resume - Island Post', ctx)).toBe('Brexit: talks resume');
  });
});

describe('page time zone', () => {
  const utc = (value: string) => ({ value, granularity: 'second' as const, timezone: 'Z' });
  it('restates a UTC stamp in the zone of the page country, with European summer time', () => {
    const de = pageZone('https://zeitung.example.de/a', null, null);
    expect(toPageZone(utc('2022-11-06T23:00:00Z'), de)).toEqual({ value: '2022-11-07T00:00:00+01:00', granularity: 'second', timezone: '+01:00' });
    expect(toPageZone(utc('2022-07-01T22:30:00Z'), de).value).toBe('2022-07-02T00:30:00+02:00');
    const ar = pageZone('https://diario.example.com.ar/nota', 'es', 'AR');
    expect(toPageZone(utc('2022-05-04T00:25:56Z'), ar).value).toBe('2022-05-03T21:25:56-03:00');
  });
  it('leaves stamps alone when the zone is unknown, given by the page, or the value is a day', () => {
    expect(toPageZone(utc('2022-05-04T00:25:56Z'), pageZone('https://news.example.com/', 'en', null)).value).toBe('2022-05-04T00:25:56Z');
    const fr = pageZone(null, 'fr', null);
    expect(toPageZone({ value: '2022-05-04T00:25:56-05:00', granularity: 'second', timezone: '-05:00' }, fr).value).toBe('2022-05-04T00:25:56-05:00');
    expect(toPageZone({ value: '2022-05-04', granularity: 'day', timezone: null }, fr).value).toBe('2022-05-04');
  });
});

describe('authors beyond metadata', () => {
  it('reads a byline in the footer of the post, a labelled byline with a role, and a personal site owner', () => {
    const footer = `<html><body><article><h1>Notes on school marks</h1><p>Text.</p>
      <footer class="post-footer">Posted by <span class="vcard"><a class="url fn" rel="author" href="/author/x">Greta M. Lind</a></span></footer></article>
      <footer class="site-footer"><a rel="author" href="/about">Site Team</a></footer></body></html>`;
    expect(meta(footer).fields.authors).toEqual(['Greta M. Lind']);
    const labelled = `<html><body><article><h1>Supply chains</h1><div class="timedata">05.02.2020 <span>- Redaktion: Emil Varga (Pressesprecher des Vereins)</span></div><p>Text.</p></article></body></html>`;
    expect(meta(labelled).fields.authors).toEqual(['Emil Varga']);
    const personal = `<html><head><title>On time | Dr. Hanna Brecht</title><meta property="og:site_name" content="Dr. Hanna Brecht"></head><body><h1>On time</h1><p>Text.</p></body></html>`;
    const { fields, provenance } = meta(personal, 'https://www.hanna-brecht.example/on-time/');
    expect(fields.authors).toEqual(['Hanna Brecht']);
    expect(provenance.authors).toMatch(/^site:personal-domain\b/);
  });
  it('reads a byline in a footer-classed block of the article, not in the page footer', () => {
    const html = `<html><body><article><h1>Harbour lights</h1><p>Text.</p>
      <div class="footerRow"><span class="documentAuthor">erstellt von <a href="/author/lene">Lene Brandt</a> — veröffentlicht 28.01.2022</span></div></article>
      <div class="footerRow"><span class="author">Site Team Lead</span></div></body></html>`;
    expect(meta(html).fields.authors).toEqual(['Lene Brandt']);
    const outside = `<html><body><article><h1>Harbour lights</h1><p>Text.</p></article><div class="footer-links"><span class="author">Lene Brandt</span></div></body></html>`;
    expect(meta(outside).fields.authors).toBeUndefined();
  });
  it('takes the site itself as author when its metadata names only the site', () => {
    const html = `<html><head><meta property="og:site_name" content="Harbour Press"><meta name="author" content="Harbour Press"></head><body><h1>Fares rise</h1><p>Text.</p></body></html>`;
    const { fields, provenance } = meta(html, 'https://harbour-press.example/fares');
    expect(fields.authors).toEqual(['Harbour Press']);
    expect(provenance.authors).toMatch(/^meta:author-site\b/);
    const signed = html.replace('<p>Text.</p>', '<p class="byline">By Ruth Olsen</p><p>Text.</p>');
    expect(meta(signed, 'https://harbour-press.example/fares').fields.authors).toEqual(['Ruth Olsen']);
  });
  it('skips a commenter named by a comment-author class, and reads the cXense author tag', () => {
    const html = `<html><body><article><h1>Old maps</h1><p>Text.</p><p><span class="comment-author">Karl Dorn</span> wrote a comment.</p></article>
      <p class="post-byline">Von Ilse Marten</p></body></html>`;
    expect(meta(html).fields.authors).toEqual(['Ilse Marten']);
    const cx = `<html><head><meta property="cXenseParse:author" content="Lina Sommer"></head><body><h1>Rents</h1><p class="author">Redaktion Stadt</p></body></html>`;
    expect(meta(cx).fields.authors).toEqual(['Lina Sommer']);
  });
  it('reads numeric dates separated by bars', () => {
    expect(findTextDate('26 | 01 | 2022')?.value).toBe('2022-01-26');
  });
});

describe('title candidates confirmed by a metadata title', () => {
  it('keeps an <h1> that the metadata title extends with a tail or prefixes with a short label', () => {
    const tail = `<html><head><meta property="og:title" content="Part 2: The Crossing - Tidewater"></head><body><h1>Part 2: The Crossing</h1><h1><a href="/u/9">rowan77</a></h1><p>Text.</p></body></html>`;
    expect(meta(tail).fields.title).toBe('Part 2: The Crossing');
    const label = `<html><head><title>Petition : Save the old lighthouse on the northern cape</title></head><body><h1>Save the old lighthouse on the northern cape</h1><h1>Login</h1></body></html>`;
    expect(meta(label).fields.title).toBe('Save the old lighthouse on the northern cape');
  });
  it('prefers a long heading whose words the <title> mostly repeats over an unrelated og:title', () => {
    const html = `<html><head><meta property="og:title" content="Join our panel of testers today?"><title>Panel - Quick dry shampoo for fresh hair in every situation - Info</title></head>
      <body><h1>Hairspray – quick dry shampoo for fresh hair in every situation</h1><h1>Usage</h1></body></html>`;
    expect(meta(html).fields.title).toBe('Hairspray – quick dry shampoo for fresh hair in every situation');
  });
});

describe('dates inside the article only', () => {
  it('reads a datePublished in the footer of the article and skips comment times and menu dates', () => {
    const footer = `<html><head><meta name="date" content="2022-01-21T15:38:44+01:00"></head><body><div class="article"><h1>Winter walks</h1><p>Text.</p>
      <div class="footer"><time itemprop="datePublished" datetime="2022-01-27">27.01.2022</time></div></div></body></html>`;
    expect(meta(footer).fields.published?.value).toBe('2022-01-27');
    const comments = `<html><body><nav><span>29.11.2022</span></nav><div class="post"><h1>Cutting onions</h1><p>Text am 20.09.2020</p></div>
      <div id="kb-comments"><time datetime="2020-09-23T18:19:06+02:00">23.09.20</time></div></body></html>`;
    expect(meta(comments).fields.published?.value).toBe('2020-09-20');
  });
});

describe('byline elements in one walk', () => {
  it('finds the same elements as the selectors it implements', () => {
    const { document } = parseHTML(`<html><head><link rel="Author" href="/about"></head><body>
      <div itemprop="author" itemscope><span itemprop="name">Ida Berg</span></div>
      <p class="vcard"><a class="url fn" rel="author" href="/a">Ida Berg</a></p>
      <div data-testid="article-byline"><a href="/b">Ole Lund</a></div><span data-testid="authorName">Ole Lund</span>
      <div class="byline"><a href="/c">Eva Holm</a><span class="fn">Eva Holm</span></div>
      <span class="post-author">A</span><span class="contributors">B</span><span id="author-box">C</span><span class="c-Author">D</span><span class="auteur">E</span>
      </body></html>`);
    const got = bylineElements(indexPage(document), 12);
    BYLINE_GROUPS.forEach((g, i) => expect(got[i]).toEqual(Array.from(document.querySelectorAll(g.selector))));
    expect(got.every((g) => g.length > 0)).toBe(true);
  });
});

describe('date elements read from the page index', () => {
  it('match the same elements as the selectors they implement', () => {
    const { document } = parseHTML(`<html><head><meta itemprop="datePublished" content="2021-03-04"></head><body>
      <header><time datetime="2021-03-04">4 March</time></header>
      <article><p class="byline"><time pubdate>3 March</time> <time class="entry-date">x</time> <time class="post-updated-date">y</time></p>
      <main><span><time>5 March</time></span></main>
      <span class="published">6 March</span><span class="meta-publish-date">7 March</span><span class="xpubdatex">8 March</span>
      <abbr class="published" title="2021-03-09">9 March</abbr><abbr class="the-date" title="2021-03-10">10 March</abbr><abbr class="the-date">no title</abbr>
      <abbr title="2021-03-11">11 March</abbr><div class="updated" title="2021-03-12">12 March</div><span class="Published">not a match</span></article>
      <footer><time>1 April</time></footer></body></html>`);
    const index = indexPage(document);
    for (const kind of TIME_KINDS) {
      const expected = Array.from(document.querySelectorAll(kind.selector));
      expect(index.order.filter(kind.matches), kind.rule).toEqual(expected);
      expect(expected.length, kind.rule).toBeGreaterThan(0);
    }
    expect(index.order.filter(isStamp)).toEqual(Array.from(document.querySelectorAll(STAMP_SELECTOR)));
  });
});
