// The timeline of one entity across articles: the sentences that speak of it, the events it takes
// part in there (TimeML-style event words near its mentions), each anchored to a date from the time
// layer, mentions of one event in several articles merged, and the events ordered by date.
import { splitSentences, tokenize, type Token } from '../text/index.js';
import { findTimes } from '../time/index.js';
import { tokensWithSyntax } from '../syntax/index.js';
import { hasOtherSubject, isArgumentOf } from './event-owner.js';
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
  /** Content words of the sentence other than the entity's name. */
  context: Set<string>;
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
  /**
   * Let a weakly dated mention take the date of a same-word mention in another article with its own
   * time expression (off by default: on the SemEval-2015 trial data it moved F1 from 0.390 to 0.385).
   */
  propagateDates?: boolean;
}

// Verbs of saying: each use is its own event, never merged across articles by the word alone.
const REPORTING = new Set(['say', 'tell', 'add', 'note', 'state', 'announc', 'claim', 'describ', 'call', 'report', 'explain', 'comment', 'told', 'said']);
// Words and marks that open another clause: an event beyond one belongs to that clause's subject.
const BARRIER = /^(?:that|which|who|whether|because|while|although|though|if|when|where|after|before|since|as|,|;|:|")$/;
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
  const mid = (f: Found) => (f.token.start + f.token.end) / 2;
  const clauseAt = tokens.filter((t) => /^(?:that|which|who|whether|because|while|although|if|when)$/i.test(t.text)).map((t) => t.start);
  const modalAt = tokens.filter((t) => /^(?:will|would|could|should|may|might|'ll)$/i.test(t.text)).map((t) => t.start);
  const nearest = (f: Found) => {
    const at = mid(f);
    let best: (typeof times)[number] | null = null;
    // The finest date of the sentence ('yesterday' over 'this year'), the nearest among equals.
    for (const t of times) {
      // A date after a modal belongs to the future clause ('said the terminal would open by 2023').
      if (f.word.kind === 'verb' && f.word.tense !== 'future' && t.at > at && modalAt.some((m) => m > at && m < t.at)) continue;
      // A date inside a clause the verb governs belongs to that clause ('claims that ... an agreement reached in 1991').
      if (f.word.kind === 'verb' && t.at > at && clauseAt.some((c) => c > at && c < t.at)) continue;
      // 'now', 'current': the present, for verbs in the present only.
      if (t.present && f.word.kind === 'verb' && f.word.tense !== 'present' && f.word.tense !== 'perfect') continue;
      if (!best) best = t;
      else if (t.date.length > best.date.length || (t.date.length === best.date.length && Math.abs(t.at - at) < Math.abs(best.at - at))) best = t;
    }
    return best;
  };
  // Finite verbs first: a time expression of the sentence, else the tense decides.
  for (const f of found) {
    const finite = f.word.kind === 'verb' && f.word.tense !== 'nonfinite';
    if (!finite) continue;
    const t = nearest(f);
    if (t) {
      f.date = t.date;
      f.dateFrom = t.present ? 'publication' : 'time';
    } else if (f.word.tense === 'present' || (f.word.tense === 'perfect' && !narrative)) {
      f.date = pub;
      f.dateFrom = pub ? 'publication' : null;
    } else if (f.word.tense === 'past' || f.word.tense === 'perfect') {
      f.date = narrative ?? pub;
      f.dateFrom = narrative ? 'narrative' : pub ? 'publication' : null;
    }
  }
  // Nouns and non-finite verbs: a time expression, else the nearest dated finite verb of the sentence.
  for (const f of found) {
    if (f.date || f.dateFrom) continue;
    if (f.word.kind === 'verb' && f.word.tense !== 'nonfinite') continue;
    const t = nearest(f);
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

function daysBetween(a: string, b: string): number {
  return Math.abs(Date.parse(b) - Date.parse(a)) / 86400000;
}

/** Mentions of events the target takes part in, in one article. */
export function articleMentions(article: TimelineArticle, target: TimelineTarget, opts: TimelineOptions = {}): TimelineMention[] {
  const window = opts.window ?? 5;
  const matcher = targetMatcher(target);
  const nameWords = new Set([target.name, ...(target.aliases ?? [])].flatMap((n) => n.toLowerCase().split(/\s+/)));
  const sentences = article.sentences ?? splitSentences(article.text);
  const times = article.times ?? findTimes(article.text, article.published ? { date: article.published } : null);
  const pub = article.published ? article.published.slice(0, 10) : null;
  const out: TimelineMention[] = [];
  let previous = false;
  let lastSeen = -10;
  let narrative: string | null = null;
  sentences.forEach((s, si) => {
    const tokens = tokenize(article.text, s.start, s.end);
    const here = usableTimes(times.filter((t) => t.start >= s.start && t.end <= s.end), article.published);
    const hits = matcher.find(tokens, previous);
    if (hits.length) lastSeen = si;
    // Pronouns may continue a topic named in either of the two sentences before.
    previous = si - lastSeen < 2;
    if (hits.length) {
      // The references are known subjects: a present -s form right after one is its verb ('the store sells').
      const dated = dateWords(eventWords(tokens, new Set(hits.map((h) => h.end))), tokens, here, article.published, narrative);
      // A name's apposition (', the Apple CEO ,') does not separate it from its verb.
      const reach = hits.map((h) => {
        if (tokens[h.end]?.text !== ',') return h.end;
        for (let k = h.end + 1; k < Math.min(tokens.length, h.end + 12); k++) {
          if (tokens[k]!.text === ',') return dated.some((f) => f.word.index > h.end && f.word.index < k && f.word.kind === 'verb' && f.word.tense !== 'nonfinite') ? h.end : k + 1;
        }
        return h.end;
      });
      // A clause boundary between a reference and a word puts the word in another clause ('said that Apple has').
      const barrier = (from: number, to: number) => {
        for (let k = from; k < to; k++) {
          const w = tokens[k]!.text.toLowerCase();
          // ... except a relative pronoun right after the name, whose clause is about it ('the store, which sells').
          const relative = (x: number) => /^(?:which|who)$/i.test(tokens[x]?.text ?? '');
          if (BARRIER.test(w) && !(k <= from + 1 && (relative(k) || (w === ',' && relative(k + 1))))) return true;
        }
        return false;
      };
      const distance = (i: number) =>
        Math.min(
          ...hits.map((h, n) => {
            if (i < h.start ? barrier(i + 1, h.start) : barrier(reach[n]!, i)) return Infinity;
            return i < h.start ? h.start - i : i >= reach[n]! ? i - reach[n]! + 1 : 0;
          }),
        );
      const chosen = new Set<Found>();
      // Near a reference, unless the parse gives the word a subject of its own that is another name
      // or noun and the reference is none of its arguments ('the club said the league dropped it').
      // The sentence is parsed only when a word is near enough to ask.
      const someoneElses = (f: Found) => {
        const parsed = tokensWithSyntax(tokens);
        return hasOtherSubject(parsed, f.word.index, hits) && !hits.some((h) => isArgumentOf(parsed, f.word.index, h.start, h.end));
      };
      for (const f of dated) if (distance(f.word.index) <= window && !someoneElses(f)) chosen.add(f);
      // Verbs joined to a chosen verb by 'and' or 'but' share its subject ('welcomed everyone ... and announced').
      for (const f of dated) {
        if (chosen.has(f) || f.word.kind !== 'verb' || f.word.tense === 'nonfinite') continue;
        let k = f.word.index - 1;
        while (k >= 0 && /ly$|^(?:also|then|later)$/.test(tokens[k]!.text.toLowerCase())) k--;
        if (!/^(?:and|but)$/i.test(tokens[k]?.text ?? '')) continue;
        if ([...chosen].some((g) => g.word.kind === 'verb' && g.word.tense !== 'nonfinite' && g.word.index < f.word.index)) chosen.add(f);
      }
      const context = contentWords(article.text.slice(s.start, s.end), nameWords);
      for (const f of dated) {
        if (!chosen.has(f)) continue;
        const i = f.word.index;
        const hit = hits.reduce((a, b) => (Math.abs(b.start - i) < Math.abs(a.start - i) ? b : a));
        out.push({ articleId: article.id, sentence: si, start: f.token.start, end: f.token.end, text: f.token.text, lemma: f.word.lemma, kind: f.word.kind, date: f.date, dateFrom: f.dateFrom, via: hit.via, published: pub, context });
      }
    }
    // The narrative's reference time: the last day the article has named up to here, not after its publication.
    // Only days of the news itself, within a month before publication; a birth date in a profile is background.
    for (const t of here) if (!t.present && (!pub || (t.date <= pub && daysBetween(t.date, pub) <= 31)) && t.date.length === 10) narrative = t.date;
  });
  return out;
}

const STOP = new Set(['the', 'and', 'that', 'with', 'from', 'this', 'have', 'has', 'had', 'was', 'were', 'will', 'would', 'which', 'their', 'its', 'his', 'her', 'for', 'about', 'into', 'after', 'before', 'also', 'said', 'than', 'they', 'been', 'more', 'other', 'over']);

/** Content words of a sentence, for telling whether two mentions of a word speak of the same happening. */
export function contentWords(sentence: string, skip: Set<string>): Set<string> {
  const out = new Set<string>();
  for (const w of sentence.toLowerCase().match(/[a-z0-9][a-z0-9'-]+/g) ?? []) if (w.length > 3 && !STOP.has(w) && !skip.has(w)) out.add(w);
  return out;
}

/**
 * Mentions of one event in several articles: a weakly dated mention (tense, narrative or nothing)
 * takes the date a mention of the same word has from its own time expression in another article,
 * when the two sentences share other words (the same thing launched, the same product introduced)
 * and the date is not after the weak mention's publication.
 */
function mergeDates(mentions: TimelineMention[], need: number): void {
  const byLemma = new Map<string, TimelineMention[]>();
  for (const m of mentions) byLemma.set(m.lemma, [...(byLemma.get(m.lemma) ?? []), m]);
  for (const [lemma, group] of byLemma) {
    if (REPORTING.has(lemma)) continue;
    const strong = group.filter((m) => m.dateFrom === 'time' && m.date && m.date.length === 10);
    if (!strong.length) continue;
    for (const m of group) {
      if (m.dateFrom && STRENGTH[m.dateFrom] >= STRENGTH.time) continue;
      let best: { m: TimelineMention; shared: number } | null = null;
      for (const s of strong) {
        if (s.articleId === m.articleId || (m.published && s.date! > m.published)) continue;
        let shared = 0;
        for (const w of m.context) if (s.context.has(w)) shared++;
        if (shared >= need && (!best || shared > best.shared)) best = { m: s, shared };
      }
      if (!best) continue;
      m.date = best.m.date;
      m.dateFrom = 'same-event';
    }
  }
}

/** The entity's timeline over the articles, ordered by date (coarser dates before finer ones of the same period). */
export function entityTimeline(articles: TimelineArticle[], target: TimelineTarget, opts: TimelineOptions = {}): TimelineEvent[] {
  const mentions = articles.flatMap((a) => articleMentions(a, target, opts));
  if (opts.propagateDates) mergeDates(mentions, 3);
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
