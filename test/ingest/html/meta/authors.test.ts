// Authors on small pages written for these tests: each case is a byline shape news pages use,
// read by the candidate generators and chosen by the ranker with the committed weights.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractHtmlMetadata } from '../../../../src/ingest/html/meta/metadata.js';

function authors(html: string, url: string | null = null) {
  const { fields, provenance } = extractHtmlMetadata(parseHTML(html).document, url);
  return { names: fields.authors, rule: provenance.authors };
}

/** The sources the ranker's choice came from (provenance: 'src+src signal signal'). */
function sourcesOf(rule: string | undefined): string[] {
  return (rule ?? '').split(' ')[0]!.split('+');
}

function expectAuthors(got: { names: string[] | undefined; rule: string | undefined }, names: string[], source: string): void {
  expect(got.names).toEqual(names);
  expect(sourcesOf(got.rule)).toContain(source);
}

describe('visible bylines', () => {
  it("reads 'von NAME am DATE' with a user name ending in digits, before a teaser's byline", () => {
    const html = `<html><body><article><h1>Tomaten schneiden</h1>
      <span class="user">von <b>Karla7</b> am 20.09.2020</span><p>Text.</p>
      <div class="tip"><span>von </span><span><a href="/tips/">Other_Team</a></span></div></article></body></html>`;
    expectAuthors(authors(html), ['Karla7'], 'text:byline');
  });
});

describe('labelled user names', () => {
  it("reads a lower-case user name after a byline word and a colon, not a lower-case word after 'von'", () => {
    const html = (line: string) => `<html><body><div id="content"><div class="title"><small>${line}</small><h2>Ratschläge</h2></div><p>Text.</p></div></body></html>`;
    expectAuthors(authors(html('Verfasst von: <strong>mitundmiteinander</strong> | 31. Dezember 2008')), ['mitundmiteinander'], 'text:byline');
    expect(authors(html('Ein Artikel von heute')).names).toBeUndefined();
  });
});

describe('author profile links', () => {
  it('reads a link whose address spells its text, not menu entries or other profile links', () => {
    const html = `<html><body><nav><a href="/user/barkeeper">BarKeeper</a></nav><article><h1>Wahlkampf</h1>
      <ul class="post-info"><li><a href="/author/boris-t-kaiser/">Boris T. Kaiser</a></li><li><a href="/author/">Alle Autoren</a></li></ul><p>Text.</p></article></body></html>`;
    expectAuthors(authors(html), ['Boris T. Kaiser'], 'html:author-link');
    const unrelated = `<html><body><article><h1>Wahlkampf</h1><p><a href="/author/jf">Boris T. Kaiser</a></p></article></body></html>`;
    expect(sourcesOf(authors(unrelated).rule)).not.toContain('html:author-link');
  });

  it("reads a numbered profile link when the avatar inside it is titled with the link's name", () => {
    const html = (title: string) => `<html><body><div class="user-badge"><a href="/members/127862"><img class="avatar" title="${title}" alt="${title}" src="a.jpg">
      <div class="name"> fri.jula </div></a></div><div class="story"><h1>Vintage mit Grün</h1><p>Text.</p></div></body></html>`;
    expectAuthors(authors(html('fri.jula')), ['fri.jula'], 'html:author-link');
    expect(authors(html('Profilbild')).names).toBeUndefined();
  });

  it("keeps a profile link's account name even when it reads like a phrase", () => {
    const html = `<html><body><article><h1>Rute im Test</h1><ul class="meta"><li><span class="u-srOnly">Autor</span>
      <a href="/members/catch-more-fish.210716/" class="username">Catch more fish</a></li></ul><p>Text.</p></article></body></html>`;
    expectAuthors(authors(html), ['Catch more fish'], 'html:author-link');
    expect(authors(html.replace('/members/catch-more-fish.210716/', '/categories/fish.119/')).names).toBeUndefined();
  });

  it('prefers the linked byline of the article to a site-wide meta author naming others', () => {
    const html = `<html><head><meta name="author" content="Maria Holm - Jan Ruge"></head><body><article><h2>Podcasts</h2>
      <p class="date">Erstellt von <a href="https://blog.example/author/fabian/">Fabian</a> am Dienstag 6. Mai 2014</p><p>Text.</p></article></body></html>`;
    expectAuthors(authors(html), ['Fabian'], 'html:author-link');
    const same = html.replace('Maria Holm - Jan Ruge', 'Fabian');
    expect(sourcesOf(authors(same).rule)).toContain('meta:author');
  });
});

