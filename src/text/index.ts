// The text layer: sentences and tokens, each with character offsets into the text it came from.
export { splitSentences, type Span } from './sentences.js';
export { tokenize, type Token } from './tokens.js';
export { openingWords } from './opening-words.js';
export { sentencesWithTokens, type TokenizedSentence } from './tokenized.js';
