// The components Dossier analyses an article with, each adding one layer to the document:
// sentences and tokens, entity mentions (resolved within the article), numbers, time expressions
// anchored to the publication date, quotes with speakers, and coded events. Models load once per
// process, on first use, so that commands which need none start fast.
import { createAnalyzer, mergeLocalEntity, type Analyzer, type Component } from './analyse.js';
import type { Mention } from '../doc/layers.js';
import { sentencesWithTokens } from '../text/index.js';
import { loadSyntax } from '../syntax/index.js';
import { spansWithin } from '../text/span-index.js';
import { loadNerModel, tagSentences, type NerModel } from '../entities/ner/index.js';
import { countryTables } from '../entities/countries.js';
import { resolveMentions } from '../entities/resolve.js';
import { findNumbers } from '../entities/numeric.js';
import { findTimes } from '../time/index.js';
import { findQuotes } from '../quotes/index.js';
import { codeEvents } from '../events/index.js';
import { EventDater } from '../events/dates.js';
import { actorCode } from '../events/actor-codes.js';
import type { PlaceLookup } from '../entities/types.js';

export const sentencesComponent: Component = {
  name: 'sentences',
  requires: [],
  assigns: ['sentences'],
  run({ field, text }, { doc }) {
    for (const s of sentencesWithTokens(text)) doc.sentences.push({ ...s, field });
  },
};

/** Part of speech, lemma and dependency head of every token, added to the sentences' tokens in place. */
export const syntaxComponent: Component = {
  name: 'syntax',
  requires: ['sentences'],
  assigns: ['syntax'],
  run({ sentences }) {
    const syntax = loadSyntax();
    for (const s of sentences) syntax.annotate(s.tokens);
  },
};

export function entitiesComponent(model: NerModel, places: PlaceLookup): Component {
  return {
    name: 'entities',
    requires: ['sentences'],
    assigns: ['mentions', 'entities'],
    run({ field, text, sentences }, { doc, entities }) {
      const spans = tagSentences(model, text, sentences.map((s) => s.tokens)).map((s) => ({ start: s.start, end: s.end, type: s.type }));
      const resolved = resolveMentions(text, spans, places);
      for (const m of resolved.mentions) doc.mentions.push({ ...m, field });
      for (const e of resolved.entities) mergeLocalEntity(entities, e);
    },
  };
}

export const numbersComponent: Component = {
  name: 'numbers',
  requires: [],
  assigns: ['numbers'],
  run({ field, text }, { doc }) {
    for (const n of findNumbers(text)) doc.numbers.push({ ...n, field });
  },
};

export const timesComponent: Component = {
  name: 'times',
  requires: [],
  assigns: ['times'],
  run({ field, text }, { doc, anchor }) {
    for (const t of findTimes(text, anchor))
      doc.times.push({ field, start: t.start, end: t.end, text: t.text, type: t.type, value: t.value, granularity: t.granularity, anchor: t.anchorUsed, resolved: t.resolved, rule: t.rule });
  },
};

/** The layer's records of one field. */
const ofField = <T extends { field: string }>(records: T[], field: string): T[] => records.filter((r) => r.field === field);

export const quotesComponent: Component = {
  name: 'quotes',
  requires: ['sentences', 'mentions'],
  assigns: ['quotes'],
  run({ field, text, sentences }, { doc }) {
    for (const q of findQuotes(text, { mentions: ofField(doc.mentions, field), sentences }))
      doc.quotes.push({
        field,
        start: q.start,
        end: q.end,
        text: q.text,
        partial: q.partial,
        speakerText: q.speaker?.text ?? null,
        speakerKey: q.speaker?.entityId ?? null,
        cue: q.cue,
        cueType: q.cueType,
        via: q.via?.text ?? null,
      });
  },
};

export const eventsComponent: Component = {
  name: 'events',
  requires: ['sentences', 'syntax', 'mentions', 'entities', 'times'],
  assigns: ['events'],
  run({ field, text, sentences }, { doc, entities, article }) {
    const published = article.published?.value ?? null;
    const mentions = ofField(doc.mentions, field);
    const coded = mentions.map((m) => ({ start: m.start, end: m.end, code: actorCode(m, m.entityKey ? entities.get(m.entityKey) : undefined, text) }));
    // The mentions of an event's sentence by position (a scan of all of them per event was quadratic).
    const mentionsWithin = spansWithin(mentions);
    const keyAt = (start: number, end: number, words: string | null) => (words ? entityKeyIn(mentionsWithin(start, end), words) : null);
    // The event's date comes from the time layer: its own sentence, else a neighbouring one (src/events/dates.ts).
    const dater = new EventDater(text, sentences, ofField(doc.times, field), mentions, published);
    for (const e of codeEvents({ id: '', text, published }, { mentions: coded, sentences })) {
      const sourceKey = keyAt(e.start, e.end, e.sourceText);
      const targetKey = keyAt(e.start, e.end, e.targetText);
      const at = e.start + Math.max(0, text.slice(e.start, e.end).indexOf(e.trigger));
      const { dateFrom: _from, ...when } = dater.date({ start: e.start, end: e.end, at, source: e.source, target: e.target, sourceKey, targetKey });
      doc.events.push({
        field,
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
        reciprocal: e.reciprocal ?? false,
        planned: e.planned ?? null,
        confirmed: e.confirmed ?? null,
      });
    }
  },
};

/** The entity a coded actor's words name: a mention inside the event's sentence that holds them or that they hold. */
function entityKeyIn(inSentence: Mention[], words: string): string | null {
  const hit = inSentence.find((m) => words.includes(m.text) || m.text.includes(words));
  return hit?.entityKey ?? null;
}

/** Which layers a job needs: `tag` stops before event coding, `code` needs no quotes. */
export type AnalysisJob = 'all' | 'tag' | 'code';

let model: NerModel | null = null;
let places: PlaceLookup | null = null;

/** The default components for a job, with the models loaded once per process. */
export function defaultComponents(job: AnalysisJob = 'all'): Component[] {
  model ??= loadNerModel();
  places ??= countryTables();
  const entities = entitiesComponent(model, places);
  switch (job) {
    case 'tag':
      return [sentencesComponent, entities, numbersComponent, timesComponent, quotesComponent];
    case 'code':
      return [sentencesComponent, syntaxComponent, entities, timesComponent, eventsComponent];
    default:
      return [sentencesComponent, syntaxComponent, entities, numbersComponent, timesComponent, quotesComponent, eventsComponent];
  }
}

/** An analyser over the default components of a job. */
export function defaultAnalyzer(job: AnalysisJob = 'all'): Analyzer {
  return createAnalyzer(defaultComponents(job));
}
