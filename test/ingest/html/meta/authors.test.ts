// Author rules on small pages written for these tests: each case is a byline shape news pages use.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractHtmlMetadata } from '../../../../src/ingest/html/meta/metadata.js';

function authors(html: string, url: string | null = null) {
  const { fields, provenance } = extractHtmlMetadata(parseHTML(html).document, url);
  return { names: fields.authors, rule: provenance.authors };
}

describe('visible bylines', () => {
  it("reads 'von NAME am DATE' with a user name ending in digits, before a teaser's byline", () => {
    const html = `<html><body><article><h1>Tomaten schneiden</h1>
      <span class="user">von <b>Karla7</b> am 20.09.2020</span><p>Text.</p>
      <div class="tip"><span>von </span><span><a href="/tips/">Other_Team</a></span></div></article></body></html>`;
    expect(authors(html)).toEqual({ names: ['Karla7'], rule: 'text:byline' });
  });
});

describe('labelled user names', () => {
  it("reads a lower-case user name after a byline word and a colon, not a lower-case word after 'von'", () => {
    const html = (line: string) => `<html><body><div id="content"><div class="title"><small>${line}</small><h2>Ratschläge</h2></div><p>Text.</p></div></body></html>`;
    expect(authors(html('Verfasst von: <strong>mitundmiteinander</strong> | 31. Dezember 2008'))).toEqual({ names: ['mitundmiteinander'], rule: 'text:byline' });
    expect(authors(html('Ein Artikel von heute')).names).toBeUndefined();
  });
});

describe('author profile links', () => {
  it('reads a link whose address spells its text, not menu entries or other profile links', () => {
    const html = `<html><body><nav><a href="/user/barkeeper">BarKeeper</a></nav><article><h1>Wahlkampf</h1>
      <ul class="post-info"><li><a href="/author/boris-t-kaiser/">Boris T. Kaiser</a></li><li><a href="/author/">Alle Autoren</a></li></ul><p>Text.</p></article></body></html>`;
    expect(authors(html)).toEqual({ names: ['Boris T. Kaiser'], rule: 'html:author-link' });
    const unrelated = `<html><body><article><h1>Wahlkampf</h1><p><a href="/author/jf">Boris T. Kaiser</a></p></article></body></html>`;
    expect(authors(unrelated).rule).not.toBe('html:author-link');
  });

  it("reads a numbered profile link when the avatar inside it is titled with the link's name", () => {
    const html = (title: string) => `<html><body><div class="user-badge"><a href="/members/127862"><img class="avatar" title="${title}" alt="${title}" src="a.jpg">
      <div class="name"> fri.jula </div></a></div><div class="story"><h1>Vintage mit Grün</h1><p>Text.</p></div></body></html>`;
    expect(authors(html('fri.jula'))).toEqual({ names: ['fri.jula'], rule: 'html:author-link' });
    expect(authors(html('Profilbild')).names).toBeUndefined();
  });

  it("keeps a profile link's account name even when it reads like a phrase", () => {
    const html = `<html><body><article><h1>Rute im Test</h1><ul class="meta"><li><span class="u-srOnly">Autor</span>
      <a href="/members/catch-more-fish.210716/" class="username">Catch more fish</a></li></ul><p>Text.</p></article></body></html>`;
    expect(authors(html)).toEqual({ names: ['Catch more fish'], rule: 'html:author-link' });
    expect(authors(html.replace('/members/catch-more-fish.210716/', '/categories/fish.119/')).names).toBeUndefined();
  });

  it('prefers the linked byline of the article to a site-wide meta author naming others', () => {
    const html = `<html><head><meta name="author" content="Maria Holm - Jan Ruge"></head><body><article><h2>Podcasts</h2>
      <p class="date">Erstellt von <a href="https://blog.example/author/fabian/">Fabian</a> am Dienstag 6. Mai 2014</p><p>Text.</p></article></body></html>`;
    expect(authors(html)).toEqual({ names: ['Fabian'], rule: 'html:author-link' });
    const same = html.replace('Maria Holm - Jan Ruge', 'Fabian');
    expect(authors(same).rule).toBe('meta:author');
  });
});

