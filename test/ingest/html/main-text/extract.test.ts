// Main-text extraction on pages written for these tests: the body stays, page chrome goes, and
// captions, related links, share lines and promos are set aside as boilerplate.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractMainText } from '../../../../src/ingest/html/main-text/extract.js';
import { repairFrame } from '../../../../src/ingest/html/frame.js';
import { extractHtml, parsePage } from '../../../../src/ingest/html/index.js';

const BODY = [
  'The river ferry between the two harbour towns will stop running for six weeks from March, the operating company said on Tuesday, while its only vessel is refitted.',
  'Commuters who rely on the crossing, about four hundred people a day according to the company, will be offered a replacement bus that takes the long road around the bay.',
  'Local shopkeepers said the closure, which falls in the quiet season, would still hurt trade, and asked the council to shorten the works.',
];

function page(inner: string): Document {
  return parseHTML(`<!doctype html><html><head><title>Ferry halted</title>
<script>window.tracking = { page: "article" };</script><style>p { color: black }</style></head>
<body>
<header class="site-header"><a href="/">Harbour Gazette</a></header>
<nav class="main-nav"><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li></ul></nav>
<div class="layout">
  ${inner}
  <aside class="sidebar"><h3>Most read</h3><ul><li><a href="/a">Lighthouse keeper retires after forty years on the rock</a></li></ul></aside>
</div>
<footer class="site-footer"><p>Copyright Harbour Gazette. All rights reserved. Terms and privacy policy apply to this site.</p></footer>
</body></html>`).document as unknown as Document;
}

const ARTICLE = `<article class="story">
  <h1>Ferry service halted for repairs</h1>
  <div class="share-tools"><a href="#">Share on Facebook</a> <a href="#">Tweet</a> <a href="#">Email</a></div>
  <figure><img src="ferry.jpg" alt=""><figcaption class="caption">The ferry at its berth last summer. Photo: Gazette staff</figcaption></figure>
  <div class="article-body">
    <p>${BODY[0]}</p>
    <p>${BODY[1]}</p>
    <div class="related-links"><h4>Related</h4><ul><li><a href="/b">Bay road to close for resurfacing in spring</a></li><li><a href="/c">Council approves new bus timetable</a></li></ul></div>
    <p>${BODY[2]}</p>
    <div class="newsletter-signup"><p>Get the morning briefing: sign up for our daily newsletter.</p></div>
  </div>
</article>`;