describe('the site as signer', () => {
  it("takes the site when the article's byline names the site, not a later article's byline", () => {
    const html = `<html><head><meta property="og:site_name" content="Harbour Watch"></head><body><article><h1>Ports</h1>
      <div class="publication">par <span class="vcard author"><a class="url fn" href="/auteur/hw">Harbour Watch</a></span></div><p>Text.</p>
      <ul class="links"><li><span class="vcard author"><a class="url fn" href="/auteur/x">Les Amis du Port</a></span></li></ul></article></body></html>`;
    expectAuthors(authors(html), ['Harbour Watch'], 'html:byline-site');
  });
});

describe('user names and display names', () => {
  it("shows a user name that spells a name as the page writes it, and keeps one it does not", () => {
    const page = (extra: string) => `<html><head><script type="application/ld+json">{"@type":"Article","author":{"@type":"Person","name":"robert.stitz"}}</script></head>
      <body><div data-props='{"username":"robert.stitz","display_name":"${extra}"}'></div><article><h1>Tischdecke</h1><p>Text.</p></article></body></html>`;
    expect(authors(page('Robert Stitz')).names).toEqual(['Robert Stitz']);
    expect(authors(page('Robert \n  Stitz')).names).toEqual(['Robert Stitz']);
    expect(authors(page('Bob')).names).toEqual(['robert.stitz']);
  });
});

describe('mastheads', () => {
  it("skips an hCard that links to the site's home page and reads the post's hCard", () => {
    const html = `<html><body><h1 class="vcard author"><a href="https://blog.example/" class="fn">Krimi-Archiv</a></h1>
      <div class="post"><h3>Musikvideo</h3><h4 class="vcard author">vom <span class="fn">Krimiblogger</span></h4><p>Text.</p></div></body></html>`;
    expectAuthors(authors(html, 'https://blog.example/?p=2895'), ['Krimiblogger'], 'html:hcard');
  });
});

describe('dated poster lines', () => {
  it("reads a poster's link that opens a line followed by the date", () => {
    const html = `<html><body><article><header><h1>Kaffee für 4,80 €</h1><div class="meta"><img class="avatar" src="a.jpg" alt="">
      <a href="/user-overview/?u=79003">KaffeeFan</a> 18.10.2019, 15:07 Uhr <div class="pull-right"><a href="#comments">9</a></div></div></header><p>Text.</p></article></body></html>`;
    expectAuthors(authors(html), ['KaffeeFan'], 'text:date-byline');
    expect(authors(html.replace('18.10.2019, 15:07 Uhr', 'gefällt das')).names).toBeUndefined();
  });
});

describe('numbered user names', () => {
  it("accepts a user name ending in a number after a 'by' label, not a number that is a year or a label", () => {
    const page = (name: string) => `<html><body><div class="fic"><h2>Melas</h2><span> by </span><h3><a href="/profile/142450">${name}</a></h3></div><p>Text.</p></body></html>`;
    expect(authors(page('delta201')).names).toEqual(['delta201']);
    expect(authors(page('comments201')).names).toBeUndefined();
    expect(authors(page('2019')).names).toBeUndefined();
  });
});