describe('the site as signer', () => {
  it("takes the site when the article's byline names the site, not a later article's byline", () => {
    const html = `<html><head><meta property="og:site_name" content="Harbour Watch"></head><body><article><h1>Ports</h1>
      <div class="publication">par <span class="vcard author"><a class="url fn" href="/auteur/hw">Harbour Watch</a></span></div><p>Text.</p>
      <ul class="links"><li><span class="vcard author"><a class="url fn" href="/auteur/x">Les Amis du Port</a></span></li></ul></article></body></html>`;
    expect(authors(html)).toEqual({ names: ['Harbour Watch'], rule: 'html:byline-site' });
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
    expect(authors(html, 'https://blog.example/?p=2895')).toEqual({ names: ['Krimiblogger'], rule: 'html:hcard' });
  });
});

describe('licence notices', () => {
  it("names the author from a Creative Commons attribution when the byline shows only initials", () => {
    const html = `<html><body><article><h1>Spaziergang</h1><p class="byline">By <a rel="author" href="/author/dt">DT</a></p><p>Text.</p></article>
      <footer><span>Ein Tagebuch</span> von <a href="https://diary.example/" rel="cc:attributionURL">Dora Tamm</a> steht unter einer Lizenz.</footer></body></html>`;
    expect(authors(html)).toEqual({ names: ['Dora Tamm'], rule: 'html:cc-attribution' });
    expect(authors(html.replace('>DT<', '>Dirk Thal<')).names).toEqual(['Dirk Thal']);
  });
});

