// The layers Dossier runs by default, composed for the pipeline: text splitting, the statistical
// entity tagger, the country tables, the time layer, quotes and the event coder.
import type { Analysers } from './analyse.js';
import { splitSentences } from '../text/index.js';
import { defaultTagger } from '../entities/ner/index.js';
import { countryTables } from '../entities/countries.js';
import { findTimes } from '../time/index.js';
import { findQuotes } from '../quotes/index.js';
import { codeSentenceEvents } from '../events/index.js';

export async function defaultAnalysers(): Promise<Analysers> {
  const tag = defaultTagger();
  const places = countryTables();
  return {
    sentences: splitSentences,
    entities: (text) => tag(text),
    places,
    times: (text, anchor) =>
      findTimes(text, anchor).map((t) => ({
        start: t.start,
        end: t.end,
        text: t.text,
        type: t.type,
        value: t.value,
        granularity: t.granularity,
        anchor: t.anchorUsed,
        resolved: t.resolved,
        rule: t.rule,
      })),
    quotes: (text, mentions) =>
      findQuotes(text, { mentions }).map((q) => ({
        start: q.start,
        end: q.end,
        text: q.text,
        partial: q.partial,
        speakerText: q.speaker?.text ?? null,
        speakerKey: q.speaker?.entityKey ?? null,
        cue: q.cue,
        cueType: q.cueType,
        via: q.via?.text ?? null,
      })),
    events: (text, published, mentions, times) => codeSentenceEvents(text, { published, mentions, times, places, sentences: splitSentences(text) }),
  };
}
