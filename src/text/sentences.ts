// Sentence boundaries with offsets. A period ends a sentence unless it closes a known abbreviation
// ('Maj.', 'U.S.', 'Jan.'), an initial ('J.'), or a number ('3.5'); a blank line always ends one.
// Written here because the JS sentence splitters on npm either drop offsets or pull in a full NLP
// stack; a linear scan over one regex is enough and fast.

export interface Span {
  start: number;
  end: number;
}

const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr prof sr jr st mt ft gen maj lt col capt cmdr adm sgt cpl pvt brig rep sen gov pres sec amb rev fr hon ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun ' +
    'inc ltd co corp bros dept est approx vs etc no nos vol fig al ave blvd rd ' +
    'u.s u.k u.n e.u u.s.a a.m p.m i.e e.g d.c'
  ).split(' '),
);

/** Words that start a new sentence even after an abbreviation such as 'U.S.' or 'p.m.'. */
const SENTENCE_STARTERS = new Set('he she it they we i you the this that these those but and however his her their its there then in on at after a an as if so when while yet what'.split(' '));
/** Abbreviations that often end a sentence themselves (unlike titles such as 'Dr.'). */
const FINAL_ABBREVIATIONS = /^(?:(?:[a-z]\.){2,}|etc\.|inc\.|ltd\.|co\.|corp\.|jr\.|sr\.)$/i;

/** A token ending in '.' that does not end a sentence. */
function isAbbreviation(word: string): boolean {
  const w = word.toLowerCase().replace(/^[("'“‘]+/, '').replace(/\.$/, '');
  if (ABBREVIATIONS.has(w)) return true;
  if (/^[a-z]$/i.test(w)) return true; // an initial: 'J.'
  if (/^([a-z]\.)+[a-z]$/i.test(w)) return true; // 'U.S', 'a.m'
  return false;
}

export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  const push = (end: number) => {
    let s = start;
    while (s < end && /\s/.test(text[s]!)) s++;
    let e = end;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) spans.push({ start: s, end: e });
  };
  // Candidate ends: terminal punctuation (with closing quotes or brackets) followed by space, or a blank line.
  const re = /([.!?…]+)(["'”’)\]]*)(\s+)|\n\s*\n/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    if (m[1] === undefined) {
      push(m.index);
      start = m.index + m[0].length;
      continue;
    }
    const endOfPunct = m.index + m[1].length + (m[2]?.length ?? 0);
    const next = text.slice(m.index + m[0].length, m.index + m[0].length + 2);
    if (m[1] === '.' && !m[2]) {
      const before = /(\S+)$/.exec(text.slice(Math.max(start, m.index - 30), m.index + 1))?.[1] ?? '';
      const nextWord = /^[A-Za-z]+/.exec(text.slice(m.index + m[0].length, m.index + m[0].length + 12))?.[0] ?? '';
      const endsAnyway = FINAL_ABBREVIATIONS.test(before.replace(/^[("'“‘]+/, '')) && SENTENCE_STARTERS.has(nextWord.toLowerCase()) && /^[A-Z]/.test(nextWord);
      if (isAbbreviation(before) && !endsAnyway) continue;
    }
    // A sentence starts with a capital, a digit, a quote or a bracket; lower case continues this one.
    if (next && /^[a-z]/.test(next) && !m[3]!.includes('\n')) continue;
    push(endOfPunct);
    start = endOfPunct;
  }
  push(text.length);
  return spans;
}