describe('extractMainText', () => {
  it('keeps the three body paragraphs, in order, separated by blank lines', () => {
    const main = extractMainText(page(ARTICLE), { url: 'https://gazette.example/ferry' });
    expect(main.text).toBe(BODY.join('\n\n'));
  });

  it('leaves out navigation, footer, share buttons, caption, related links and promos', () => {
    const { text } = extractMainText(page(ARTICLE), { url: null });
    for (const chrome of ['Sport', 'Copyright', 'Share on Facebook', 'Tweet', 'berth last summer', 'Bay road', 'Most read', 'newsletter', 'Ferry service halted', 'tracking']) {
      expect(text, chrome).not.toContain(chrome);
    }
  });

  it('sets aside the caption, related links, share line and promo as typed boilerplate', () => {
    const { boilerplate } = extractMainText(page(ARTICLE), { url: null });
    const kinds = (kind: string) => boilerplate.filter((b) => b.kind === kind).map((b) => b.text).join(' | ');
    expect(kinds('photo-caption')).toContain('The ferry at its berth last summer');
    expect(kinds('related-link')).toContain('Bay road to close for resurfacing');
    expect(kinds('share-line')).toContain('Share on Facebook');
    expect(kinds('newsletter-promo')).toContain('daily newsletter');
  });

  it('finds the body without article markup, keeping headings and list items as paragraphs', () => {
    const inner = `<div id="main"><div class="col">
      <p>${BODY[0]}</p><h2>What changes for commuters</h2><p>${BODY[1]}</p>
      <ul><li>Buses leave every twenty minutes from the harbour square.</li><li>Season tickets for the ferry remain valid on the bus.</li></ul>
      <p>${BODY[2]}</p></div></div>`;
    const paragraphs = extractMainText(page(inner), { url: null }).text.split('\n\n');
    expect(paragraphs).toEqual([
      BODY[0],
      'What changes for commuters',
      BODY[1],
      'Buses leave every twenty minutes from the harbour square.',
      'Season tickets for the ferry remain valid on the bus.',
      BODY[2],
    ]);
  });

  it('normalises whitespace inside blocks and splits on double line breaks', () => {
    const inner = `<div class="post-content"><div>${BODY[0]}<br><br>  ${BODY[1]!.replace(/ /g, ' \n  ')}<br/><br/>${BODY[2]}</div></div>`;
    expect(extractMainText(page(inner), { url: null }).text).toBe(BODY.join('\n\n'));
  });

  it('falls back to the JSON-LD articleBody when the markup holds no text', () => {
    const ld = JSON.stringify({ '@type': 'NewsArticle', headline: 'Ferry halted', articleBody: BODY.join('\n\n') });
    const doc = parseHTML(`<html><head><script type="application/ld+json">${ld}</script></head><body><div id="app"></div></body></html>`).document as unknown as Document;
    const main = extractMainText(doc, { url: null });
    expect(main.text).toBe(BODY.join('\n\n'));
    expect(main.rule).toBe('main-text:jsonld');
  });

  it('finds the text when broken markup leaves document.body empty', () => {
    const paras = BODY.map((p) => `<p>${p}</p>`).join('');
    // A server warning printed before the doctype, and a page whose <html> tag is missing.
    const warned = `<br />\n<b>Warning</b>: cache unavailable on line <b>12</b><br />\n<!DOCTYPE html><html><head><title>T</title></head><body><div class="post">${paras}</div></body></html>`;
    const headless = `<!DOCTYPE html><head><title>T</title><meta charset="utf-8"></head><body><div class="post">${paras}</div></body>`;
    for (const html of [warned, headless]) {
      const doc = parseHTML(html).document as unknown as Document;
      expect(extractMainText(doc, { url: null }).text).toBe(BODY.join('\n\n'));
    }
  });

  it('joins a body split into chunks of the same class around an ad slot, and keeps an embedded post', () => {
    const inner = `<article><div class="chunks">
      <div class="grid"><div class="article-body">${`<p>${BODY[0]}</p>`}</div></div>
      <div class="ad-slot"><p>Advertisement from a sponsor about cheap harbour cruises all year round.</p></div>
      <div class="grid"><div class="article-body"><p>${BODY[1]}</p>
        <div class="social-embed"><blockquote class="twitter-tweet"><p>The ferry is the only sane way to cross the bay, and six weeks without it will be long.</p></blockquote></div>
        <p>${BODY[2]}</p></div></div>
    </div></article>`;
    const { text } = extractMainText(page(inner), { url: null });
    expect(text.split('\n\n')).toEqual([BODY[0], BODY[1], 'The ferry is the only sane way to cross the bay, and six weeks without it will be long.', BODY[2]]);
  });

  it('keeps the lead paragraph of an article header, but not the slogan of a site header', () => {
    const lead = 'Six weeks without the only crossing of the bay: the refit of the ferry leaves four hundred commuters on a long bus ride.';
    const inner = `<article><header class="entry-header"><h1>Ferry halted</h1><p>${lead}</p><p class="meta">12 March</p></header>
      <div class="entry-body">${BODY.map((p) => `<p>${p}</p>`).join('')}</div></article>`;
    const paragraphs = extractMainText(page(inner), { url: null }).text.split('\n\n');
    expect(paragraphs).toEqual([lead, ...BODY]);
    const slogan = `<header class="masthead"><p>News, sport and weather from the two harbour towns, every day since 1921.</p></header>`;
    expect(extractMainText(page(`${slogan}<div class="entry-body">${BODY.map((p) => `<p>${p}</p>`).join('')}</div>`), { url: null }).text).toBe(BODY.join('\n\n'));
  });

  it('keeps the description inside a shop product form, and drops a form without prose', () => {
    // The side box's text (pruned by tag) makes the form less than half of the page's prose.
    const menu = `<aside><p>${BODY.join(' ')}</p></aside>`;
    const inner = `${menu}<form class="product-form"><h2>Wool blanket</h2><p>${BODY[0]}</p><p>${BODY[1]}</p><input type="number" name="qty"><button>Add to cart</button></form>
      <form class="search"><label>Search the site for stories and pictures</label><input name="q"></form>`;
    const { text } = extractMainText(page(inner), { url: null });
    expect(text).toContain(BODY[1]);
    expect(text).not.toContain('Search the site');
  });

  it('sets aside captions named in German or as image descriptions', () => {
    const inner = `<div class="entry-content"><p>${BODY[0]}</p><div class="bildunterschrift">Die Fähre im Hafen, fotografiert im Sommer vom Steg aus.</div>
      <p class="imagedescription">The ferry at the pier, seen from the harbour wall last summer.</p><p>${BODY[1]}</p></div>`;
    const main = extractMainText(page(inner), { url: null });
    expect(main.text).toBe(`${BODY[0]}\n\n${BODY[1]}`);
    expect(main.boilerplate.filter((b) => b.kind === 'photo-caption')).toHaveLength(2);
  });

  it('drops a caption line that ends in its photo credit', () => {
    const inner = `<div class="entry-content"><p>${BODY[0]}</p><p>The mayor at the pier, photo: Harbour Gazette archive</p><p>${BODY[1]}</p></div>`;
    expect(extractMainText(page(inner), { url: null }).text).toBe(`${BODY[0]}\n\n${BODY[1]}`);
  });

  it('drops advertising disclosures and the consent placeholders of blocked embeds', () => {
    const lines = [
      'Note: the links marked with a star are affiliate links; we earn a small share when you buy.',
      'Wir respektieren Ihre Privatsphäre: ohne Ihre Zustimmung laden wir keine Inhalte von YouTube.',
      'This embed from Instagram is blocked. Give your consent to load content from this third party.',
    ];
    const inner = `<div class="entry-content"><p>${BODY[0]}</p>${lines.map((l) => `<p>${l}</p>`).join('')}<p>${BODY[1]}</p></div>`;
    expect(extractMainText(page(inner), { url: null }).text).toBe(`${BODY[0]}\n\n${BODY[1]}`);
  });

  it('drops subscription prompts and messenger-channel invitations in other languages', () => {
    const lines = ['¡Suscríbete a nuestro boletín y recibe las noticias del puerto cada mañana!', 'Zapraszamy też do subskrypcji naszego tygodnika.', 'Folge unserem Kanal auf WhatsApp für alle Neuigkeiten aus dem Hafen.'];
    const inner = `<div class="entry-content"><p>${BODY[0]}</p>${lines.map((l) => `<p>${l}</p>`).join('')}<p>${BODY[1]}</p></div>`;
    const main = extractMainText(page(inner), { url: null });
    expect(main.text).toBe(`${BODY[0]}\n\n${BODY[1]}`);
    expect(main.boilerplate.filter((b) => b.kind === 'newsletter-promo')).toHaveLength(3);
  });

  it('tries again without class-name pruning when the names emptied the page', () => {
    // 'has-ads' says the section holds ad slots, but the ad rule reads it as an ad.
    // The side box (pruned by tag) makes the section less than half of the page's prose.
    const inner = `<aside><p>${BODY.join(' ')}</p></aside><section class="o-section o-section--has-ads"><div class="c-article-copy">${BODY.map((p) => `<p>${p}</p>`).join('')}</div></section>`;
    const main = extractMainText(page(inner), { url: null });
    expect(main.text).toBe(BODY.join('\n\n'));
    expect(main.rule).toMatch(/\+unnamed$/);
    // A short page whose class names removed little keeps its first reading.
    const short = extractMainText(page(`<div class="entry-content"><p>${BODY[0]}</p></div><div class="share-bar"><a href="#">Share</a></div>`), { url: null });
    expect(short.text).toBe(BODY[0]);
    expect(short.rule).not.toMatch(/unnamed/);
  });

  it('drops soft hyphens, which only hint where a browser may break a word', () => {
    const hinted = BODY.map((p) => `<p>${p.replace(/ferry/g, 'fer&shy;ry').replace(/company/g, 'com\u00adpany')}</p>`).join('');
    expect(extractMainText(page(`<div class="entry-content">${hinted}</div>`), { url: null }).text).toBe(BODY.join('\n\n'));
  });

  it('returns the text in Unicode NFC, whatever mix of composed forms the page uses', () => {
    const decomposed = 'Le cafe\u0301 du port rouvrira apre\u0300s les travaux du quai, annonce la mairie, qui pre\u0301voit une fe\u0302te en juin.';
    const { text } = extractMainText(page(`<div class="entry-content"><p>${decomposed}</p><p>${BODY[0]}</p></div>`), { url: null });
    expect(text.split('\n\n')[0]).toBe('Le café du port rouvrira après les travaux du quai, annonce la mairie, qui prévoit une fête en juin.');
  });

  it('leaves out a server error message printed into the page', () => {
    const warning = 'Warning: Undefined variable $layout in /var/www/site/templates/article.php on line 48';
    const inner = `<div class="entry-content"><p>${BODY[0]}</p><p>${warning}</p><p>${BODY[1]}</p></div>`;
    expect(extractMainText(page(inner), { url: null }).text).toBe(`${BODY[0]}\n\n${BODY[1]}`);
  });

  it('takes the paragraphs around a short standfirst box when they hold more prose than the box', () => {
    const intro = 'The harbour towns lose their ferry for six weeks this spring.';
    const links = Array.from({ length: 6 }, (_, i) => `<li><a href="/s${i}">Another story about the harbour and its boats, number ${i}</a></li>`).join('');
    const inner = `<div class="s-content"><div class="c-intro"><div class="c-intro__text"><p>${intro}</p></div><span class="x"></span></div>
      ${BODY.map((p) => `<p>${p}</p>`).join('')}<div class="c-linklist"><ul>${links}</ul></div></div>`;
    const paragraphs = extractMainText(page(inner), { url: null }).text.split('\n\n');
    expect(paragraphs).toEqual([intro, ...BODY]);
  });

  it('drops breadcrumb trails named by a crumbs class', () => {
    const inner = `<div class="td-crumb-container"><div class="entry-crumbs"><a href="/">Home</a> <span>News: the ferry between the two harbour towns stops for six weeks</span></div></div>
      <div class="col"><div class="wpb_wrapper">${BODY.map((p) => `<p>${p}</p>`).join('')}</div></div>`;
    expect(extractMainText(page(inner), { url: null }).text).toBe(BODY.join('\n\n'));
  });

  it('does not let a long comma-separated list of names outscore the prose above it', () => {
    const names = Array.from({ length: 40 }, (_, i) => `Signer ${String.fromCharCode(65 + (i % 26))}. Person${i}, town ${i}`).join(', ');
    const inner = `<div class="col"><div class="letter">${BODY.map((p) => `<p>${p}</p>`).join('')}
      <table><tbody><tr><td>${names}</td></tr><tr><td>*</td></tr></tbody></table></div></div>`;
    const paragraphs = extractMainText(page(inner), { url: null }).text.split('\n\n');
    expect(paragraphs.slice(0, 3)).toEqual(BODY);
  });
});

