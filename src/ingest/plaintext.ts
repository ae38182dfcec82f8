// Plain-text article -> clean article. A text file may open with a `date YYYY-MM-DD` line, a
// headline and a dek, a byline, and a dateline; it may carry in-text boilerplate (promos, related
// links, captions, credits) and close with credit and source lines. Each is recognised by its
// shape, removed from the body, and turned into metadata with the rule that found it.
import { basename } from 'node:path';
import { emptyArticle, type BoilerplateItem, type DateValue, type ExtractedArticle, type SourceRef } from '../doc/article.js';
import { endsAsSentence, matchLine, removeBoilerplate } from './boilerplate.js';
import { parseByline, parseCreditLine, parseSourceLine, splitDateline } from './byline.js';
import { parseDateValue } from './date-value.js';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_RE = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?';
const ISO_DAY = '\\d{4}-\\d{2}-\\d{2}(?:[T ]\\d{2}:\\d{2}(?::\\d{2})?(?:Z|[+-]\\d{2}:?\\d{2})?)?';
const PROSE_DAY = `${MONTH_RE}\\s+\\d{1,2},?\\s+\\d{4}|\\d{1,2}\\s+${MONTH_RE}\\s+\\d{4}`;
/** A leading `date 2017-10-21` (or `Published: Oct. 21, 2017`); the body may go on on the same line. */
const LEADING_DATE = new RegExp(`^[ \\t]*(?<label>date|dated|published|posted|updated)\\s*:?[ \\t]+(?<date>${ISO_DAY}|${PROSE_DAY})(?=\\s|$)`, 'i');

/** ISO or `Month D, YYYY` / `D Month YYYY` -> a day-precision DateValue. */
export function parseTextDate(raw: string, rule: string): DateValue | null {
  const iso = parseDateValue(raw.trim(), rule);
  if (iso) return iso;
  const m = /^(?:(?<mon>[a-z]+)\.?\s+(?<day>\d{1,2})\s*,?|(?<day2>\d{1,2})\s+(?<mon2>[a-z]+)\.?)\s+(?<year>\d{4})$/i.exec(raw.trim());
  const g = m?.groups;
  if (!g) return null;
  const month = MONTHS.indexOf((g.mon ?? g.mon2 ?? '').slice(0, 3).toLowerCase()) + 1;
  if (month === 0) return null;
  return parseDateValue(`${g.year}-${String(month).padStart(2, '0')}-${(g.day ?? g.day2 ?? '').padStart(2, '0')}`, rule);
}

function normalise(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00a0\u2007\u202f]/g, ' ')
    .replace(/[ \t]+$/gm, '');
}

/** A block whose lines were wrapped at a fixed width: similar lengths, broken mid-sentence. */
function isHardWrapped(lines: string[]): boolean {
  if (lines.length < 2) return false;
  const max = lines.reduce((m, l) => Math.max(m, l.length), 0);
  if (max < 55 || max > 100) return false;
  const inner = lines.slice(0, -1);
  return inner.every((l) => l.length >= 0.75 * max) && inner.some((l) => !endsAsSentence(l));
}

/**
 * Paragraph units: blank lines always separate; inside a block, each line is its own unit (many
 * texts put one paragraph per line) unless the block is hard-wrapped or the next line goes on in
 * lower case.
 */
export function toUnits(text: string): string[] {
  const units: string[] = [];
  for (const block of text.split(/\n[ \t]*\n/)) {
    const lines = block
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '');
    if (isHardWrapped(lines)) {
      units.push(lines.join(' '));
      continue;
    }
    // Pieces of the unit being built; joined once, so long runs stay linear.
    let current: string[] = [];
    for (const line of lines) {
      const last = current[current.length - 1];
      if (last !== undefined && /^\p{Ll}/u.test(line) && !endsAsSentence(last)) current.push(line);
      else {
        if (current.length > 0) units.push(current.join(' '));
        current = [line];
      }
    }
    if (current.length > 0) units.push(current.join(' '));
  }
  return units;
}

const words = (s: string): string[] => s.split(/\s+/).filter((w) => w !== '');

