// The statistical entity tagger over raw text: sentences and tokens from the text layer, tags from
// the model, spans back as character offsets.
import { splitSentences, tokenize } from '../../text/index.js';
import { loadNerModel, type NerModel } from './model.js';

export { loadNerModel, NerModel, TAGS } from './model.js';

export interface EntitySpan {
  start: number;
  end: number;
  type: 'PER' | 'ORG' | 'LOC' | 'MISC';
  text: string;
}

/** Tags a text; sentences of one text share the document memory. */
export function tagText(model: NerModel, text: string): EntitySpan[] {
  const sentences = splitSentences(text).map((s) => tokenize(text, s.start, s.end));
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
      const type = tag.slice(2) as EntitySpan['type'];
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

export function defaultTagger(): (text: string) => EntitySpan[] {
  const model = loadNerModel();
  return (text) => tagText(model, text);
}
