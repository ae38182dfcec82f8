// Dates of coded events from the time layer's expressions. An event takes the resolved date
// written in its own sentence(s), nearest its trigger. Failing that, a neighbouring sentence may
// date it: when the event's actor does something dated there ('Netanyahu said Tuesday ...') and
// that sentence is about the same other party, the event takes that day, marked as not resolved
// from its own words (dateResolved false). Otherwise the date is open, bounded by publication.
import { spanAt, spansWithin } from '../text/span-index.js';

export interface DatingTime {
  start: number;
  end: number;
  type: string;
  value: string;
}

export interface DatingMention {
  start: number;
  end: number;
  entityKey: string | null;
}

export interface DatingEvent {
  start: number;
  end: number;
  /** Offset of the trigger in the text. */
  at: number;
  source: string | null;
  target: string | null;
  sourceKey: string | null;
  targetKey: string | null;
}

export interface EventDate {
  date: string | null;
  dateEnd: string | null;
  dateResolved: boolean;
  /** Where the date came from: the event's own sentence, or a neighbouring one. */
  dateFrom: 'sentence' | 'neighbour' | null;
}

const DAY = /^\d{4}(-\d{2}(-\d{2})?)?$/;

function dated(timesWithin: (start: number, end: number) => DatingTime[], start: number, end: number): DatingTime[] {
  return timesWithin(start, end).filter((t) => t.type !== 'DURATION' && DAY.test(t.value));
}

/** A time written next to the actor's mention: 'X said Tuesday', 'On Tuesday Prime Minister X'. */
function attached(text: string, t: DatingTime, m: DatingMention): boolean {
  if (t.start >= m.end) return /^\s*(?:[\p{L}'’]+\s+){0,2}(?:on\s+)?$/u.test(text.slice(m.end, t.start));
  if (t.end <= m.start) return /^[\s,]*(?:[\p{L}.'’]+\s+){0,3}$/u.test(text.slice(t.end, m.start));
  return false;
}

/** The keys an actor may be mentioned under: its entity, else its country. */
function keysOf(key: string | null, code: string | null): string[] {
  const out: string[] = [];
  if (key) out.push(key);
  if (code && /^[A-Z]{3}/.test(code)) out.push(`GPE:${code.slice(0, 3)}`);
  return out;
}

export class EventDater {
  // Times and mentions by position: events ask for those of one sentence, many times an article.
  private readonly timesWithin: (start: number, end: number) => DatingTime[];
  private readonly mentionsWithin: (start: number, end: number) => DatingMention[];

  constructor(
    private readonly text: string,
    /** The text's sentences, in order (the document's sentence layer). */
    private readonly sentences: readonly { start: number; end: number }[],
    times: DatingTime[],
    mentions: DatingMention[],
    private readonly published: string | null,
  ) {
    this.timesWithin = spansWithin(times);
    this.mentionsWithin = spansWithin(mentions);
  }

  date(e: DatingEvent): EventDate {
    const own = dated(this.timesWithin, e.start, e.end).sort((a, b) => Math.abs(a.start - e.at) - Math.abs(b.start - e.at))[0];
    if (own) return { date: own.value, dateEnd: null, dateResolved: true, dateFrom: 'sentence' };
    const near = this.fromNeighbour(e);
    if (near) return { date: near, dateEnd: null, dateResolved: false, dateFrom: 'neighbour' };
    return { date: null, dateEnd: this.published ? this.published.slice(0, 10) : null, dateResolved: false, dateFrom: null };
  }

  /** The day of the actor's dated act in the sentence before or after, on the same other party. */
  private fromNeighbour(e: DatingEvent): string | null {
    const actor = keysOf(e.sourceKey, e.source);
    const other = keysOf(e.targetKey, e.target);
    if (!actor.length || !other.length) return null;
    const first = spanAt(this.sentences, e.start, (s) => e.start >= s.start && e.start < s.end);
    const last = spanAt(this.sentences, e.end, (s) => e.end > s.start && e.end <= s.end);
    if (first < 0) return null;
    for (const k of [last + 1, first - 1]) {
      const s = this.sentences[k];
      if (!s) continue;
      const inS = this.mentionsWithin(s.start, s.end).filter((m) => m.entityKey);
      if (!inS.some((m) => other.includes(m.entityKey!))) continue;
      const actorMentions = inS.filter((m) => actor.includes(m.entityKey!));
      const values = new Set(dated(this.timesWithin, s.start, s.end).filter((t) => actorMentions.some((m) => attached(this.text, t, m))).map((t) => t.value));
      // Two different days beside the actor say nothing certain.
      if (values.size === 1) return [...values][0]!;
    }
    return null;
  }
}
