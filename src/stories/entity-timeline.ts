// The timeline of one entity across articles: the sentences that speak of it, the events it takes
// part in there (TimeML-style event words near its mentions), each anchored to a date from the time
// layer, mentions of one event in several articles merged, and the events ordered by date.
import { splitSentences, tokenize, type Token } from '../text/index.js';
import { findTimes } from '../time/index.js';
import { eventWords, type EventWord } from './event-words.js';
import { targetMatcher, type TargetHit, type TimelineTarget } from './entity-forms.js';
import { usableTimes, type DatedTime } from './event-anchor.js';

export type { TimelineTarget, TargetKind } from './entity-forms.js';

export interface TimelineArticle {
  id: string;
  /** Publication date (the document's creation time), ISO. */
  published: string | null;
  text: string;
  /** Sentence spans of the text; the text layer splits it when absent. */
  sentences?: { start: number; end: number }[];
  /** The time layer's expressions for the text; found afresh when absent. */
  times?: DatedTime[];
}

export type DateSource = 'time' | 'publication' | 'narrative' | 'sentence' | 'same-event';

export interface TimelineMention {
  articleId: string;
  /** Index of the sentence in the article. */
  sentence: number;
  start: number;
  end: number;
  text: string;
  lemma: string;
  kind: 'verb' | 'noun';
  date: string | null;
  dateFrom: DateSource | null;
  /** How the sentence refers to the entity. */
  via: TargetHit['via'];
  /** The article's publication day. */
  published: string | null;
}

export interface TimelineEvent {
  /** Position on the timeline, from 1; 0 for events that cannot be placed. */
  order: number;
  date: string | null;
  lemma: string;
  mentions: TimelineMention[];
}

export interface TimelineOptions {
  /** Event words at most this many tokens from a reference to the entity take part in its events. */
  window?: number;
}

// Verbs of saying: each use is its own event, never merged across articles by the word alone.
const REPORTING = new Set(['say', 'tell', 'add', 'note', 'state', 'announc', 'claim', 'describ', 'call', 'report', 'explain', 'comment', 'told', 'said']);
const STRENGTH: Record<DateSource, number> = { time: 4, 'same-event': 3, sentence: 3, narrative: 2, publication: 1 };

interface Found {
  word: EventWord;
  token: Token;
  date: string | null;
  dateFrom: DateSource | null;
}

/** Dates for every event word of a sentence: its own time expression, its tense, the sentence's other events. */
function dateWords(words: EventWord[], tokens: Token[], times: ReturnType<typeof usableTimes>, published: string | null, narrative: string | null): Found[] {
  const pub = published ? published.slice(0, 10) : null;
  const found: Found[] = words.map((word) => ({ word, token: tokens[word.index]!, date: null, dateFrom: null }));
  const nearest = (at: number) => {
    let best: (typeof times)[number] | null = null;
    for (const t of times) if (!best || Math.abs(t.at - at) < Math.abs(best.at - at)) best = t;
    return best;
  };
  // Finite verbs first: a time expression of the sentence, else the tense decides.
  for (const f of found) {
    const finite = f.word.kind === 'verb' && f.word.tense !== 'nonfinite';
    if (!finite) continue;
    const t = nearest((f.token.start + f.token.end) / 2);
    if (t) {
      f.date = t.date;
      f.dateFrom = t.present ? 'publication' : 'time';
    } else if (f.word.tense === 'present' || f.word.tense === 'perfect') {
      f.date = pub;
      f.dateFrom = pub ? 'publication' : null;
    } else if (f.word.tense === 'past') {
      f.date = narrative ?? pub;
      f.dateFrom = narrative ? 'narrative' : pub ? 'publication' : null;
    }
  }
  // Nouns and non-finite verbs: a time expression, else the nearest dated finite verb of the sentence.
  for (const f of found) {
    if (f.date || f.dateFrom) continue;
    if (f.word.kind === 'verb' && f.word.tense !== 'nonfinite') continue;
    const t = nearest((f.token.start + f.token.end) / 2);
    if (t) {
      f.date = t.date;
      f.dateFrom = t.present ? 'publication' : 'time';
      continue;
    }
    let best: Found | null = null;
    for (const g of found) {
      if (!g.date || g === f || g.word.kind !== 'verb' || g.word.tense === 'nonfinite') continue;
      if (!best || Math.abs(g.word.index - f.word.index) < Math.abs(best.word.index - f.word.index)) best = g;
    }
    if (best) {
      f.date = best.date;
      f.dateFrom = 'sentence';
    }
  }
  return found;
}

