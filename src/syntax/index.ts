// The syntax layer's API: part-of-speech tags, lemmas and a dependency parse for one sentence of
// words, or for raw text through the project's sentence splitter and tokenizer.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { modelsDir } from '../paths.js';
import { sentencesWithTokens } from '../text/index.js';
import type { DocToken, TokenSyntax } from '../doc/layers.js';
import { decodeSyntaxModel, type SyntaxModelData } from './model.js';
import { parseInput, Parser } from './parser.js';
import { tagSentence } from './tagger.js';
import { lemmatize } from './lemmatizer.js';
import { wordInfo } from './word-info.js';
import { datelineDash } from './dateline.js';

/** A word with its tag, lemma, head and relation (the document's TokenSyntax, src/doc/layers.ts). */
export interface ParsedToken extends TokenSyntax {
  text: string;
}

export interface ParsedSentence {
  /** Character offsets of the sentence in the text. */
  start: number;
  end: number;
  tokens: (ParsedToken & { start: number; end: number })[];
}

export const SYNTAX_MODEL_FILE = 'syntax.bin.gz';

/** A loaded model: tags, lemmatises and parses sentences. */
export class SyntaxAnalyser {
  private parser: Parser;

  constructor(readonly model: SyntaxModelData) {
    const verbTags = ['VERB', 'AUX'].map((t) => model.upos.indexOf(t)).filter((i) => i >= 0);
    this.parser = new Parser(model.moves, model.arcLabels, model.labels.indexOf('root'), verbTags);
  }

  parseTokens(words: readonly string[]): ParsedToken[] {
    const dash = datelineDash(words);
    if (dash < 0) return this.parseSentence(words);
    const head = this.parseSentence(words.slice(0, dash));
    const rest = this.parseSentence(words.slice(dash + 1)).map((t) => ({ ...t, head: t.head === 0 ? 0 : t.head + dash + 1 }));
    const root = rest.findIndex((t) => t.head === 0) + dash + 2;
    const dateline = head.map((t) => (t.head === 0 ? { ...t, head: root, deprel: 'parataxis' } : t));
    const punct: ParsedToken = { text: words[dash]!, upos: 'PUNCT', lemma: words[dash]!, head: root, deprel: 'punct' };
    return [...dateline, punct, ...rest];
  }

  /** One sentence through tagger, lemmatiser and parser. */
  private parseSentence(words: readonly string[]): ParsedToken[] {
    if (words.length === 0) return [];
    const info = wordInfo(words);
    const tags = tagSentence(this.model.tagger, this.model.tagLexicon, info);
    const { heads, labels } = this.parser.parse(parseInput(info, tags));
    const out: ParsedToken[] = [];
    for (let i = 0; i < words.length; i++) {
      const upos = this.model.upos[tags[i]!]!;
      out.push({ text: words[i]!, upos, lemma: lemmatize(words[i]!, upos, this.model.lexicon), head: heads[i]!, deprel: this.model.labels[labels[i]!]! });
    }
    return out;
  }

  /** Adds tag, lemma, head and relation to one sentence's tokens, in place (the document's syntax layer). */
  annotate(tokens: DocToken[]): void {
    const parsed = this.parseTokens(tokens.map((t) => t.text));
    for (let i = 0; i < tokens.length; i++) {
      const { upos, lemma, head, deprel } = parsed[i]!;
      const t = tokens[i]!;
      t.upos = upos;
      t.lemma = this.shared(lemma);
      t.head = head;
      t.deprel = deprel;
    }
  }

  // One string per distinct lemma: a long document's tokens would otherwise each hold a copy.
  private readonly lemmas = new Map<string, string>();

  private shared(lemma: string): string {
    const have = this.lemmas.get(lemma);
    if (have !== undefined) return have;
    if (this.lemmas.size < 200_000) this.lemmas.set(lemma, lemma);
    return lemma;
  }

  parseText(text: string): ParsedSentence[] {
    return sentencesWithTokens(text).map((s) => {
      const parsed = this.parseTokens(s.tokens.map((t) => t.text));
      return { start: s.start, end: s.end, tokens: parsed.map((p, i) => ({ ...p, start: s.tokens[i]!.start, end: s.tokens[i]!.end })) };
    });
  }
}

let loaded: SyntaxAnalyser | null = null;

/** The model in models/syntax.bin.gz, read once per process. */
export function loadSyntax(path = join(modelsDir(), SYNTAX_MODEL_FILE)): SyntaxAnalyser {
  if (!loaded) loaded = new SyntaxAnalyser(decodeSyntaxModel(readFileSync(path)));
  return loaded;
}

/** Tags, lemmas and heads for one sentence given as words (kept exactly as given). */
export function parseTokens(words: readonly string[]): ParsedToken[] {
  return loadSyntax().parseTokens(words);
}

/** A sentence's tokens with the syntax layer: read from the tokens when the `syntax` stage has run, else parsed now and kept on them. */
export function tokensWithSyntax(tokens: DocToken[]): Required<DocToken>[] {
  if (tokens.some((t) => t.head === undefined)) loadSyntax().annotate(tokens);
  return tokens as Required<DocToken>[];
}

/** Sentences of raw text (the project's splitter and tokenizer), each parsed. */
export function parseText(text: string): ParsedSentence[] {
  return loadSyntax().parseText(text);
}
