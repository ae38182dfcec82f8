// Titles on small pages written for these tests: which heading or metadata title names the
// article when they disagree, as the ranker chooses with the committed weights.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractHtmlMetadata } from '../../../../src/ingest/html/meta/metadata.js';

function title(html: string, url: string | null = null): { value: string | null | undefined; rule: string | undefined } {
  const { fields, provenance } = extractHtmlMetadata(parseHTML(html).document, url);
  return { value: fields.title, rule: provenance.title };
}

describe('headings that name the site', () => {
  it('keeps a product heading that names the site among other words', () => {
    const html = `<html><head><title>Run spreadsheets anywhere - Tabula 7 Office Suite for Linux</title></head><body>
      <header class="mobile"><h1>Tabula 7 for Linux</h1></header><header class="desktop"><h1>Tabula 7 for Linux</h1></header><p>Text.</p></body></html>`;
    // The same heading twice (mobile and desktop headers) is one heading, and it is not the site's name.
    expect(title(html, 'https://www.tabula.example/linux').value).toBe('Tabula 7 for Linux');
  });
  it('accepts a heading that og:title states although it starts with the site name', () => {
    const html = `<html><head><meta property="og:title" content="Tabula Coffee Sidamo Organic Beans"><meta property="og:site_name" content="Tabula Coffee Shop"></head><body>
      <h1 itemprop="name">Tabula Coffee Sidamo Organic Beans</h1><section class="banner"><h1>With the coffee plan</h1></section></body></html>`;
    expect(title(html, 'https://tabulacoffee.example/p/sidamo').value).toBe('Tabula Coffee Sidamo Organic Beans');
  });
});

describe('the page heading among several', () => {
  it('skips an <h1> that is only a link to the front page, keeping it as the site name', () => {
    const html = `<html><head><meta property="og:title" content="Reedbank privacy policy"><title>privacy notes: Reedbank privacy policy</title></head><body>
      <header><h1 class="title"><a href="https://reedbank.example/">privacy notes</a></h1></header><div class="post"><h3>Reedbank privacy policy</h3><p>Text.</p></div></body></html>`;
    expect(title(html, 'https://reedbank.example/2018/06/privacy.html').value).toBe('Reedbank privacy policy');
    // A heading linking to an article is no front-page link.
    const post = html.replace('href="https://reedbank.example/"', 'href="https://reedbank.example/2018/06/privacy.html"');
    expect(title(post, 'https://reedbank.example/2018/06/privacy.html').value).toBe('privacy notes');
  });
  it("takes the only <h1> inside an <article> over others outside it", () => {
    const html = `<html><head><meta property="og:title" content="Winter guide | Reedbank"></head><body>
      <article><h1>Five warm coats for the coast</h1><p>Text.</p></article>
      <div class="newsletter"><h1>Love in your inbox: our newsletter!</h1></div><div class="flyin"><h1>Love in your inbox: our newsletter!</h1></div></body></html>`;
    expect(title(html).value).toBe('Five warm coats for the coast');
  });
});

describe('an <h2> when no <h1> names the page', () => {
  it('takes an <h2> that a metadata title confirms, as the page writes it', () => {
    const html = `<html><head><meta property="og:title" content="Whisky evenings January - May 2020 in Halle"><title>Whisky evenings January – May 2020 in Halle - tastings.example</title></head><body>
      <h1>tastings.example</h1><h2>Whisky evenings January – May 2020 in Halle</h2><p>Text.</p></body></html>`;
    expect(title(html, 'https://www.tastings.example/halle').value).toBe('Whisky evenings January – May 2020 in Halle');
    const villa = `<html><head><meta property="og:title" content="Villa Sol - Holiday villa in Florida"></head><body><h1></h1><h2>Villa Sol</h2><p>Text.</p></body></html>`;
    expect(title(villa).value).toBe('Villa Sol');
  });
});


