// A hostile article (markup, script links, table pipes, newlines in its title and outlet, spreadsheet
// formulas) taken from a JSON lines dump through analysis to every output format: each output must be
// well-formed and inert when rendered or parsed by a real parser.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { parseHTML } from 'linkedom';
import { XMLValidator } from 'fast-xml-parser';
import { openStore } from '../../src/store/sqlite/sqlite-store.js';
import { analysePending } from '../../src/pipeline/analyse-store.js';
import { defaultAnalyzer } from '../../src/pipeline/components.js';
import { ingestInto } from '../../src/pipeline/ingest.js';
import { updateStories } from '../../src/pipeline/stories.js';
import { buildStoryView } from '../../src/views/build-view.js';
import { renderReport } from '../../src/views/report.js';
import type { StoryView } from '../../src/views/view.js';
import { CSV_COLUMNS, GDELT_COLUMNS, eventsToCsv, eventsToGdelt, exportContext } from '../../src/views/events-table.js';
import { buildNetwork, networkToGraphml } from '../../src/views/graph.js';
import type { StoredEvent } from '../../src/store/store.js';
import { tempDir } from '../helpers.js';

const EVIL = '<script>alert(1)</script> <img src=x onerror=alert(2)> [click](javascript:alert(3)) | pipe &amp; **bold**';
const record = (i: number) => ({
  id: `evil-${i}`,
  title: `Iran condemns Israel ${i}\n# Injected heading\n<script>alert(${i})</script> | cell`,
  outlet: `Evil Outlet ${i}\n## Injected outlet | x`,
  url: i === 1 ? 'javascript:alert(4)' : `https://example.com/a?q=<x>&r=(y) ${i}`,
  published: '2021-03-0' + (i + 1),
  text:
    `=HYPERLINK("http://evil.example") Iran condemned Israel on Monday after the strike near Tehran. ${EVIL} ` +
    `"We will answer this | [now](javascript:alert(5)) <b>today</b>," said Ali Rezaei, the foreign minister of Iran. ` +
    (i === 1
      ? `Israel accused Iran of attacking a ship in the Gulf on Sunday. Iran condemned Israel again on Tuesday.`
      : `The navy of Israel said a tanker was hit near the coast. Officials in Jerusalem blamed Tehran and promised a response within days.`),
});

let store: ReturnType<typeof openStore>;
let view: StoryView;
let events: StoredEvent[];
const t = tempDir('dossier-hostile-');

beforeAll(async () => {
  const file = join(t.dir, 'evil.jsonl');
  writeFileSync(file, [1, 2].map((i) => JSON.stringify(record(i))).join('\n') + '\n');
  store = openStore(join(t.dir, 'evil.db'));
  await ingestInto(store, [file]);
  await analysePending(store, defaultAnalyzer());
  await updateStories(store);
  const topic = (await store.listStories('topic')).find((s) => s.articleIds.length === 2) ?? (await store.listStories('topic'))[0]!;
  view = (await buildStoryView(store, topic.id))!;
  events = await store.queryEvents({});
});
afterAll(async () => {
  await store.close();
  t.cleanup();
});

