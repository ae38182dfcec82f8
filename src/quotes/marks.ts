// Quotation spans: paired quotation marks found in one left-to-right scan of each paragraph.
// Double marks (curly or straight) always quote; single marks (‘ ’ or ') quote only where they cannot
// be apostrophes: an opener follows a non-letter and precedes a letter, a closer follows a non-space
// and precedes a non-letter ('Syria’s' and 'Iran's' are never marks). Marks inside an open double
// quote are nested quotes and stay part of its text. A double quote left open at a paragraph's end
// whose next paragraph opens with a double mark continues there (news style for long quotes).

export interface MarkSpan {
  /** Offset of the opening mark. */
  open: number;
  /** Offset just after the closing mark (the paragraph end for a quote that continues). */
  close: number;
  /** The quoted words, without marks or surrounding spaces. */
  start: number;
  end: number;
  /** Spans that belong to one quotation (split over paragraphs) share a group number. */
  group: number;
  single: boolean;
}

const DOUBLE_OPEN = new Set(['“', '„', '"']);
const DOUBLE_CLOSE = new Set(['”', '"']);
/** A single-quoted run longer than this is not a quotation (an unmatched apostrophe ran on). */
const MAX_SINGLE = 300;

const isWordChar = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}]/u.test(c);
const isSpace = (c: string | undefined): boolean => c === undefined || /\s/.test(c);

function isSingleOpener(text: string, i: number): boolean {
  const c = text[i];
  if (c !== '‘' && c !== "'") return false;
  const next = text[i + 1];
  return !isWordChar(text[i - 1]) && next !== undefined && /\p{L}/u.test(next);
}

function isSingleCloser(text: string, i: number): boolean {
  const c = text[i];
  if (c !== '’' && c !== "'") return false;
  return !isSpace(text[i - 1]) && !isWordChar(text[i + 1]);
}

/** Inner span of a quote between two offsets, trimmed of spaces. */
function inner(text: string, from: number, to: number): { start: number; end: number } {
  let s = from;
  let e = to;
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  return { start: s, end: e };
}

/** Whether the paragraph starting at `from` opens with a double quotation mark. */
function opensWithQuote(text: string, from: number): boolean {
  let i = from;
  while (i < text.length && /\s/.test(text[i]!)) i++;
  return DOUBLE_OPEN.has(text[i] ?? '');
}

export function findMarks(text: string): MarkSpan[] {
  const out: MarkSpan[] = [];
  let group = 0;
  let continuing = false;
  let paraStart = 0;
  while (paraStart <= text.length) {
    let paraEnd = text.indexOf('\n', paraStart);
    if (paraEnd < 0) paraEnd = text.length;
    let state: 'none' | 'double' | 'single' = 'none';
    let openAt = -1;
    for (let i = paraStart; i < paraEnd; i++) {
      const c = text[i]!;
      if (state === 'double') {
        if (DOUBLE_CLOSE.has(c)) {
          const span = inner(text, openAt + 1, i);
          out.push({ open: openAt, close: i + 1, ...span, group: continuing ? group : ++group, single: false });
          continuing = false;
          state = 'none';
        } else if (c === '“') {
          openAt = i; // an opener inside an open quote: the earlier mark was stray
          continuing = false;
        }
      } else if (state === 'single') {
        if (DOUBLE_OPEN.has(c) && c !== '"') {
          state = 'double';
          openAt = i;
        } else if (isSingleCloser(text, i)) {
          const span = inner(text, openAt + 1, i);
          out.push({ open: openAt, close: i + 1, ...span, group: ++group, single: true });
          state = 'none';
        } else if (i - openAt > MAX_SINGLE) {
          state = 'none';
        }
      } else if (DOUBLE_OPEN.has(c)) {
        state = 'double';
        openAt = i;
      } else if (isSingleOpener(text, i)) {
        state = 'single';
        openAt = i;
      }
    }
    // The paragraph ends inside a double quote: it goes on when the next paragraph opens with a mark.
    if (state === 'double' && opensWithQuote(text, paraEnd + 1) && paraEnd < text.length) {
      const span = inner(text, openAt + 1, paraEnd);
      out.push({ open: openAt, close: paraEnd, ...span, group: continuing ? group : ++group, single: false });
      continuing = true;
    } else if (text.slice(paraStart, paraEnd).trim() !== '') {
      continuing = false;
    }
    paraStart = paraEnd + 1;
  }
  return out;
}
