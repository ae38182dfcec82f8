// The layers Dossier runs by default, composed for the pipeline: text splitting, the statistical
// entity tagger, the country tables, the time layer, quotes and the event coder.
import { spansWithin } from '../text/span-index.js';
import type { Analysers } from './analyse.js';
import { splitSentences } from '../text/index.js';
import { defaultTagger } from '../entities/ner/index.js';
import { countryTables } from '../entities/countries.js';
import { findTimes } from '../time/index.js';
import { findQuotes } from '../quotes/index.js';
import { codeEvents } from '../events/index.js';
import { EventDater } from '../events/dates.js';
import { actorCode } from './actor-codes.js';

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
        speakerKey: q.speaker?.entityId ?? null,
        cue: q.cue,
        cueType: q.cueType,
        via: q.via?.text ?? null,
      })),
    events: (text, published, mentions, entities, times) => {
      const byKey = new Map(entities.map((e) => [e.key, e]));
      const coded = mentions.map((m) => ({ start: m.start, end: m.end, code: actorCode(m, m.entityKey ? byKey.get(m.entityKey) : undefined, text) }));
      // The mentions of an event's sentence by position (a scan of all of them per event was quadratic).
      const mentionsWithin = spansWithin(mentions);
      const keyAt = (sentenceStart: number, sentenceEnd: number, words: string | null) => {
        if (!words) return null;
        const hit = mentionsWithin(sentenceStart, sentenceEnd).find((m) => words.includes(m.text) || m.text.includes(words));
        return hit?.entityKey ?? null;
      };
      // The event's date comes from the time layer: its own sentence, else a neighbouring one (src/events/dates.ts).
      const dater = new EventDater(text, times, mentions, published);
      return codeEvents({ id: '', text, published }, { mentions: coded }).map((e) => {
        const sourceKey = keyAt(e.start, e.end, e.sourceText);
        const targetKey = keyAt(e.start, e.end, e.targetText);
        const at = e.start + Math.max(0, text.slice(e.start, e.end).indexOf(e.trigger));
        const { dateFrom: _from, ...when } = dater.date({ start: e.start, end: e.end, at, source: e.source, target: e.target, sourceKey, targetKey });
        return {
          start: e.start,
          end: e.end,
          sentence: text.slice(e.start, e.end),
          cameo: e.cameo,
          root: e.root,
          plover: e.plover,
          quad: e.quad,
          goldstein: e.goldstein,
          source: e.source,
          sourceText: e.sourceText,
          sourceKey,
          target: e.target,
          targetText: e.targetText,
          targetKey,
          ...when,
          location: e.location,
          modality: e.modality,
          confidence: e.confidence,
          trigger: e.trigger,
        };
      });
    },
  };
}