describe('the document frame of broken markup', () => {
  const paras = BODY.map((p) => `<p>${p}</p>`).join('');
  const byline = '<p class="byline">By Ruth Olsen</p>';
  const frame = (doc: Document) => Array.from(doc.documentElement.children).map((e) => e.tagName).join(' ');
  const cases: Record<string, string> = {
    // A script between </head> and <body>: linkedom's document.body would be a new, empty element.
    'script between head and body': `<!DOCTYPE html><html><head><title>T</title></head><script>var a = 1;</script><body><article>${byline}${paras}</article></body></html>`,
    // A second <html> from conditional comments done wrong nests inside the first.
    'nested html': `<!DOCTYPE html><html lang="en"><html class="no-js"><head><title>T</title></head><div class="top">Harbour Gazette</div><body><article>${byline}${paras}</article></body></html></html>`,
    // A head that never closes holds the whole page.
    'unclosed head': `<!DOCTYPE html><html><head><title>T</title><meta charset="utf-8"><div class="page"><article>${byline}${paras}</article></div></html>`,
    // No <html> at all: linkedom would make <head> the root.
    'missing html': `<!DOCTYPE html><head><title>T</title></head><body><article>${byline}${paras}</article></body>`,
  };
  for (const [name, html] of Object.entries(cases)) {
    it(`rebuilds html > head + body (${name}) so the body and its byline are found`, () => {
      const doc = parsePage(html);
      expect(frame(doc)).toBe('HEAD BODY');
      expect(doc.body.textContent).toContain(BODY[2]);
      const article = extractHtml(html, { kind: 'file', location: 'test.html' });
      expect(article.authors).toEqual(['Ruth Olsen']);
      expect(article.text).toBe(BODY.join('\n\n'));
    });
  }

  it('leaves a sound frame as it is', () => {
    const doc = parsePage(`<html><head><title>T</title></head><body>${paras}</body></html>`);
    expect(repairFrame(doc)).toBe(false);
    expect(frame(doc)).toBe('HEAD BODY');
  });
});
