// CoNLL-U reading and writing. Multi-word token lines (1-2) and empty nodes (1.1) are skipped:
// the parser works on syntactic words, which is what the UD scores count.

export interface ConlluWord {
  form: string;
  lemma: string;
  upos: string;
  feats: string;
  head: number;
  deprel: string;
}

export interface ConlluSentence {
  id: string;
  words: ConlluWord[];
}

export function readConllu(text: string): ConlluSentence[] {
  const out: ConlluSentence[] = [];
  let words: ConlluWord[] = [];
  let id = '';
  const flush = () => {
    if (words.length) out.push({ id: id || `s${out.length + 1}`, words });
    words = [];
    id = '';
  };
  for (const line of text.split('\n')) {
    if (!line.trim()) {
      flush();
      continue;
    }
    if (line.startsWith('#')) {
      const m = /^# sent_id = (.*)$/.exec(line);
      if (m) id = m[1]!.trim();
      continue;
    }
    const cols = line.split('\t');
    if (cols.length < 8 || !/^\d+$/.test(cols[0]!)) continue;
    words.push({ form: cols[1]!, lemma: cols[2]!, upos: cols[3]!, feats: cols[5]!, head: Number(cols[6]), deprel: cols[7]! });
  }
  flush();
  return out;
}

/** The universal part of a relation: 'nmod:poss' -> 'nmod'. */
export function universalRelation(deprel: string): string {
  const i = deprel.indexOf(':');
  return i < 0 ? deprel : deprel.slice(0, i);
}

export interface ConlluOutToken {
  text: string;
  lemma: string;
  upos: string;
  feats?: string;
  head: number;
  deprel: string;
}

export function writeConllu(tokens: ConlluOutToken[], comments: string[] = []): string {
  const lines = comments.map((c) => `# ${c}`);
  tokens.forEach((t, i) => lines.push([i + 1, t.text, t.lemma, t.upos, '_', t.feats || '_', t.head, t.deprel, '_', '_'].join('\t')));
  return `${lines.join('\n')}\n\n`;
}