describe('dated poster lines', () => {
  it("reads a poster's link that opens a line followed by the date", () => {
    const html = `<html><body><article><header><h1>Kaffee für 4,80 €</h1><div class="meta"><img class="avatar" src="a.jpg" alt="">
      <a href="/user-overview/?u=79003">KaffeeFan</a> 18.10.2019, 15:07 Uhr <div class="pull-right"><a href="#comments">9</a></div></div></header><p>Text.</p></article></body></html>`;
    expect(authors(html)).toEqual({ names: ['KaffeeFan'], rule: 'text:date-byline' });
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

describe('copyright notices', () => {
  it('names the holder of a notice in the article, not of the site footer or a photo', () => {
    const html = (notice: string) => `<html><body><article><h1>Filmbüro</h1><p>Text über Filme.</p>${notice}</article>
      <footer><p>© 2020 Lena Ufer</p></footer></body></html>`;
    expect(authors(html('<p>© 2019 Sven Reiher</p>'))).toEqual({ names: ['Sven Reiher'], rule: 'site:copyright-person' });
    expect(authors(html('<figure><img src="a.jpg"><figcaption>© Sven Reiher</figcaption></figure>')).names).toBeUndefined();
    expect(authors(html('<p>© Copyright Filmpost.com</p>')).names).toBeUndefined();
  });

  it('rejects a phrase that opens with a lower-case word as an author name', () => {
    const html = `<html><head><meta name="author" content="deinen Hochzeitsbloggern"></head><body><h1>Lokation</h1><p>Text.</p></body></html>`;
    expect(authors(html).names).toBeUndefined();
    expect(authors(html.replace('deinen Hochzeitsbloggern', 'van der Berg')).names).toEqual(['van der Berg']);
  });
});

describe('organisations in metadata', () => {
  it("lets a magazine named as meta author give way to the person in the visible byline", () => {
    const html = (org: string) => `<html><head><meta name="author" content="${org}"></head><body><article><h1>Winterhechte</h1>
      <div class="author">Ivo Valent</div><p>Text.</p></article></body></html>`;
    expect(authors(html('Auto Illustrierte')).names).toEqual(['Ivo Valent']);
    expect(authors(html('Forum Rundfunk')).names).toEqual(['Ivo Valent']);
    expect(authors(html('Anna Kron')).names).toEqual(['Anna Kron']);
  });
});

describe('bylines with a role', () => {
  it("reads 'Autor: NAME (Role), more about the author'", () => {
    const html = `<html><body><article><h1>Hochzeitslokation</h1><p>Text über die Lokation.</p>
      <p style="text-align: right;"><em>Autor: <a href="/x">Samuel Dieck </a>(Sponsored Post), Redner bei trauung.example</em></p></article></body></html>`;
    expect(authors(html)).toEqual({ names: ['Samuel Dieck'], rule: 'text:byline' });
  });
});

describe('signatures', () => {
  it('reads a right-aligned name under the text when nothing else names anyone', () => {
    const html = (p: string) => `<html><body><table><tr><td><h1>Les 35 heures</h1><p>Texte de l'article.</p>${p}</td></tr></table></body></html>`;
    expect(authors(html('<p align="right"><em><font size="2">Denis Clair</font></em></p>'))).toEqual({ names: ['Denis Clair'], rule: 'text:signature' });
    expect(authors(html('<p align="left"><em>Denis Clair</em></p>')).names).toBeUndefined();
    expect(authors(html('<p style="text-align: right">Lire la suite</p>')).names).toBeUndefined();
  });

  it('does not take an association or a company in a copyright notice for a person', () => {
    const html = (holder: string) => `<html><body><article><h1>Gesundheit</h1><p>Text.</p><p>© 2021 ${holder}</p></article></body></html>`;
    expect(authors(html('AWO Bundesverband')).names).toBeUndefined();
    expect(authors(html('Baran Entertainment')).names).toBeUndefined();
    expect(authors(html('Petra Kohl')).names).toEqual(['Petra Kohl']);
  });
});

describe('source lines', () => {
  it("credits the agency of a 'Quelle:' paragraph over the site's own name, not a byline", () => {
    const html = (byline: string) => `<html><head><meta property="og:site_name" content="kirche.example"><meta name="author" content="kirche.example"></head>
      <body><div class="text"><h1>Kinderbetreuung</h1>${byline}<p>Text.</p><p style="text-align:right;">Quelle: <a href="http://agentur.example">kathagentur</a></p></div>
      <article class="teaser"><p>Weitere Informationen</p></article></body></html>`;
    expect(authors(html(''))).toEqual({ names: ['kathagentur'], rule: 'text:source-line' });
    expect(authors(html('<p class="byline">Von Eva Rand</p>')).names).toEqual(['Eva Rand']);
  });
  it("credits an outlet's address with its desk's initials, not a page address", () => {
    const html = (credit: string) => `<html><body><article><h1>Buchmesse</h1><p>Text.</p><footer><p class="byline">Quelle: ${credit}</p></footer></article></body></html>`;
    expect(authors(html('nordfunk.de/ab'))).toEqual({ names: ['nordfunk.de/ab'], rule: 'text:source-line' });
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

describe('wire credits closing the text', () => {
  const long = 'Der Geheimdienst nahm damals an, dass der Politiker wegen einer Operation wochenlang verschwunden gewesen sei, hieß es.';
  const page = (credit: string, ld = 'Redaktion') => `<html><head><script type="application/ld+json">{"@type":"NewsArticle","author":{"@type":"Person","name":"${ld}"}}</script></head>
    <body><article><h1>Nordkorea</h1><p>${long}</p><p>${long} ${credit}</p><p><em>*Teil eines Netzwerks</em></p></article></body></html>`;
  it("takes '(FR mit dpa)' over a desk name, and keeps a person's name", () => {
    expect(authors(page('(FR mit dpa)'))).toEqual({ names: ['FR mit dpa'], rule: 'text:end-credit' });
    expect(authors(page('(FR mit dpa)', 'Lea Brand')).names).toEqual(['Lea Brand']);
  });
  it('does not read an abbreviation in brackets as a credit', () => {
    expect(authors(page('(CDU/CSU)')).names).toEqual(['Redaktion']);
    expect(authors(page('(EU)')).names).toEqual(['Redaktion']);
  });
});

describe('bylines written as a line between <br>s', () => {
  const long = 'Das Gericht wies die Klage ab, weil der Kläger keine ernsthaften Bemühungen um eine Arbeit nachweisen konnte.';
  it("reads 'Autor: Rechtsanwalt NAME' closing a <br> block, without the profession", () => {
    const html = `<html><body><div class="artikel"><h1>Kein Wohngeld</h1><div class="text">${long}<br><br>Quelle: Rechtsnews<br><br>Autor: <a href="/anwalt/">Rechtsanwalt</a> Jonas Kerber</div></div></body></html>`;
    expect(authors(html)).toEqual({ names: ['Jonas Kerber'], rule: 'text:br-byline' });
  });
  it('reads a short byline paragraph whose dateline after a <br> spoils the whole', () => {
    const html = `<html><body><article><h1>Streit ums Feuerholz</h1><p><strong>MIGRATION – Probleme zwischen Einheimischen und Flüchtlingen</strong></p>
      <p>Von <strong><a href="http://a.example">Rolf Brand</a></strong> und <strong><a href="http://b.example">Sina Drews</a></strong><br><br> Kakuma /Kenia</p><p>${long}</p></article></body></html>`;
    expect(authors(html)).toEqual({ names: ['Rolf Brand', 'Sina Drews'], rule: 'text:br-byline' });
  });
  it("leaves a forum poster's handle before an essay's author quoted in the post", () => {
    const html = `<html><body><div class="post"><p class="author">von <a class="username" href="/memberlist?u=5">r42</a></p>
      <div class="content">Was ist Freie Software?<br> von Georg K. Brandt<br><br>${long} ${long}</div></div></body></html>`;
    expect(authors(html).names).toEqual(['r42']);
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
    expect(authors(page('22.05.2014 - Jana Frost'))).toEqual({ names: ['Jana Frost'], rule: 'text:date-byline' });
    expect(authors(page('22.05.2014 - Gemeinde/ Stadt')).names).toBeUndefined();
  });
});

describe("a wiki's last editor", () => {
  const page = (info: string, byline = '') => `<html><body><div id="page"><h2>Downloading Python</h2>${byline}<p>Before you start, you will need Python on your computer.</p>
    <p id="pageinfo" class="info">${info}</p></div></body></html>`;
  it('names the editor of the page info line when nothing else names anyone', () => {
    expect(authors(page('BeginnersGuide/Download (last edited 2019-11-10 13:28:18 by <span title="x"><a href="/moin/MarkWeber">MarkWeber</a></span>)'))).toEqual({ names: ['MarkWeber'], rule: 'text:last-editor' });
    expect(authors(page('wiki/start.txt · Zuletzt geändert: 2020/05/05 10:00 von anna')).names).toEqual(['anna']);
  });
  it('reads no name from a date alone, and gives way to a byline', () => {
    expect(authors(page('This page was last edited on 5 May 2020, at 10:00.')).names).toBeUndefined();
    expect(authors(page('Download (last edited 2019-11-10 by MarkWeber)', '<p class="byline">By Jo Lenz</p>')).names).toEqual(['Jo Lenz']);
  });
});

describe('speech pages', () => {
  const page = (headline: string, byline = '') => `<html><head><title>Reden | ${headline}</title></head><body><h1>${headline}</h1>${byline}<p>Sehr geehrte Damen und Herren, ...</p></body></html>`;
  it('credits the speaker a speech headline names, after the office', () => {
    expect(authors(page('Rede von Bundespräsidentin Ilse Marten beim Städtetag'))).toEqual({ names: ['Ilse Marten'], rule: 'text:speech-speaker' });
    expect(authors(page('Speech by Prime Minister Jane Holt at the harbour opening')).names).toEqual(['Jane Holt']);
    expect(authors(page('Discours du Président Paul Morel à Lyon')).names).toEqual(['Paul Morel']);
  });
  it('reads no speaker from other headlines, and gives way to a byline', () => {
    expect(authors(page('Rede an die Nation: was bleibt')).names).toBeUndefined();
    expect(authors(page('Rede von Bundespräsidentin Ilse Marten beim Städtetag', '<p class="byline">Von Jo Lenz</p>')).names).toEqual(['Jo Lenz']);
  });
});

describe('the issuer beside the headline', () => {
  it("names the organisation or desk classed as such next to the <h1>, without its expansion", () => {
    const portal = `<html><body><div class="news"><div class="news-publication-info"><span class="news-date">12.12.2022</span> - <span class="news-organization">Lafi (Landesanstalt für Fischerei)</span></div>
      <h1 class="news-title">Neue Messung der Wasserqualität</h1><p>Text.</p></div></body></html>`;
    expect(authors(portal)).toEqual({ names: ['Lafi'], rule: 'html:issuer-class' });
    const desk = `<html><body><section><h1>The phone is here</h1><div class="publish_info"><div class="publisher">Tech Desk Online<span>|</span></div></div><p>Text.</p></section></body></html>`;
    expect(authors(desk).names).toEqual(['Tech Desk Online']);
  });
  it('reads no issuer away from the headline, and gives way to a byline', () => {
    const far = `<html><body><h1>The phone is here</h1><p>Text.</p><p>More text.</p><footer><div class="block"><span class="publisher">Tech Desk Online</span></div></footer></body></html>`;
    expect(authors(far).names).toBeUndefined();
    const signed = `<html><body><section><h1>The phone is here</h1><div class="publish_info"><div class="publisher">Tech Desk Online</div></div><p class="byline">By Jo Lenz</p><p>Text.</p></section></body></html>`;
    expect(authors(signed).names).toEqual(['Jo Lenz']);
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