describe('organisations in metadata', () => {
  it("lets the meta author give way to the person in the visible byline when they differ", () => {
    const html = (org: string) => `<html><head><meta name="author" content="${org}"></head><body><article><h1>Winterhechte</h1>
      <div class="author">Ivo Valent</div><p>Text.</p></article></body></html>`;
    expect(authors(html('Auto Illustrierte')).names).toEqual(['Ivo Valent']);
    expect(authors(html('Forum Rundfunk')).names).toEqual(['Ivo Valent']);
    expect(authors(html('Anna Kron')).names).toEqual(['Ivo Valent']);
  });
});

describe('bylines with a role', () => {
  it("reads 'Autor: NAME (Role), more about the author'", () => {
    const html = `<html><body><article><h1>Hochzeitslokation</h1><p>Text über die Lokation.</p>
      <p style="text-align: right;"><em>Autor: <a href="/x">Samuel Dieck </a>(Sponsored Post), Redner bei trauung.example</em></p></article></body></html>`;
    expectAuthors(authors(html), ['Samuel Dieck'], 'text:byline');
  });
});

describe('source lines', () => {
  it("credits the agency of a 'Quelle:' paragraph over the site's own name, not a byline", () => {
    const html = (byline: string) => `<html><head><meta property="og:site_name" content="kirche.example"><meta name="author" content="kirche.example"></head>
      <body><div class="text"><h1>Kinderbetreuung</h1>${byline}<p>Text.</p><p style="text-align:right;">Quelle: <a href="http://agentur.example">kathagentur</a></p></div>
      <article class="teaser"><p>Weitere Informationen</p></article></body></html>`;
    expectAuthors(authors(html('')), ['kathagentur'], 'text:source-line');
    expect(authors(html('<p class="byline">Von Eva Rand</p>')).names).toEqual(['Eva Rand']);
  });
  it("credits an outlet's address with its desk's initials, not a page address", () => {
    const html = (credit: string) => `<html><body><article><h1>Buchmesse</h1><p>Text.</p><footer><p class="byline">Quelle: ${credit}</p></footer></article></body></html>`;
    expectAuthors(authors(html('nordfunk.de/ab')), ['nordfunk.de/ab'], 'text:source-line');
    expect(authors(html('nordfunk.de/kultur/buchmesse-2019')).names).toBeUndefined();
  });
});

describe('author lists', () => {
  it("keeps both names of 'A B, Place, C D' and drops the dateline place", () => {
    const html = `<html><head><meta name="author" content="Markus M. Haef, London, Beat Bumb"></head><body><h1>Brexit</h1><p>Text.</p></body></html>`;
    expect(authors(html).names).toEqual(['Markus M. Haef', 'Beat Bumb']);
    expect(authors(html.replace('London, Beat Bumb', 'head of news')).names).toEqual(['Markus M. Haef']);
  });
  it("drops the outlet and the place after it from 'By A B, Outlet News, Place'", () => {
    const html = `<html><body><article><h1>Hart Island</h1><p>Text.</p><p><strong>By Nora Tafel, Coast News, New York</strong></p><p>More text.</p></article></body></html>`;
    expect(authors(html).names).toEqual(['Nora Tafel']);
  });
});

describe('topic links beside the byline', () => {
  it('does not read a link marked rel="tag" in a byline block as a name', () => {
    const tags = ['Photovoltaik', 'Solarthermie', 'Speicher', 'Wirtschaft', 'International'].map((t) => ` / <a href="/thema/${t.toLowerCase()}/" rel="tag">${t}</a>`).join('');
    const html = (fn: string) => `<html><body><article><h1>Kraftwerk in Dubai</h1><div class="postMeta vcard author"><span>01.12.2022</span> / <span class="fn">${fn}</span> / <a href="/thema/csp/" rel="tag">CSP</a>${tags}</div><p>Text.</p></article></body></html>`;
    expect(authors(html('<a href="/autor/lina-berg/">Lina Berg</a>')).names).toEqual(['Lina Berg']);
    expect(authors(html('<a href="/autor/redaktion/"><img src="logo.svg" alt="Logo"></a>')).names).toBeUndefined();
  });
});

