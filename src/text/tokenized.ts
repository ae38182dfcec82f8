// Sentences with their tokens, made by the one splitter and the one tokenizer: what the
// `sentences` stage adds to a document, and what a stage run on bare text (`dossier code`,
// `dossier parse`) makes for itself.
import { splitSentences } from './sentences.js';
import { tokenize, type Token } from './tokens.js';

export interface TokenizedSentence {
  start: number;
  end: number;
  tokens: Token[];
}

export function sentencesWithTokens(text: string): TokenizedSentence[] {
  return splitSentences(text).map((s) => ({ start: s.start, end: s.end, tokens: tokenize(text, s.start, s.end) }));
}
