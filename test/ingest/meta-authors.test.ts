// Author rules on small pages written for these tests: each case is a byline shape news pages use.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractHtmlMetadata } from '../../src/ingest/html/metadata.js';

function authors(html: string, url: string | null = null) {
  const { fields, provenance } = extractHtmlMetadata(parseHTML(html).document, url);
  return { names: fields.authors, rule: provenance.authors };
}

describe('visible bylines', () => {
  it("reads 'von NAME am DATE' with a user name ending in digits, before a teaser's byline", () => {
    const html = `<html><body><article><h1>Tomaten schneiden</h1>
      <span class="user">von <a href="/user/Karla7.html">Karla7</a> am 20.09.2020</span><p>Text.</p>
      <div class="tip"><span>von </span><span><a href="/user/Other_Team.html">Other_Team</a></span></div></article></body></html>`;
    expect(authors(html)).toEqual({ names: ['Karla7'], rule: 'text:byline' });
  });
});
