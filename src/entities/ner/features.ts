// Features of one token for the entity tagger: the word and its neighbours, spelling shape, affixes,
// the tags already given to the tokens before it, list membership, and what the same word was
// tagged earlier in the document. Strings, joined once, so that the model is a plain lookup table.

export interface Gazetteer {
  /** Lower-cased token -> types it appears in as part of an entity in the training data. */
  tokenTypes: Map<string, string>;
}

export function shape(w: string): string {
  return w
    .replace(/[A-Z]/g, 'X')
    .replace(/[a-z]/g, 'x')
    .replace(/[0-9]/g, 'd')
    .replace(/[^\sXxd]/g, (c) => c);
}

export function shortShape(w: string): string {
  return shape(w).replace(/(.)\1+/g, '$1');
}

function normalise(w: string): string {
  return w.toLowerCase().replace(/\d/g, '0');
}

/** Per-sentence context computed once: lower-cased words, shapes, whether the sentence is all caps. */
export interface SentenceContext {
  tokens: string[];
  lower: string[];
  shapes: string[];
  allCaps: boolean;
}

export function sentenceContext(tokens: string[]): SentenceContext {
  const letters = tokens.filter((t) => /[A-Za-z]/.test(t));
  const caps = letters.filter((t) => t === t.toUpperCase()).length;
  return {
    tokens,
    lower: tokens.map(normalise),
    shapes: tokens.map(shortShape),
    allCaps: letters.length >= 3 && caps / letters.length > 0.8,
  };
}

export function tokenFeatures(s: SentenceContext, i: number, prev: string, prev2: string, gaz: Gazetteer, docMemory: Map<string, string>): string[] {
  const w = s.tokens[i]!;
  const lw = s.lower[i]!;
  const f: string[] = ['b', `w=${w}`, `l=${lw}`, `sh=${s.shapes[i]}`, `p=${prev}`, `pp=${prev2}|${prev}`, `pw=${prev}|${lw}`];
  const n = lw.length;
  for (let k = 1; k <= 4 && k <= n; k++) {
    f.push(`pre${k}=${lw.slice(0, k)}`, `suf${k}=${lw.slice(n - k)}`);
  }
  if (i === 0) f.push('first');
  if (s.allCaps) f.push(`caps|l=${lw}`, `caps|sh=${s.shapes[i]}`);
  if (/^[A-Z][a-z]/.test(w) && i > 0) f.push('title-mid');
  if (/-/.test(w)) f.push('hyphen');
  const l1 = i > 0 ? s.lower[i - 1]! : '<s>';
  const l2 = i > 1 ? s.lower[i - 2]! : '<s>';
  const r1 = i + 1 < s.tokens.length ? s.lower[i + 1]! : '</s>';
  const r2 = i + 2 < s.tokens.length ? s.lower[i + 2]! : '</s>';
  const sh1 = i > 0 ? s.shapes[i - 1]! : '<s>';
  const shr1 = i + 1 < s.tokens.length ? s.shapes[i + 1]! : '</s>';
  f.push(`l-1=${l1}`, `l-2=${l2}`, `l+1=${r1}`, `l+2=${r2}`, `sh-1=${sh1}`, `sh+1=${shr1}`, `l-1l=${l1}|${lw}`, `ll+1=${lw}|${r1}`, `shs=${sh1}|${s.shapes[i]}|${shr1}`);
  const g = gaz.tokenTypes.get(lw);
  if (g) f.push(`gaz=${g}`, `gaz|sh=${g}|${s.shapes[i]}`);
  const gr = r1 !== '</s>' ? gaz.tokenTypes.get(r1) : undefined;
  if (gr) f.push(`gaz+1=${gr}`);
  const gl = l1 !== '<s>' ? gaz.tokenTypes.get(l1) : undefined;
  if (gl) f.push(`gaz-1=${gl}`);
  const mem = docMemory.get(lw);
  if (mem && /^[A-Z]/.test(w)) f.push(`doc=${mem}`);
  return f;
}
