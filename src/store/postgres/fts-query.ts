// What a user types into search (the syntax `dossier search` documents for FTS5), as a PostgreSQL
// tsquery built from parameters: plain words are all required, "quoted words" are a phrase, a word
// ending in * is a prefix, OR joins its neighbours, NOT or a leading - excludes the next term.
// Parentheses and NEAR are read as plain grouping and AND. Every term goes through the server's
// own parser (plainto_tsquery, phraseto_tsquery), so no input can make a malformed query.

export interface TsQuery {
  /** A SQL expression of type tsquery, with parameters numbered from `first`. */
  expr: string;
  params: string[];
}

type Term = { kind: 'phrase' | 'word' | 'prefix'; text: string; negated: boolean };

function terms(query: string): { groups: Term[][] } {
  // Each group is a run of terms joined by OR; groups are ANDed.
  const groups: Term[][] = [];
  let negate = false;
  let orNext = false;
  const push = (t: Term) => {
    if (orNext && groups.length > 0) groups[groups.length - 1]!.push(t);
    else groups.push([t]);
    orNext = false;
    negate = false;
  };
  const token = /"([^"]*)"?|(\S+)/gu;
  for (let m = token.exec(query); m; m = token.exec(query)) {
    if (m[1] !== undefined) {
      if (m[1].trim()) push({ kind: 'phrase', text: m[1], negated: negate });
      continue;
    }
    let w = m[2]!;
    if (w === 'OR') {
      orNext = true;
      continue;
    }
    if (w === 'AND' || w === 'NEAR' || /^NEAR\(/.test(w)) continue;
    if (w === 'NOT') {
      negate = true;
      continue;
    }
    let neg = negate;
    if (w.startsWith('-') && w.length > 1) {
      neg = true;
      w = w.slice(1);
    }
    const prefix = w.endsWith('*');
    const words = w.match(/[\p{L}\p{N}_]+/gu) ?? [];
    if (words.length === 0) continue;
    // 'U.S.' or 'al-Assad' hold several words: a phrase of them.
    if (words.length > 1) push({ kind: 'phrase', text: words.join(' '), negated: neg });
    else push({ kind: prefix ? 'prefix' : 'word', text: words[0]!, negated: neg });
  }
  return { groups };
}

/** The tsquery for a user's query; `first` is the number of the first parameter. */
export function toTsQuery(query: string, first: number): TsQuery | null {
  const params: string[] = [];
  const one = (t: Term): string => {
    params.push(t.kind === 'prefix' ? `${t.text.toLowerCase()}:*` : t.text);
    const n = `$${first + params.length - 1}`;
    const q = t.kind === 'phrase' ? `phraseto_tsquery('simple', ${n})` : t.kind === 'prefix' ? `to_tsquery('simple', ${n})` : `plainto_tsquery('simple', ${n})`;
    return t.negated ? `(!! ${q})` : q;
  };
  const { groups } = terms(query);
  // A query of exclusions alone matches nothing in FTS5 either.
  if (!groups.some((g) => g.some((t) => !t.negated))) return null;
  const expr = groups.map((g) => (g.length === 1 ? one(g[0]!) : `(${g.map(one).join(' || ')})`)).join(' && ');
  return { expr, params };
}
