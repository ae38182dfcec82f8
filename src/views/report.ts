// A self-contained report of one story in Markdown, HTML (no external assets) or JSON:
// summary, timeline, actors, outlet comparison, quotes and sources, every line citing its articles.
import pluralize from 'pluralize';
import type { StoryView } from './view.js';
import type { Comparison } from '../stories/compare.js';
import type { TimelineEntry } from '../stories/timeline.js';
import { markdownInlineToHtml, mdText, mdUrl, tableCells } from './markdown.js';

export type ReportFormat = 'md' | 'html' | 'json';

function dateRange(start: string | null, end: string | null): string {
  if (!start && !end) return 'date unknown';
  if (!start || !end || start === end) return (start ?? `before ${end}`).slice(0, 10);
  return `${start.slice(0, 10)} – ${end.slice(0, 10)}`;
}

/** A topic's range spans its dated happenings only: say how many it leaves out. */
function undatedNote(v: StoryView): string {
  const undated = v.events.filter((e) => !e.dateStart && !e.dateEnd).length;
  if (undated === 0) return '';
  return undated === v.events.length ? ` · no happening dated` : ` (dated happenings only; ${undated} of ${v.events.length} happenings undated)`;
}

/** Citations by the store's article ids, each a link to its entry in the sources list. */
function cite(_view: StoryView, ids: number[]): string {
  return ids.map((id) => `[\\[${id}\\]](#source-${id})`).join('');
}

/** How a reader knows an article: its outlet, else its headline (shortened), else its opening words, else the input's id. */
function articleLabel(view: StoryView, id: number): string {
  const a = view.articles.find((x) => x.id === id);
  if (!a) return `article ${id}`;
  if (a.outlet) return mdText(a.outlet);
  if (a.title) return `“${mdText(a.title.length > 60 ? `${a.title.slice(0, 59).trimEnd()}…` : a.title)}”`;
  if (a.lead) return `“${mdText(a.lead)}”`;
  return mdText(a.externalId ?? `article ${id}`);
}

type Conflicts = Comparison['conflicts'];

function variantKey(n: Conflicts['nameVariants'][number]): string {
  return `${n.entity}|${n.forms.map((f) => f.form).sort().join('|')}`;
}

function hasConflicts(k: Conflicts): boolean {
  return k.numbers.length + k.nameVariants.length + k.quoteVariants.length + k.contradictions.length > 0;
}

/** What several outlets share and what only one has. */
function comparisonLines(v: StoryView, c: Comparison, out: string[]): void {
  out.push('Shared by several outlets:', '');
  for (const f of c.shared) out.push(`- ${mdText(f.what)} ${cite(v, f.articles)}`);
  if (!c.shared.length) out.push('- nothing the outlets share');
  for (const a of c.articles) {
    const only = c.only[a.articleId] ?? [];
    if (!only.length) continue;
    out.push('', `Only ${articleLabel(v, a.articleId)} ${cite(v, [a.articleId])}:`, '');
    for (const f of only) out.push(`- ${mdText(f.what)}`);
  }
  if (v.eventComparisons.length && hasConflicts(c.conflicts)) {
    out.push('', 'Differences:', '');
    conflictLines(v, { ...c.conflicts, contradictions: [] }, out);
  }
}

/** Numbers, spellings and quote wordings that differ, and statements that contradict each other. */
function conflictLines(v: StoryView, k: Conflicts, out: string[]): void {
  for (const n of k.numbers) out.push(`- ${mdText(n.what)}: ${n.values.map((x) => `${mdText(x.text)} ${cite(v, [x.articleId])}`).join(' vs ')}`);
  for (const n of k.nameVariants) out.push(`- ${mdText(n.entity)} spelled ${n.forms.map((f) => `“${mdText(f.form)}” ${cite(v, f.articles)}`).join(', ')}`);
  for (const q of k.quoteVariants) out.push(`- ${mdText(q.speaker ?? 'one speaker')} quoted as ${q.wordings.map((w) => `“${mdText(w.text)}” ${cite(v, [w.articleId])}`).join(' and ')}`);
  for (const x of k.contradictions) out.push(`- ${mdText(x.what)}: ${x.sides.map((s) => `“${mdText(s.text)}” (${mdText(s.field)}) ${cite(v, [s.articleId])}`).join(' vs ')}`);
}

