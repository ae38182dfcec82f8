// Who a quotation is attributed to, read from the reporter's words of its sentence. Tried in order:
// a cue right after the closing mark ('…,” he said', '…,” said X', '…,” the broadcaster quoted X as
// saying', '…,” a statement by X said', '…,” according to X'); a cue before it in the sentence ('X
// said that … “…”', 'SANA quoted X as saying that … “…”', 'a joint statement saying …', 'X: “…”',
// 'According to X, … “…”'); a reporting clause later in the sentence ('“…” in Syria, SANA reported').
import { ADVERBIALS, SPEECH_VERBS, STATEMENT_HEADS, WEEKDAYS_AND_MONTHS } from '../lang/en/quote-words.js';
import { determinerPhrase, nameEndingAt, nameStartingAt, phraseEndingAt, phraseStartingAt, type Phrase } from './phrases.js';
import type { Unit } from './units.js';

export type CueType = 'verb' | 'according-to' | 'quoted-as-saying' | 'statement' | 'colon' | 'none';

export interface Attribution {
  speaker: Phrase | null;
  cue: string;
  cueType: CueType;
  via: Phrase | null;
}

const isVerb = (u: Unit | undefined): boolean => u !== undefined && u.kind === 'word' && SPEECH_VERBS.has(u.lower);
/** How many units around a quotation its cue may stand in; keeps run-on paragraphs linear. */
const WINDOW = 80;
const LEADING_PUNCT = new Set([',', '.', '!', '?', ';', '—', '–', '-']);

function cueTypeFor(units: Unit[], speaker: Phrase): CueType {
  return speaker.kind === 'nominal' && STATEMENT_HEADS.has(units[speaker.last]!.lower) ? 'statement' : 'verb';
}

/** Skips adverbials backwards from `j` ('Bagheri on Wednesday also said'). */
function skipAdverbialsBack(units: Unit[], j: number, min: number): number {
  let k = j;
  while (k >= min && units[k]!.kind === 'word' && ADVERBIALS.has(units[k]!.lower)) k--;
  return k;
}

function skipAdverbialsForward(units: Unit[], i: number): number {
  let k = i;
  while (k < units.length && units[k]!.kind === 'word' && (ADVERBIALS.has(units[k]!.lower) || units[k]!.lower === 'always')) k++;
  return k;
}

/** The subject of the speech verb at `v`: adjacent, behind adverbials, an apposition or ', who'. */
export function subjectOf(units: Unit[], v: number, min = 0): Phrase | null {
  let j = skipAdverbialsBack(units, v - 1, min);
  if (units[j]?.lower === 'always' || units[j]?.lower === 'never') j = skipAdverbialsBack(units, j - 1, min);
  if (j < min) return null;
  if (units[j]!.lower === 'who' && units[j - 1]?.text === ',') j -= 2;
  else if (units[j]!.text === ',') {
    // 'Bagheri, Iran’s chief of staff, said': the name before a comma-closed apposition.
    for (let k = j - 1; k >= Math.max(min, j - 12); k--) {
      const u = units[k]!;
      if (u.kind === 'quote') return null;
      if (u.text === ',') {
        // 'VFI Chief Executive, Padraig Cribben, said': a name alone between the commas speaks.
        const inner = nameStartingAt(units, k + 1, j - 1);
        if (inner && inner.first === k + 1 && inner.last === j - 1 && inner.last > inner.first) return inner;
        const name = nameEndingAt(units, k - 1, min);
        return name && name.last === k - 1 ? name : null;
      }
    }
    return null;
  }
  if (j < min || units[j]!.kind !== 'word') return null;
  return phraseEndingAt(units, j, min);
}

/** 'quoted X as saying' with 'as' at unit `as`: the speaker X and the relay before 'quoted'. */
function quotedAsSaying(units: Unit[], as: number): Attribution | null {
  for (let q = as - 1; q >= Math.max(0, as - 14); q--) {
    const u = units[q]!;
    if (u.kind === 'quote') return null;
    if (u.lower !== 'quoted') continue;
    if (units[q - 1]?.lower === 'was' || units[q - 1]?.lower === 'were') {
      // 'X was quoted (by Y) as saying'
      const speaker = phraseEndingAt(units, q - 2);
      const by = units[q + 1]?.lower === 'by' ? phraseStartingAt(units, q + 2, as - 1) : null;
      return speaker ? { speaker, cue: 'quoted … as saying', cueType: 'quoted-as-saying', via: by } : null;
    }
    const speaker = phraseEndingAt(units, as - 1, q + 1) ?? phraseStartingAt(units, q + 1, as - 1);
    const via = phraseEndingAt(units, q - 1);
    return speaker ? { speaker, cue: 'quoted … as saying', cueType: 'quoted-as-saying', via } : null;
  }
  return null;
}