/** Share of words (longer than 3 letters) that start with a capital. */
function titleCaseRatio(s: string): number {
  const long = words(s).filter((w) => /\p{L}{4,}/u.test(w));
  if (long.length === 0) return 0;
  return long.filter((w) => /^["“‘']?\p{Lu}/u.test(w)).length / long.length;
}

const DATE_WORD = /^(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*|(?:mon|tues|wednes|thurs|fri|satur|sun)day|today|yesterday|am|pm|a\.m|p\.m|gmt|utc|[ecmp][sd]t|et|published|posted|updated|first|last|on|at|\d+(?:st|nd|rd|th)?)\.?$/i;

/** Words of three letters or more that are not part of a date or time stamp. */
function contentWords(s: string): number {
  return words(s).filter((w) => /\p{L}{3,}/u.test(w) && !DATE_WORD.test(w.replace(/[^\p{L}\d.]/gu, ''))).length;
}

/** A headline: short, no final period or semicolon clause, not itself boilerplate. */
export function isTitleShaped(s: string): boolean {
  const n = words(s).length;
  const maxLength = titleCaseRatio(s) >= 0.6 ? 150 : 120;
  if (n < 2 || n > 18 || s.length > maxLength || !/^[\p{Lu}\d"“‘']/u.test(s)) return false;
  if (/[.;:,]$/.test(s) || endsAsSentence(s.replace(/\?$/, '')) || contentWords(s) < 2) return false;
  // A semicolon joins the clauses of a dek, unless the line is in title case.
  if (/;/.test(s) && titleCaseRatio(s) < 0.6) return false;
  return matchLine(s) === null && parseByline(s) === null;
}

/** A dek (standfirst): one or two sentences, at most a few hundred characters, not boilerplate. */
function isDekShaped(s: string, mayEndAsSentence: boolean): boolean {
  const n = words(s).length;
  if (n < 6 || s.length > 400 || !/^[\p{Lu}\d"“‘']/u.test(s) || contentWords(s) < 4) return false;
  if (!mayEndAsSentence && endsAsSentence(s)) return false;
  return matchLine(s) === null;
}

interface Header {
  title: string | null;
  dek: string | null;
  /** Units consumed by the header. */
  count: number;
  titleRule: string;
  dekRule: string;
}

const opensBody = (u: string): boolean => parseByline(u) !== null || splitDateline(u) !== null;

/**
 * Headline and dek by shape. A byline or dateline among the first units marks where the body
 * begins, so the one or two units above it are the header; without that signal a title needs a
 * headline shape and the dek a sentence that does not end as one.
 */
export function findHeader(units: string[]): Header {
  const none: Header = { title: null, dek: null, count: 0, titleRule: '', dekRule: '' };
  const signal = units.slice(0, 4).findIndex(opensBody);
  const above = signal >= 0 && parseByline(units[signal] ?? '') ? 'byline' : 'dateline';
  const [u0, u1] = units;
  if (u0 === undefined || signal === 0) return none;
  if (signal === 2 && u1 !== undefined) {
    if (!isTitleShaped(u0) || !isDekShaped(u1, true)) return none;
    return { title: u0, dek: u1, count: 2, titleRule: `text:headline-above-${above}`, dekRule: `text:dek-above-${above}` };
  }
  if (signal === 1) {
    if (isTitleShaped(u0)) return { ...none, title: u0, count: 1, titleRule: `text:headline-above-${above}` };
    if (isDekShaped(u0, false)) return { ...none, dek: u0, count: 1, dekRule: `text:dek-above-${above}` };
    return none;
  }
  if (units.length < 3) return none;
  if (isTitleShaped(u0)) {
    const hasDek = u1 !== undefined && units.length >= 4 && isDekShaped(u1, false) && !isTitleShaped(u1);
    return hasDek
      ? { title: u0, dek: u1, count: 2, titleRule: 'text:headline-shape', dekRule: 'text:dek-shape' }
      : { ...none, title: u0, count: 1, titleRule: 'text:headline-shape' };
  }
  // Without a headline or a byline, an opening line that does not end as a sentence may still be
  // the body's first sentence (wire copy, sentence-split corpora): it stays in the body.
  return none;
}

/** The site name in a URL: the label left of the public suffix (`timesofisrael` in www.timesofisrael.com). */
export function hostLabel(url: string): string | null {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
  const labels = host.split('.').filter((l) => l !== 'www');
  if (labels.length < 2) return null;
  // Two-level public suffixes such as co.uk, com.au.
  const twoLevel = /^(co|com|net|org|gov|ac|edu|ne|or)$/.test(labels[labels.length - 2] ?? '') && (labels[labels.length - 1]?.length ?? 0) === 2;
  return labels[labels.length - (twoLevel ? 3 : 2)] ?? null;
}

const compact = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/**
 * The outlet's name as the text spells it, confirmed by the URL: the longest run of up to six
 * capitalised words (function words allowed inside) whose letters equal the host label, with or
 * without a leading 'The'. Never guessed from the host alone.
 */
export function outletFromHost(text: string, url: string): string | null {
  const label = hostLabel(url);
  if (!label || label.length < 3) return null;
  const tokens = words(text).map((w) => w.replace(/^[^\p{L}\p{N}]+/u, '').replace(/(?:['’]s)?[^\p{L}\p{N}]*$/u, ''));
  let best: string | null = null;
  tokens.forEach((t, i) => {
    if (!/^\p{Lu}/u.test(t)) return;
    let acc = '';
    for (let j = i; j < Math.min(tokens.length, i + 6); j++) {
      acc += compact(tokens[j] ?? '');
      if (acc.length > label.length + 3) break;
      if (acc === label || acc === `the${label}`) {
        const phrase = tokens.slice(i, j + 1).join(' ');
        if (!best || phrase.length > best.length) best = phrase;
      }
    }
  });
  return best;
}

function externalIdOf(source: SourceRef): string | null {
  if (source.kind !== 'file') return null;
  return basename(source.location).replace(/\.gz$/i, '').replace(/\.[^.]+$/, '') || null;
}

function addAuthors(article: ExtractedArticle, names: string[], rule: string): void {
  const fresh = names.filter((n) => !article.authors.includes(n));
  if (fresh.length === 0) return;
  article.authors.push(...fresh);
  article.provenance.authors ??= rule;
}

/**
 * Fills authors, outlet, url and published from the lines the boilerplate pass removed. A date
 * line dates the article only near the top (`head`): further down it may be an update or a caption.
 */
function metadataFromBoilerplate(article: ExtractedArticle, removed: BoilerplateItem[], head: ReadonlySet<string>): void {
  for (const item of removed) {
    if (item.kind === 'byline') {
      const b = parseByline(item.text);
      if (!b) continue;
      addAuthors(article, b.authors, 'text:byline');
      if (b.outlet && !article.outlet) [article.outlet, article.provenance.outlet] = [b.outlet, 'text:byline'];
    } else if (item.kind === 'credit-line') {
      addAuthors(article, parseCreditLine(item.text) ?? [], 'text:credit-line');
    } else if (item.kind === 'source-line' && !article.url) {
      const url = parseSourceLine(item.text);
      if (url) [article.url, article.provenance.url] = [url, 'text:source-line'];
    } else if (item.kind === 'date-line' && head.has(item.text)) {
      const field = /^(?:last\s+)?updated\b/i.test(item.text) ? 'modified' : 'published';
      const m = /(\d{4}-\d{2}-\d{2}|[A-Za-z]+\.?\s+\d{1,2}\s*,?\s+\d{4}|\d{1,2}\s+[A-Za-z]+\.?\s+\d{4})/.exec(item.text);
      const d = m?.[1] && !article[field] ? parseTextDate(m[1], 'text:date-line') : null;
      if (d) [article[field], article.provenance[field]] = [d, d.rule];
    }
  }
}

export function extractPlainText(text: string, source: SourceRef): ExtractedArticle {
  const article = emptyArticle(source);
  article.externalId = externalIdOf(source);
  let body = normalise(text).replace(/^\s*\n/, '');
  const boilerplate: BoilerplateItem[] = [];

  const lead = LEADING_DATE.exec(body);
  const published = lead?.groups?.date ? parseTextDate(lead.groups.date, 'text:date-line') : null;
  if (lead && published) {
    boilerplate.push({ text: lead[0].trim(), kind: 'date-line', rule: 'text:date-line' });
    const field = lead.groups?.label?.toLowerCase() === 'updated' ? 'modified' : 'published';
    [article[field], article.provenance[field]] = [published, published.rule];
    body = body.slice(lead[0].length).replace(/^[ \t]+/, '');
  }

  const units = toUnits(body);
  // Date lines standing above the headline ('Tuesday, March 3, 2026') are not part of the header.
  const leading: BoilerplateItem[] = [];
  while (units.length > 0 && leading.length < 2) {
    const rule = matchLine(units[0] ?? '');
    if (rule?.kind !== 'date-line') break;
    leading.push({ text: units.shift() ?? '', kind: rule.kind, rule: rule.name });
  }
  boilerplate.push(...leading);
  metadataFromBoilerplate(article, leading, new Set(leading.map((l) => l.text)));
  const header = findHeader(units);
  if (header.title) [article.title, article.provenance.title] = [header.title, header.titleRule];
  if (header.dek) [article.dek, article.provenance.dek] = [header.dek, header.dekRule];
  const bodyUnits = units.slice(header.count);

  // The dateline opens the first body paragraph (bylines and other boilerplate may come before it).
  const first = bodyUnits.slice(0, 4).findIndex((u) => matchLine(u) === null);
  const dateline = first >= 0 ? splitDateline(bodyUnits[first] ?? '') : null;
  if (dateline && first >= 0) {
    bodyUnits[first] = dateline.rest;
    [article.dateline, article.provenance.dateline] = [dateline.dateline, dateline.rule];
    boilerplate.push({ text: dateline.removed, kind: 'dateline', rule: dateline.rule });
  }

  const clean = removeBoilerplate(bodyUnits.join('\n\n'));
  boilerplate.push(...clean.removed);
  metadataFromBoilerplate(article, clean.removed, new Set(bodyUnits.slice(0, 4)));
  if (!article.outlet && article.url) {
    const outlet = outletFromHost(normalise(text), article.url);
    if (outlet) [article.outlet, article.provenance.outlet] = [outlet, 'text:host-name-in-text'];
  }
  article.text = clean.text;
  article.boilerplate = boilerplate;
  article.provenance.text = 'text:plain';
  return article;
}