describe('byline labels', () => {
  it("reads the name after an element holding only 'Article by'", () => {
    const html = `<html><body><article><h1>Tridents’ challenge</h1><div><span class="article_author_single">Article by</span><br><span class="author_single">Ida Frost</span></div><p>Text.</p></article></body></html>`;
    expect(authors(html).names).toEqual(['Ida Frost']);
  });
  it("does not read a hyphen inside a word as the end of a 'Von NAME' line", () => {
    const html = (line: string) => `<html><body><article><h1>Autokredit</h1><p>Text über Kredite.</p><h3>${line}</h3><p>Mehr Text.</p></article></body></html>`;
    expect(authors(html('Von Barzahler-Rabatten profitieren')).names).toBeUndefined();
    expect(authors(html('Von Karin Mohr-Lindau - Redaktion Finanzen')).names).toEqual(['Karin Mohr-Lindau']);
  });
});

describe('menu entries', () => {
  const page = (entry: string) => `<html><body><nav><ul class="menu"><li><a href="/recipes/">Recipes</a></li><li>${entry}</li></ul></nav>
    <article><h1>Chicken stir fry</h1><p>Text.</p></article></body></html>`;
  it("does not read a menu entry 'By Method' as a byline", () => {
    expect(authors(page('<a href="/recipe-category/method">By Method</a>')).names).toBeUndefined();
  });
  it("reads a menu entry that links to an author's profile", () => {
    expect(authors(page('<a href="/author/stefanie/">Author: Stefanie Kranz</a>')).names).toEqual(['Stefanie Kranz']);
  });
});

describe('date bylines', () => {
  const page = (line: string) => `<html><body><div class="blog"><div class="firstline">${line}</div><h2>Waldorfschule</h2><p>Die Fraktion begrüßt, dass die Entwicklung der Waldorfschule am Standort nun möglich wird.</p></div></body></html>`;
  it("reads 'DATE - NAME' but not 'DATE - Category/ Category'", () => {
    expectAuthors(authors(page('22.05.2014 - Jana Frost')), ['Jana Frost'], 'text:date-byline');
    expect(authors(page('22.05.2014 - Gemeinde/ Stadt')).names).toBeUndefined();
  });
});

describe("a one-word user name as the page's title writes it", () => {
  const page = (title: string) => `<html><head><title>${title}</title><script type="application/ld+json">{"@type":"BlogPosting","author":{"@type":"Person","name":"mira"}}</script></head>
    <body><h1>Energy Rising</h1><p>Text.</p></body></html>`;
  it('takes the capitalised spelling of the <title>', () => {
    expect(authors(page('Energy Rising - 33 Tage Yoga - Mira Holm - Yoga Lifestyle')).names).toEqual(['Mira']);
  });
  it('keeps the user name when the title does not write it as a word', () => {
    expect(authors(page('Energy Rising - Miramar Yoga')).names).toEqual(['mira']);
  });
});

describe('names that name no one', () => {
  it("skips a picture's licence author and initials alone", () => {
    const picture = `<html><body><p><img src="a.jpg"><span class="media-license-info">&copy; </span><span class="media-license-author">Nils Ort</span></p><article><h1>Madagaskar</h1><p>Text.</p></article></body></html>`;
    expect(authors(picture).names).toBeUndefined();
    const review = (name: string) => `<html><body><article><h1>Sidamo</h1><p>Text.</p><div class="rev"><span class="rev__author">${name}</span><p>Absolut überzeugend</p></div></article></body></html>`;
    expect(authors(review('S.')).names).toBeUndefined();
    expect(authors(review('D. E.')).names).toBeUndefined();
    expect(authors(review('Sebastian K.')).names).toEqual(['Sebastian K.']);
  });
});