/** 'according to X': X runs to the next comma or quotation, trailing weekdays dropped. */
function accordingTo(units: Unit[], to: number): Phrase | null {
  let e = to + 1;
  while (e < units.length && units[e]!.kind === 'word' && e - to <= 8) e++;
  let last = e - 1;
  while (last > to && WEEKDAYS_AND_MONTHS.has(units[last]!.lower)) last--;
  if (last <= to) return null;
  if (e - to > 8) return phraseStartingAt(units, to + 1, last);
  const head = phraseStartingAt(units, to + 1, last);
  const first = units[to + 1]!.lower === 'the' && head?.kind === 'name' ? to + 2 : to + 1;
  return { kind: head?.kind ?? 'nominal', first, last, start: units[first]!.start, end: units[last]!.end, titled: head?.titled ?? false, clauseFirst: to + 1 };
}

function findAccordingTo(units: Unit[], from: number, to: number): Phrase | null {
  for (let i = from; i < to; i++) if (units[i]!.lower === 'according' && units[i + 1]?.lower === 'to') return accordingTo(units, i + 1);
  return null;
}

/** 'said X' with the verb at unit `v`; 'said a later chancellor, Bernhard von Bülow' takes the name. */
function inverted(units: Unit[], v: number): Attribution | null {
  const speaker = phraseStartingAt(units, v + 1) ?? determinerPhrase(units, v + 1);
  if (!speaker) return null;
  if (speaker.kind === 'nominal' && units[speaker.last + 1]?.text === ',') {
    const name = nameStartingAt(units, speaker.last + 2);
    if (name && name.last > name.first) return { speaker: name, cue: units[v]!.text, cueType: 'verb', via: null };
  }
  return { speaker, cue: units[v]!.text, cueType: cueTypeFor(units, speaker), via: null };
}

/** A cue that starts right after the quotation at unit `qi`. */
function cueRightAfter(units: Unit[], qi: number): Attribution | null {
  let i = qi + 1;
  while (i < units.length && LEADING_PUNCT.has(units[i]!.text) && i - qi <= 2) i++;
  const u = units[i];
  if (!u || u.kind !== 'word') return null;
  // 'a statement by X said'
  if (/^(?:a|the)$/.test(u.lower)) {
    let s = i + 1;
    while (s < i + 4 && units[s]?.kind === 'word' && !STATEMENT_HEADS.has(units[s]!.lower)) s++;
    if (STATEMENT_HEADS.has(units[s]?.lower ?? '') && /^(?:by|from)$/.test(units[s + 1]?.lower ?? '')) {
      for (let v = s + 3; v < Math.min(units.length, s + 12); v++) {
        if (isVerb(units[v]) || units[v]!.lower === 'read') {
          const speaker = phraseStartingAt(units, s + 2, v - 1);
          if (speaker) return { speaker, cue: `${units.slice(i, s + 2).map((x) => x.text).join(' ')} … ${units[v]!.text}`, cueType: 'statement', via: null };
        }
      }
    }
  }
  if (u.lower === 'according' && units[i + 1]?.lower === 'to') {
    const speaker = accordingTo(units, i + 1);
    if (speaker) return { speaker, cue: 'according to', cueType: 'according-to', via: null };
  }
  // '…,” said X'
  if (isVerb(u)) return inverted(units, i);
  // '…,” X said', '…,” the broadcaster quoted X as saying', '…,” X was quoted as saying'
  const subject = phraseStartingAt(units, i) ?? determinerPhrase(units, i);
  if (!subject) return null;
  let v = skipAdverbialsForward(units, subject.last + 1);
  if (units[v]?.lower === 'quoted') {
    for (let as = v + 1; as < Math.min(units.length - 1, v + 14); as++) {
      if (units[as]!.lower === 'as' && units[as + 1]!.lower === 'saying') return quotedAsSaying(units, as);
    }
    return null;
  }
  if (units[v]?.text === ',') {
    // '…,” Bagheri, Iran’s chief of staff, said'
    let c = v + 1;
    while (c < Math.min(units.length, v + 12) && units[c]!.text !== ',' && units[c]!.kind === 'word') c++;
    if (units[c]?.text === ',') v = skipAdverbialsForward(units, c + 1);
  }
  if (isVerb(units[v])) return { speaker: subject, cue: units[v]!.text, cueType: cueTypeFor(units, subject), via: null };
  return null;
}