/** Links a document may hold: http(s) URLs, and anchors to its own sources list. */
function expectOnlySafeLinks(hrefs: string[]): void {
  for (const h of hrefs) expect(h, h).toMatch(/^(https?:\/\/|#source-\d+$)/);
}

describe('a hostile article through every output', () => {
  it('reaches the outputs (the checks below look at real hostile text)', async () => {
    expect(await store.countArticles()).toBe(2);
    expect(renderReport(view, 'json')).toContain('<script>alert(1)</script>');
    expect(events.length).toBeGreaterThan(0);
  });

  it('Markdown: rendered by a CommonMark/GFM parser, no markup, no script links, headings and tables intact', async () => {
    const md = renderReport(view, 'md');
    const html = new MarkdownIt({ html: true, linkify: true }).render(md);
    const { document } = parseHTML(`<html><body>${html}</body></html>`);
    expect(document.querySelectorAll('script, img, b, iframe')).toHaveLength(0);
    expect([...document.querySelectorAll('*')].flatMap((e) => e.getAttributeNames().filter((a) => a.startsWith('on')))).toEqual([]);
    expectOnlySafeLinks([...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href') ?? ''));
    // The only headings are the report's own; the injected ones stay text.
    const headings = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => h.textContent ?? '');
    expect(headings.filter((h) => /Injected/.test(h) && !/Iran/.test(h))).toEqual([]);
    expect(md).toContain('Injected heading');
    // Every table row has as many cells as its header.
    for (const table of document.querySelectorAll('table')) {
      const widths = [...table.querySelectorAll('tr')].map((r) => r.querySelectorAll('th, td').length);
      expect(new Set(widths).size, widths.join(',')).toBe(1);
    }
    // Citations name the store's ids and point at entries of the sources list that exist.
    const anchors = new Set([...document.querySelectorAll('a[id]')].map((a) => a.getAttribute('id')));
    for (const a of document.querySelectorAll('a[href^="#"]')) expect(anchors.has(a.getAttribute('href')!.slice(1))).toBe(true);
    expect(md).toContain(`#source-${view.articles[0]!.id}`);
  });

  it('HTML: no markup from the article, only http(s) links, and the source URL linked', async () => {
    const html = renderReport(view, 'html');
    const { document } = parseHTML(html);
    expect(document.querySelectorAll('script, img, b, iframe')).toHaveLength(0);
    expect([...document.querySelectorAll('*')].flatMap((e) => e.getAttributeNames().filter((a) => a.startsWith('on')))).toEqual([]);
    const hrefs = [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href') ?? '');
    expectOnlySafeLinks(hrefs);
    expect(hrefs.some((h) => h.startsWith('https://example.com/a?q='))).toBe(true);
    expect(html).not.toContain('javascript:alert(4)"');
    expect(document.body.textContent).toContain('Injected heading');
    // As in markdown: the injected lines stay inside the heading that carries the title, none is a heading of its own.
    expect([...document.querySelectorAll('h1, h2, h3, h4')].map((h) => h.textContent ?? '').filter((h) => /Injected/.test(h) && !/Iran/.test(h))).toEqual([]);
  });

  it('JSON: parses back to the same text', async () => {
    const back = JSON.parse(renderReport(view, 'json')) as StoryView;
    expect(back.articles.map((a) => a.title)).toEqual(view.articles.map((a) => a.title));
  });

  it('CSV: one record per event with every column, and no cell a spreadsheet would run', async () => {
    const csv = eventsToCsv(events);
    const rows = parseCsv(csv);
    expect(rows).toHaveLength(events.length + 1);
    for (const r of rows) expect(r).toHaveLength(CSV_COLUMNS.length);
    for (const cell of rows.flat()) expect(cell, cell).not.toMatch(/^([=+@\t\r]|-(?!\d+(\.\d+)?$))/);
  });

  it('GDELT: one line per event with all 61 columns', async () => {
    const urls = await exportContext(store, events);
    const tsv = eventsToGdelt(events, { articleUrl: urls.articleUrl, entityName: () => EVIL });
    const lines = tsv.trimEnd().split('\n');
    expect(lines).toHaveLength(events.length);
    for (const l of lines) expect(l.split('\t')).toHaveLength(GDELT_COLUMNS.length);
  });

  it('GraphML: valid XML whatever the labels hold', async () => {
    const net = buildNetwork([
      ...events.map((e) => ({ ...e, sourceLabel: EVIL, targetLabel: `${EVIL}\u0001\u000b"'` })),
      { source: '<A&"', target: "B'\u0000", goldstein: 1, quad: 1, date: null, sourceLabel: EVIL, targetLabel: null },
    ]);
    const xml = networkToGraphml(net);
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).not.toContain('<script');
    // XML 1.0 allows no control characters but tab, newline and carriage return, even escaped.
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
  });
});

/** RFC 4180 records: quoted fields may hold commas, quotes and newlines. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  return rows;
}
