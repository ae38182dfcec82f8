// Where a target entity is named in a sentence: its name and aliases (any case, a plural on the
// last word, one capitalised word inserted as in 'iTunes Music Store', the two words of a model name
// swapped as in '3G iPhone'), a person's surname, the last words of a long organisation name, a
// definite description built on the name's own common noun ('the store'), and pronouns that
// continue a sentence about it.
import { tokenize, type Token } from '../text/index.js';

export type TargetKind = 'PERSON' | 'ORG' | 'OTHER';

export interface TimelineTarget {
  name: string;
  /** PERSON, ORG, or anything else (products, works, places): decides partial names and pronouns. */
  kind?: TargetKind;
  aliases?: string[];
}

export interface TargetHit {
  /** Token range [start, end) of the reference. */
  start: number;
  end: number;
  via: 'name' | 'partial' | 'definite' | 'pronoun';
}

const CALENDAR = /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/;
const lower = (t: Token | undefined) => t?.text.toLowerCase() ?? '';
const capitalised = (t: Token | undefined) => !!t && /^(?:[A-Z0-9]|[a-z]+[A-Z])/.test(t.text);

/** A name as the text layer tokenises it ('iPhone 3G' -> iphone, 3, g), lower case. */
function words(s: string): string[] {
  return tokenize(s).map((t) => t.text.toLowerCase());
}

function matchSequence(tokens: Token[], at: number, seq: string[], allowInsert: boolean): number {
  let i = at;
  let inserted = false;
  for (let k = 0; k < seq.length; k++) {
    const w = seq[k]!;
    const t = lower(tokens[i]);
    // Plurals of a word, not of a model code ('iPods', but '3GS' is not more than one '3G').
    const last = k === seq.length - 1 && /^[a-z]{3,}$/.test(w);
    if (t === w || (last && (t === `${w}s` || t === `${w}es`))) {
      i++;
      continue;
    }
    // One capitalised word between two words of the name ('iTunes Music Store').
    if (allowInsert && !inserted && k > 0 && capitalised(tokens[i]) && (lower(tokens[i + 1]) === w || (last && lower(tokens[i + 1]) === `${w}s`))) {
      inserted = true;
      i += 2;
      continue;
    }
    return -1;
  }
  return i;
}

export interface TargetMatcher {
  /** References to the target in one sentence; `previous` says whether the sentence before spoke of it. */
  find(tokens: Token[], previous: boolean): TargetHit[];
}

export function targetMatcher(target: TimelineTarget): TargetMatcher {
  const kind = target.kind ?? 'OTHER';
  const full = [target.name, ...(target.aliases ?? [])].map(words).filter((w) => w.length);
  const names: string[][] = [...full];
  // Model names of two words, swapped ('iPhone 3G' / '3G iPhone').
  for (const n of [target.name, ...(target.aliases ?? [])]) {
    const parts = n.split(/\s+/).filter(Boolean);
    if (parts.length === 2 && /\d/.test(n)) names.push(words(`${parts[1]} ${parts[0]}`));
  }
  const partials: string[][] = [];
  const nameWords = target.name.split(/\s+/).filter(Boolean).map((w) => w.toLowerCase());
  if (kind === 'PERSON' && nameWords.length > 1) partials.push([nameWords[nameWords.length - 1]!]);
  // A person's first name alone, as close colleagues and some reports write it ('Steve announced').
  if (kind === 'PERSON' && nameWords.length > 1) partials.push([nameWords[0]!]);
  if (kind !== 'PERSON' && nameWords.length > 2) partials.push(nameWords.slice(-2));
  // The name's own common noun, written lower case in it ('iTunes store' -> 'the store').
  const rawWords = target.name.split(/\s+/);
  const head = rawWords.length > 1 && /^[a-z]+$/.test(rawWords[rawWords.length - 1]!) ? rawWords[rawWords.length - 1]! : null;

  return {
    find(tokens, previous) {
      const hits: TargetHit[] = [];
      const taken = new Set<number>();
      const push = (start: number, end: number, via: TargetHit['via']) => {
        for (let i = start; i < end; i++) if (taken.has(i)) return;
        for (let i = start; i < end; i++) taken.add(i);
        hits.push({ start, end, via });
      };
      for (let i = 0; i < tokens.length; i++) {
        for (const n of names) {
          const end = matchSequence(tokens, i, n, n.length > 1);
          // A capitalised word after the name makes a longer name of something else ('iPod Touch', 'iPod Software').
          if (end > i && !/^[A-Z][a-z]/.test(tokens[end]?.text ?? '')) push(i, end, 'name');
        }
      }
      for (let i = 0; i < tokens.length; i++) {
        for (const p of partials) {
          const end = matchSequence(tokens, i, p, false);
          // A surname stands alone: not the first word of a longer name ('Jobs Foundation').
          if (end > i && capitalised(tokens[i]) && !/^[A-Z][a-z]/.test(tokens[end]?.text ?? '')) push(i, end, 'partial');
        }
        if (head && lower(tokens[i]) === 'the' && lower(tokens[i + 1]) === head) push(i, i + 2, 'definite');
      }
      // Pronouns continue the previous sentence's topic when this one names no one else first.
      if (previous && hits.length === 0) {
        const first = lower(tokens[0]);
        const personal = kind === 'PERSON' ? ['he', 'his', 'she', 'her'] : ['it', 'its'];
        if (personal.includes(first)) push(0, 1, 'pronoun');
        // 'When ..., he praised': a subject pronoun after a leading clause.
        else {
          const subj = kind === 'PERSON' ? ['he', 'she'] : ['it'];
          // The first subject pronoun after a short leading phrase ('One year later he', 'When the vote ended, she'), no name before it.
          const at = tokens.findIndex((t) => subj.includes(t.text.toLowerCase()));
          if (at > 0 && at <= 8 && !tokens.slice(1, at).some((t) => /^[A-Z][a-z]/.test(t.text) && !CALENDAR.test(t.text))) push(at, at + 1, 'pronoun');
        }
      }
      return hits.sort((a, b) => a.start - b.start);
    },
  };
}
