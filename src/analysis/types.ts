// What the language and event layers find in one article: the Doc that later stages read.
// Every span is a pair of offsets into one field of the article (its clean text, title or dek).
import type { Mention } from '../entities/types.js';
import type { NumericMention } from '../entities/numeric.js';

export type Field = 'title' | 'dek' | 'text';

export interface Span {
  start: number;
  end: number;
}

export interface DocTime extends Span {
  field: Field;
  text: string;
  type: string;
  /** TIMEX3 value: '2017-10-18', '2017-W41', 'P6Y', 'XXXX-XX-XX' when unresolved. */
  value: string;
  granularity: string | null;
  anchor: string | null;
  resolved: boolean;
  rule: string;
}

export interface DocQuote extends Span {
  field: Field;
  text: string;
  partial: boolean;
  speakerText: string | null;
  speakerKey: string | null;
  cue: string | null;
  cueType: string | null;
  via: string | null;
}

export interface DocEvent extends Span {
  field: Field;
  sentence: string;
  cameo: string;
  root: string;
  plover: string | null;
  quad: number | null;
  goldstein: number | null;
  source: string | null;
  sourceText: string | null;
  sourceKey: string | null;
  target: string | null;
  targetText: string | null;
  targetKey: string | null;
  /** Resolved date or range start, ISO. */
  date: string | null;
  dateEnd: string | null;
  dateResolved: boolean;
  location: string | null;
  modality: string;
  confidence: number;
  trigger: string;
}

export interface DocMention extends Mention {
  field: Field;
}

export interface DocNumber extends NumericMention {
  field: Field;
}

export interface ArticleDoc {
  articleId: number;
  sentences: (Span & { field: Field })[];
  mentions: DocMention[];
  numbers: DocNumber[];
  times: DocTime[];
  quotes: DocQuote[];
  events: DocEvent[];
}
