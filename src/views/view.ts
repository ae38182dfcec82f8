// Everything a report shows about one story, gathered in one record.
import type { Network } from './graph.js';
import type { Comparison } from '../stories/compare.js';
import type { SummaryLine } from '../stories/summary.js';
import type { Timeline } from '../stories/timeline.js';

export interface StoryArticleRef {
  id: number;
  externalId: string | null;
  title: string | null;
  /** For an article with no title, the opening words of its text: how a reader knows it. */
  lead: string | null;
  outlet: string | null;
  url: string | null;
  published: string | null;
  /** A date inferred from the story, with its evidence, when the article gives none. */
  inferred: { value: string; evidence: string } | null;
}

export interface StoryQuoteRef {
  articleId: number;
  speaker: string | null;
  text: string;
  cue: string | null;
  via: string | null;
}

export interface StoryView {
  id: number;
  key: string;
  level: 'topic' | 'event';
  headline: string;
  dateStart: string | null;
  dateEnd: string | null;
  articles: StoryArticleRef[];
  /** For a topic, its event stories (id, headline, article ids). */
  events: { id: number; headline: string; dateStart: string | null; dateEnd: string | null; articleIds: number[] }[];
  summary: SummaryLine[];
  timeline: Timeline;
  network: Network;
  /** All the story's articles side by side. */
  comparison: Comparison;
  /**
   * For a topic, each event story of several articles compared on its own: outlets are compared
   * on one happening, not on what other happenings of the topic reported.
   */
  eventComparisons: { id: number; headline: string; articleIds: number[]; comparison: Comparison }[];
  quotes: StoryQuoteRef[];
}