describe('a lone <h1> that labels the topic', () => {
  const page = (h1: string) => `<html><head><meta property="og:title" content="Ministers agree on a new rail timetable for the north"><title>Ministers agree on a new rail timetable for the north - Daily Rail</title></head><body>
    <h1>${h1}</h1><article><h2>Ministers agree on a new rail timetable for the north</h2><p>Text.</p></article></body></html>`;
  it('gives way to a longer <h2> that the metadata title states', () => {
    expect(title(page('Leeds')).value).toBe('Ministers agree on a new rail timetable for the north');
  });
});


describe('an <h1> in the breadcrumbs', () => {
  const crumbs = `<ol class="breadcrumbs"><li><a href="/">Home</a></li><li><h1>Covid-19: Can the spread be contained?</h1></li></ol>`;
  it('stays the heading when no <h2> is confirmed', () => {
    const html = `<html><head><meta property="og:title" content="Covid-19: Can the spread be contained?"></head><body>${crumbs}<h2>Checklist</h2><p>Text.</p></body></html>`;
    expect(title(html).value).toBe('Covid-19: Can the spread be contained?');
  });
});

describe('a headline-classed element as the last resort before <title>', () => {
  const body = `<nav><div class="nav-headline">Shop by category today</div></nav><aside><h3 class="headline">Related posts on tidying</h3></aside>
    <div class="article-content"><div class="l-headline"><span class="l-bold">Ten tricks for a tidy wardrobe &amp; shelves</span></div><p>Text.</p></div>`;
  it('is not used when og:title or an <h1> names the page', () => {
    const og = `<html><head><meta property="og:title" content="Magic Cleaning"><title>Magic Cleaning | Shop Magazine</title></head><body>${body}</body></html>`;
    expect(title(og).value).toBe('Magic Cleaning');
    const h1 = `<html><head><title>Magic Cleaning | Shop Magazine</title></head><body><h1>Magic cleaning at home</h1>${body}</body></html>`;
    expect(title(h1).value).toBe('Magic cleaning at home');
  });
});

describe('a one- or two-word <h1> naming the topic', () => {
  const page = (headline: string) => `<html><head><meta property="og:title" content="Cheap car loans in May >> compare offers"></head><body>
    <h1>Car loans</h1><div class="plp-headline-container"><p class="plp-headline">${headline}</p></div><p>Text.</p></body></html>`;
  it('stays when that element does not repeat it', () => {
    expect(title(page('Find cheap credit for your next vehicle')).value).toBe('Car loans');
  });
});

describe('a <title> that names only the section', () => {
  const page = (h2: string) => `<html><head><title>Segelclub Kiel - Jugend</title></head><body><div id="menu"><a href="/">Start</a></div>
    <div id="body"><h2>${h2}</h2><p>Text.</p><h2>Termine im Sommer</h2></div></body></html>`;
  it('gives way to the first <h2> that names the section among more words', () => {
    expect(title(page('Jugend im Jollensegeln')).value).toBe('Jugend im Jollensegeln');
  });
});


describe('a heading that closes a metadata title', () => {
  const page = (og: string) => `<html><head><meta property="og:title" content="${og}"><title>Warum wir | Vertrieb</title></head><body>
    <div class="page-title"><h2 class="page-title-heading">Gut zu Wissen</h2></div><h2>Unsere Leistungen</h2><p>Text.</p></body></html>`;
  it('is confirmed by it, whole words in any case', () => {
    expect(title(page('Den Vertrieb auslagern - Anders als andere oder gut zu Wissen')).value).toBe('Gut zu Wissen');
  });
});


describe('secondary lines inside a heading', () => {
  it("drops a span classed as a subline from the heading", () => {
    const html = `<html><head><meta name="title" content="Skandinavien im Wohnmobil erleben"></head><body>
      <h1><span class="a-subline">Vanlife in Schweden</span> <span class="a-headline">Skandinavien im Wohnmobil erleben</span></h1><p>Text.</p></body></html>`;
    expect(title(html).value).toBe('Skandinavien im Wohnmobil erleben');
  });
});
