// The statistical entity tagger over raw text: sentences and tokens from the text layer, tags from
// the model, spans back as character offsets.
import { splitSentences, tokenize, type Token } from '../../text/index.js';
import { loadNerModel, type NerModel } from './model.js';
import type { EntityType } from './tags.js';

export { loadNerModel, NerModel, DEFAULT_MODEL_PATH } from './model.js';
export { ENTITY_TYPES, type EntityType } from './tags.js';

export interface EntitySpan {
  start: number;
  end: number;
  type: EntityType;
  text: string;
}

/** BIO tags (B-PER, I-ORG, O, …) for one tokenised sentence. */
export function tagTokens(model: NerModel, tokens: string[]): string[] {
  return model.tagDocument([tokens])[0]!;
}

/** Entities of a text; its sentences are tagged as one document (they share document context). */
export function tagText(model: NerModel, text: string): EntitySpan[] {
  return tagSentences(model, text, splitSentences(text).map((s) => tokenize(text, s.start, s.end)));
}

/** Entities of a text already split into sentences of tokens (offsets into `text`), tagged as one document. */
export function tagSentences(model: NerModel, text: string, sentences: readonly (readonly Token[])[]): EntitySpan[] {
  const tagged = model.tagDocument(sentences.map((toks) => toks.map((t) => t.text)));
  const out: EntitySpan[] = [];
  sentences.forEach((toks, si) => {
    const tags = tagged[si]!;
    let i = 0;
    while (i < toks.length) {
      const tag = tags[i]!;
      if (tag === 'O') {
        i++;
        continue;
      }
      const type = tag.slice(2) as EntityType;
      let j = i + 1;
      while (j < toks.length && tags[j] === `I-${type}`) j++;
      const start = toks[i]!.start;
      const end = toks[j - 1]!.end;
      out.push({ start, end, type, text: text.slice(start, end) });
      i = j;
    }
  });
  return out;
}

/** A tagger over the default model, loaded once. */
export function defaultTagger(): (text: string) => EntitySpan[] {
  const model = loadNerModel();
  return (text) => tagText(model, text);
}