/** The nearest cue before the quotation at unit `qi` whose verb has a subject. */
function cueBefore(units: Unit[], qi: number): Attribution | null {
  for (let v = qi - 1; v >= Math.max(0, qi - WINDOW); v--) {
    const u = units[v]!;
    if (u.lower === 'saying' && units[v - 1]?.lower === 'as') {
      const a = quotedAsSaying(units, v - 1);
      if (a) return a;
    }
    if (isVerb(u)) {
      const speaker = subjectOf(units, v);
      if (speaker) return { speaker, cue: u.text, cueType: cueTypeFor(units, speaker), via: null };
    }
  }
  // 'X: “…”'
  if (units[qi - 1]?.text === ':') {
    const speaker = phraseEndingAt(units, qi - 2);
    if (speaker && speaker.clauseFirst === 0) return { speaker, cue: ':', cueType: 'colon', via: null };
  }
  const according = findAccordingTo(units, Math.max(0, qi - WINDOW), qi);
  return according ? { speaker: according, cue: 'according to', cueType: 'according-to', via: null } : null;
}

/** A reporting clause after the quotation: ', according to X' or ', SANA reported' at a clause start. */
function cueLater(units: Unit[], qi: number): Attribution | null {
  let end = qi + 1;
  while (end < units.length && end - qi < WINDOW && units[end]!.kind !== 'quote') end++;
  const according = findAccordingTo(units, qi + 1, end);
  if (according) return { speaker: according, cue: 'according to', cueType: 'according-to', via: null };
  for (let v = qi + 2; v < end; v++) {
    if (!isVerb(units[v])) continue;
    // '“…” in Iowa, said Pat Rynard'
    if (units[v - 1]!.text === ',') {
      const a = inverted(units, v);
      if (a) return a;
    }
    const speaker = subjectOf(units, v, qi + 1);
    const opener = speaker ? units[speaker.clauseFirst - 1] : undefined;
    if (speaker && opener && (opener.text === ',' || opener.kind === 'quote')) {
      return { speaker, cue: units[v]!.text, cueType: cueTypeFor(units, speaker), via: null };
    }
  }
  return null;
}

/** The attribution of the quotation at unit `qi` of a sentence, or null when its sentence has none. */
export function attribute(units: Unit[], qi: number): Attribution | null {
  // A question or exclamation introduced by its own cue ('Bell asked “…?” Cueto replied that …')
  // belongs to that cue; the words after it may start the next speaker's clause.
  const asked = /[?!][\s'’"”]*$/.test(units[qi]!.text) && qi > 0 ? cueBefore(units, qi) : null;
  const found = asked ?? cueRightAfter(units, qi) ?? cueBefore(units, qi) ?? cueLater(units, qi);
  if (!found || found.via || found.cueType === 'according-to') return found;
  // A relay named with 'according to' elsewhere in the sentence.
  return { ...found, via: findAccordingTo(units, Math.max(0, qi - WINDOW), Math.min(units.length, qi + WINDOW)) };
}

/** Whether a quotation is a fragment inside the reporter's sentence rather than whole speech. */
export function isPartial(units: Unit[], qi: number, quoteText: string): boolean {
  const before = units.slice(Math.max(0, qi - WINDOW), qi);
  const last = before[before.length - 1];
  // 'He said, “…”' and 'X told reporters: “…”' introduce whole speech, and so does the cue between
  // the two parts of a split quotation ('“…,” she said, “and …”').
  if (last && (last.text === ',' || last.text === ':') && before.some((u) => isVerb(u))) return false;
  if (/^\p{Ll}/u.test(quoteText)) return true;
  if (!before.some((u) => u.kind === 'word')) return false;
  return !(last?.text === ':' && before.length <= 8);
}

/** Whether the sentence's last unit is a colon that introduces the next paragraph's quotation. */
export function colonCue(units: Unit[]): Attribution | null {
  if (units[units.length - 1]?.text !== ':') return null;
  return cueBefore(units, units.length);
}