/** Mentions of events the target takes part in, in one article. */
export function articleMentions(article: TimelineArticle, target: TimelineTarget, opts: TimelineOptions = {}): TimelineMention[] {
  const window = opts.window ?? 6;
  const matcher = targetMatcher(target);
  const sentences = article.sentences ?? splitSentences(article.text);
  const times = article.times ?? findTimes(article.text, article.published ? { date: article.published } : null);
  const pub = article.published ? article.published.slice(0, 10) : null;
  const out: TimelineMention[] = [];
  let previous = false;
  let narrative: string | null = null;
  sentences.forEach((s, si) => {
    const tokens = tokenize(article.text, s.start, s.end);
    const here = usableTimes(times.filter((t) => t.start >= s.start && t.end <= s.end), article.published);
    const hits = matcher.find(tokens, previous);
    previous = hits.length > 0;
    if (hits.length) {
      const dated = dateWords(eventWords(tokens), tokens, here, article.published, narrative);
      for (const f of dated) {
        const i = f.word.index;
        const dist = Math.min(...hits.map((h) => (i < h.start ? h.start - i : i >= h.end ? i - h.end + 1 : 0)));
        if (dist > window) continue;
        const hit = hits.reduce((a, b) => (Math.abs(b.start - i) < Math.abs(a.start - i) ? b : a));
        out.push({ articleId: article.id, sentence: si, start: f.token.start, end: f.token.end, text: f.token.text, lemma: f.word.lemma, kind: f.word.kind, date: f.date, dateFrom: f.dateFrom, via: hit.via, published: pub });
      }
    }
    // The narrative's reference time: the last day the article has named up to here, not after its publication.
    for (const t of here) if (!t.present && (!pub || t.date <= pub) && t.date.length === 10) narrative = t.date;
  });
  return out;
}

/** Mentions of one event across articles: a weakly dated mention takes the date its event has elsewhere. */
function mergeDates(mentions: TimelineMention[]): void {
  const byLemma = new Map<string, TimelineMention[]>();
  for (const m of mentions) byLemma.set(m.lemma, [...(byLemma.get(m.lemma) ?? []), m]);
  for (const [lemma, group] of byLemma) {
    if (REPORTING.has(lemma)) continue;
    const strong = new Set(group.filter((m) => m.dateFrom === 'time' && m.date).map((m) => m.date!));
    if (strong.size !== 1) continue;
    const date = [...strong][0]!;
    for (const m of group) {
      if (m.dateFrom && STRENGTH[m.dateFrom] >= STRENGTH.time) continue;
      // A past or present mention cannot be of an event after its article was written.
      if (m.published && date > m.published) continue;
      m.date = date;
      m.dateFrom = 'same-event';
    }
  }
}

/** The entity's timeline over the articles, ordered by date (coarser dates before finer ones of the same period). */
export function entityTimeline(articles: TimelineArticle[], target: TimelineTarget, opts: TimelineOptions = {}): TimelineEvent[] {
  const mentions = articles.flatMap((a) => articleMentions(a, target, opts));
  mergeDates(mentions);
  const events = new Map<string, TimelineEvent>();
  for (const m of mentions) {
    // One event per word and date; undated mentions stay apart, one event each.
    const key = m.date ? `${m.lemma}|${m.date}` : `${m.articleId}|${m.start}`;
    const e = events.get(key);
    if (e) e.mentions.push(m);
    else events.set(key, { order: 0, date: m.date, lemma: m.lemma, mentions: [m] });
  }
  const dates = [...new Set([...events.values()].map((e) => e.date).filter((d): d is string => !!d))].sort();
  const list = [...events.values()];
  for (const e of list) e.order = e.date ? dates.indexOf(e.date) + 1 : 0;
  return list.sort((a, b) => a.order - b.order || a.mentions[0]!.articleId.localeCompare(b.mentions[0]!.articleId) || a.mentions[0]!.start - b.mentions[0]!.start);
}
