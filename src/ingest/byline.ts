// Parsers for the short lines that say who wrote an article, for whom, from where and from which
// address: bylines (`By NAME, OUTLET`), credit lines (`NAME contributed to this report.`), source
// lines (`Content retrieved from: URL`) and datelines (`TEHRAN, Iran — `). They only read a line;
// deciding that a line is boilerplate is the job of the rules in boilerplate-rules.ts.
import { AGENCIES, OUTLET_WORDS } from '../lang/en/boilerplate-rules.js';
import { BYLINE_JOBS } from '../lang/en/role-words.js';

export interface Byline {
  authors: string[];
  outlet: string | null;
}

/** Lower-case particles that may sit inside a person's name. */
const NAME_PARTICLES = new Set(['de', 'del', 'della', 'der', 'den', 'van', 'von', 'al', 'el', 'bin', 'ibn', 'da', 'di', 'du', 'la', 'le', 'dos', 'das', 'ben', 'y']);
/** Words that open time phrases, not names ('By Tuesday, the army had ...'). */
const NOT_NAME_START = /^(the|a|an|this|that|these|those|then|now|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|early|late|mid|noon|midnight|dawn|dusk|morning|evening|night|comparison|contrast|law|far|all|some|most)$/i;
const NAME_WORD = /^(?:\p{Lu}[\p{L}'’.-]*|\p{Lu}\.)$/u;

/** 2 to 5 capitalised words (particles allowed inside), e.g. `Batya Jerenberg`, `Ali al-Ahmad`. */
export function isPersonName(s: string): boolean {
  const words = s.trim().split(/\s+/);
  if (words.length < 2 || words.length > 5) return false;
  if (NOT_NAME_START.test(words[0] ?? '')) return false;
  return words.every((w, i) => NAME_WORD.test(w) || (i > 0 && i < words.length - 1 && NAME_PARTICLES.has(w)));
}

function hasWordFrom(s: string, words: ReadonlySet<string>): boolean {
  return s.split(/[\s/]+/).some((w) => words.has(w.toLowerCase().replace(/[.,]$/, '')));
}

/** An organisation-shaped name: contains an outlet word (News, Times, Agency…) or is a known agency. */
export function isOutletName(s: string): boolean {
  const t = s.trim();
  if (t.length < 2 || t.length > 60 || !/^[\p{Lu}\d]/u.test(t)) return false;
  return AGENCIES.has(t) || hasWordFrom(t, OUTLET_WORDS) || /\.(com|net|org|co\.\w{2})$/i.test(t);
}

function isRole(s: string): boolean {
  return hasWordFrom(s, BYLINE_JOBS);
}

/** Splits `A, B and C` into names. */
function splitNames(s: string): string[] {
  return s
    .split(/\s*,\s*|\s+and\s+|\s*&\s*/)
    .map((x) => x.trim())
    .filter((x) => x !== '');
}

const BYLINE_OPEN = /^(?:By|BY)[:\s]\s*(?<rest>.+)$/u;

/**
 * Reads `By NAME[, NAME and NAME][, OUTLET]` (also `| OUTLET`, `— OUTLET`). Returns null unless every
 * piece is a person's name, an outlet or a role, so that `By Tuesday, the army...` is not a byline.
 */
export function parseByline(line: string): Byline | null {
  const m = BYLINE_OPEN.exec(line.trim());
  const rest = m?.groups?.rest?.replace(/\.$/, '').trim();
  if (!rest || rest.length > 150 || /[!?;:"“”]/.test(rest)) return null;
  let outlet: string | null = null;
  let names = rest;
  const bar = /\s+[|—–]\s+|\s+-\s+/.exec(rest);
  if (bar) {
    names = rest.slice(0, bar.index);
    const tail = rest.slice(bar.index + bar[0].length).trim();
    if (!/^[\p{Lu}\d]/u.test(tail) || tail.length > 60) return null;
    // `By NAME | March 3, 2026`: a date after the bar is no outlet.
    if (!isRole(tail) && !/\d/.test(tail)) outlet = tail;
  }
  const pieces = names.split(/\s*,\s*/).filter((p) => p !== '');
  const authors: string[] = [];
  let onlyNames = true;
  pieces.forEach((piece, i) => {
    const last = i === pieces.length - 1 && i > 0;
    if (last && !/\s(?:and)\s|&/.test(piece)) {
      if (isRole(piece)) return;
      // `By NAME, OUTLET` is the common shape: a lone second piece names the outlet.
      if (outlet === null && (isOutletName(piece) || pieces.length === 2)) {
        outlet = piece;
        return;
      }
    }
    for (const name of splitNames(piece)) {
      if (isPersonName(name)) authors.push(name);
      else if (authors.length === 0 && outlet === null && isOutletName(name) && pieces.length === 1) outlet = name;
      else if (!isRole(name)) onlyNames = false;
    }
  });
  if (!onlyNames || (authors.length === 0 && outlet === null)) return null;
  return { authors, outlet };
}

const CREDIT = /^\(?(?<who>[^.!?]{2,160}?)\s+(?:also\s+)?contributed(?:\s+(?:reporting|to\s+(?:the\s+)?reporting))?(?:\s+to\s+this\s+(?:report|article|story))?\.?\)?$/iu;
const REPORTING_BY = /^\(?(?:additional\s+)?(?:reporting|writing|written)\s+by\s+(?<who>[^;)]{2,160})(?:;.*)?\)?\.?$/iu;

/** The people or desks a credit line names: `Times of Israel staff contributed to this report.` */
export function parseCreditLine(line: string): string[] | null {
  const t = line.trim();
  const m = CREDIT.exec(t) ?? REPORTING_BY.exec(t);
  const who = m?.groups?.who?.trim().replace(/\s+in\s+\p{Lu}[\p{L}\s-]*$/u, '');
  if (!who || !/^[\p{Lu}\d]/u.test(who)) return null;
  // 'The agency said it contributed ...' is a sentence, not a credit: every piece must be a name or a desk.
  const names = splitNames(who);
  const ok = names.every((n) => isPersonName(n) || isOutletName(n) || /\bstaff$|\bdesk$|\bcorrespondents?$|\breporters?$|\bwriters?$/i.test(n));
  return ok && names.length > 0 ? names : null;
}

/** Words that introduce the page a text was copied from. */
const SOURCE_LINE = /^(?<lead>(?:\p{L}+\s+){0,3}(?:retrieved|taken|copied|sourced|source|originally\s+published|published|read\s+more|available|url|link|via|from|at|on)(?:\s+(?:from|at|on|in))?)\s*:?\s*(?<url>https?:\/\/\S+?)[.,;)]?$/iu;

/** The address a source line points to: `Content retrieved from: https://…` -> the URL. */
export function parseSourceLine(line: string): string | null {
  const m = SOURCE_LINE.exec(line.trim());
  return m?.groups?.url ?? null;
}

const MONTH_ABBR = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?';
const CAPS_PLACE = "\\p{Lu}[\\p{Lu}.'’-]+(?:\\s+\\p{Lu}[\\p{Lu}.'’-]+){0,3}";
const TITLE_WORDS = "\\p{Lu}[\\p{L}.'’-]+(?:\\s+\\p{Lu}[\\p{L}.'’-]+){0,2}";
/** The dash after a dateline (old AP copy uses `_`), then the body, or the end of a line of its own. */
const DASH = '(?:—|–|--|-|_)(?:\\s+(?=\\S)|\\s*$)';
const AGENCY_PAREN = '\\((?<agency>[^)]{1,40})\\)';
/** `TEHRAN, Iran — `, `NEW HARBOUR (AP) — `, `WASHINGTON, Oct. 5 — `: an all-caps place opening wire copy. */
const DATELINE_CAPS = new RegExp(`^(?<place>${CAPS_PLACE}(?:,\\s+${TITLE_WORDS})?)(?:,\\s+${MONTH_ABBR}\\s+\\d{1,2})?\\s*(?:${AGENCY_PAREN}\\s*)?${DASH}`, 'u');
/** `Tehran (Reuters) - `: a title-case place is accepted only with a named agency after it. */
const DATELINE_AGENCY = new RegExp(`^(?<place>${TITLE_WORDS}(?:,\\s+${TITLE_WORDS})?)\\s*${AGENCY_PAREN}\\s*${DASH}`, 'u');

export interface Dateline {
  /** The place, e.g. `TEHRAN, Iran`. */
  dateline: string;
  /** The text removed from the paragraph, e.g. `TEHRAN, Iran —`. */
  removed: string;
  /** The paragraph without it. */
  rest: string;
  rule: string;
}

/** Splits a dateline off the opening of a paragraph. */
export function splitDateline(paragraph: string): Dateline | null {
  const caps = DATELINE_CAPS.exec(paragraph);
  const m = caps ?? DATELINE_AGENCY.exec(paragraph);
  if (!m?.groups?.place) return null;
  const agency = m.groups.agency;
  if (!caps && !(agency && AGENCIES.has(agency.trim()))) return null;
  // A caps opener that is one short word ('US - ...') is too weak without an agency.
  if (caps && !agency && !/,/.test(m.groups.place) && m.groups.place.replace(/[^\p{Lu}]/gu, '').length < 4) return null;
  return { dateline: m.groups.place.trim(), removed: m[0].trim(), rest: paragraph.slice(m[0].length), rule: caps ? 'text:dateline-caps' : 'text:dateline-agency' };
}