export function reportMarkdown(v: StoryView): string {
  const out: string[] = [];
  out.push(`# ${mdText(v.headline)}`, '');
  out.push(`${v.level === 'topic' ? 'Topic' : 'Event'} story ${v.id} · ${pluralize('article', v.articles.length, true)} · ${dateRange(v.dateStart, v.dateEnd)}${undatedNote(v)}`, '');
  if (v.events.length) {
    out.push('## Events', '');
    for (const e of v.events) out.push(`- **${mdText(e.headline)}** (${dateRange(e.dateStart, e.dateEnd)}) ${cite(v, e.articleIds)}`);
    out.push('');
  }
  out.push('## Summary', '');
  for (const s of v.summary) out.push(`- ${mdText(s.text)} ${cite(v, [s.articleId, ...s.alsoIn])}`);
  out.push('', '## Timeline', '');
  const entryLine = (e: TimelineEntry) =>
    `- ${e.date ?? (e.dateEnd ? `before ${e.dateEnd.slice(0, 10)}` : 'undated')}${e.uncertain ? ' (uncertain)' : ''}${e.disputed ? ' (disputed)' : ''}: ${mdText(e.headline)} ${cite(v, [...new Set(e.reports.map((r) => r.articleId))])}`;
  if (v.events.length > 1) {
    // A topic's timeline, one section per happening in the order of the events above.
    const placed = new Set<TimelineEntry>();
    for (const ev of v.events) {
      const mine = v.timeline.entries.filter((e) => e.happening === ev.id);
      if (!mine.length) continue;
      out.push(`### ${mdText(ev.headline)} (${dateRange(ev.dateStart, ev.dateEnd)})`, '');
      for (const e of mine) {
        out.push(entryLine(e));
        placed.add(e);
      }
      out.push('');
    }
    const rest = v.timeline.entries.filter((e) => !placed.has(e));
    if (rest.length) out.push('### Other reports', '', ...rest.map(entryLine));
  } else for (const e of v.timeline.entries) out.push(entryLine(e));
  if (v.timeline.background.length) {
    out.push('', 'Background:', '');
    for (const e of v.timeline.background) out.push(`- ${mdText(e.headline)} ${cite(v, [...new Set(e.reports.map((r) => r.articleId))])}`);
  }
  out.push('', '## Actors', '', '| from | to | events | cooperation | conflict | Goldstein |', '|---|---|---|---|---|---|');
  // Actors by name, with the code that groups them (several names can share one code).
  const labels = new Map(v.network.nodes.map((n) => [n.id, n.label]));
  const actor = (code: string) => {
    const label = labels.get(code);
    return mdText(label && label !== code && !label.endsWith(`(${code})`) ? `${label} (${code})` : (label ?? code));
  };
  for (const e of v.network.edges) out.push(`| ${actor(e.source)} | ${actor(e.target)} | ${e.events} | ${e.cooperation} | ${e.conflict} | ${e.goldstein} |`);
  const c = v.comparison;
  out.push('', '## How the outlets told it', '');
  if (v.eventComparisons.length) {
    // A topic: outlets compared on each happening, then what holds across the topic.
    for (const e of v.eventComparisons) {
      out.push(`### ${mdText(e.headline)} ${cite(v, e.articleIds)}`, '');
      comparisonLines(v, e.comparison, out);
      out.push('');
    }
    // Across the topic: spellings not already told within one happening, and contradictions.
    const told = new Set(v.eventComparisons.flatMap((e) => e.comparison.conflicts.nameVariants.map(variantKey)));
    const across = { ...c.conflicts, numbers: [], quoteVariants: [], nameVariants: c.conflicts.nameVariants.filter((n) => !told.has(variantKey(n))) };
    if (hasConflicts(across)) {
      out.push('### Across the topic', '');
      conflictLines(v, across, out);
    }
  } else {
    comparisonLines(v, c, out);
    if (hasConflicts(c.conflicts)) out.push('', '### Differences and contradictions', '');
    conflictLines(v, c.conflicts, out);
  }
  out.push('', '### Loaded words', '', '| outlet | own voice | inside quotations |', '|---|---|---|');
  for (const a of c.articles) {
    const l = c.loadedTerms[a.articleId];
    if (l) out.push(`| ${articleLabel(v, a.articleId)} ${cite(v, [a.articleId])} | ${mdText(l.own.join(', '))} | ${mdText(l.quoted.join(', '))} |`);
  }
  out.push('', '## Quotes', '');
  for (const q of v.quotes) out.push(`- ${mdText(q.speaker ?? 'unattributed')}${q.via ? ` (via ${mdText(q.via)})` : ''}: “${mdText(q.text)}” ${cite(v, [q.articleId])}`);
  out.push('', '## Sources', '');
  // One entry per article under its store id, the anchor its citations link to.
  for (const a of v.articles) {
    const date = a.published ?? (a.inferred ? `${a.inferred.value} (inferred: ${a.inferred.evidence})` : 'date unknown');
    const name = a.title ?? (a.lead ? `“${a.lead}”` : null) ?? a.externalId ?? `article ${a.id}`;
    out.push(`- <a id="source-${a.id}"></a>**\\[${a.id}\\]** ${mdText(name)} — ${mdText(a.outlet ?? 'outlet unknown')}, ${mdText(date)}${a.url ? ` — ${mdUrl(a.url)}` : ''}`);
  }
  return `${out.join('\n')}\n`;
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** HTML from the Markdown lines: headings, lists, tables and paragraphs, with inline styles only. */
export function reportHtml(v: StoryView): string {
  const md = reportMarkdown(v).split('\n');
  const body: string[] = [];
  let list: 'ul' | 'ol' | null = null;
  let table = false;
  const close = () => {
    if (list) body.push(`</${list}>`);
    if (table) body.push('</table>');
    list = null;
    table = false;
  };
  const inline = markdownInlineToHtml;
  for (const line of md) {
    let m: RegExpExecArray | null;
    if ((m = /^(#{1,3}) (.*)$/.exec(line))) {
      close();
      body.push(`<h${m[1]!.length}>${inline(m[2]!)}</h${m[1]!.length}>`);
    } else if ((m = /^- (.*)$/.exec(line))) {
      if (list !== 'ul') {
        close();
        body.push('<ul>');
        list = 'ul';
      }
      body.push(`<li>${inline(m[1]!)}</li>`);
    } else if ((m = /^\d+\. (.*)$/.exec(line))) {
      if (list !== 'ol') {
        close();
        body.push('<ol>');
        list = 'ol';
      }
      body.push(`<li>${inline(m[1]!)}</li>`);
    } else if (line.startsWith('|')) {
      if (/^\|(-+\|)+$/.test(line)) continue;
      const cells = tableCells(line);
      if (!table) {
        close();
        body.push('<table>');
        table = true;
        body.push(`<tr>${cells.map((c) => `<th>${inline(c)}</th>`).join('')}</tr>`);
      } else body.push(`<tr>${cells.map((c) => `<td>${inline(c)}</td>`).join('')}</tr>`);
    } else if (line.trim() === '') {
      close();
    } else {
      close();
      body.push(`<p>${inline(line)}</p>`);
    }
  }
  close();
  const style =
    'body{font-family:Georgia,serif;max-width:52em;margin:2em auto;padding:0 1em;line-height:1.45;color:#222}' +
    'h1,h2,h3{font-family:Helvetica,Arial,sans-serif}table{border-collapse:collapse;margin:.5em 0}' +
    'td,th{border:1px solid #ccc;padding:.25em .5em;vertical-align:top;text-align:left}th{background:#f3f3f3}';
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${esc(v.headline)}</title><style>${style}</style></head>\n<body>\n${body.join('\n')}\n</body></html>\n`;
}

export function renderReport(v: StoryView, format: ReportFormat): string {
  if (format === 'json') return `${JSON.stringify(v, null, 2)}\n`;
  return format === 'html' ? reportHtml(v) : reportMarkdown(v);
}
