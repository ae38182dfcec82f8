// The analysed document: what the language and event layers add to one article, each record
// defined once. The store keeps these same records with ids added (`Stored<T>` in ./records.ts),
// so no field is lost between the stage that finds it and the report that shows it. Every span is
// a pair of character offsets into one field of the article (its clean text, title or dek).

export type Field = 'title' | 'dek' | 'text';

export type EntityType = 'PERSON' | 'ORG' | 'GPE' | 'LOC' | 'NORP' | 'MISC' | 'DATE' | 'TIME' | 'MONEY' | 'PERCENT' | 'CARDINAL';

export interface Span {
  start: number;
  end: number;
}

/** A span of one field of the article. */
export interface FieldSpan extends Span {
  field: Field;
}

/** The syntax layer's reading of one token (Universal Dependencies, as in CoNLL-U). */
export interface TokenSyntax {
  /** Universal part of speech ('NOUN', 'VERB', 'PROPN', ...). */
  upos: string;
  lemma: string;
  /** 1-based index of the head token within the sentence, 0 for the root. */
  head: number;
  /** Universal dependency relation ('nsubj', 'obj', 'obl', ...). */
  deprel: string;
}

/** One token, offsets into its field's text; the `syntax` stage adds its tag, lemma and head. */
export interface DocToken extends Span, Partial<TokenSyntax> {
  text: string;
}

/** One sentence, with its tokens: made once by the `sentences` stage, read by every later one. */
export interface Sentence extends FieldSpan {
  tokens: DocToken[];
}

/** A name of a person, organisation, place or other entity, resolved within the article. */
export interface Mention extends FieldSpan {
  type: EntityType;
  text: string;
  /** Key of the entity it resolves to (stable within a batch; the store maps it to an id). */
  entityKey: string | null;
  /** Title or office written with the name ('Maj. Gen.', 'Minister'). */
  role: string | null;
  /** A place or epithet standing for a government ('Tehran said', 'the Jewish state'). */
  metonymy: boolean;
  /** Which model or rule found it. */
  rule: string;
}

/** An amount of money, a percentage or a count, with the number it states when it states one. */
export interface NumberMention extends FieldSpan {
  type: 'MONEY' | 'PERCENT' | 'CARDINAL';
  text: string;
  value: number | null;
}

/** A time expression, normalised as TIMEX3. */
export interface TimeRef extends FieldSpan {
  text: string;
  /** DATE, TIME, DURATION or SET. */
  type: string;
  /** TIMEX3 value: '2017-10-18', '2017-W41', 'P6Y', 'XXXX-XX-XX' when unresolved. */
  value: string;
  granularity: string | null;
  /** The date it was resolved against (publication date, or a date the story inferred). */
  anchor: string | null;
  resolved: boolean;
  rule: string;
}

/** A quotation with who said it, how it was introduced and who relayed it. */
export interface Quote extends FieldSpan {
  text: string;
  partial: boolean;
  speakerText: string | null;
  speakerKey: string | null;
  cue: string | null;
  cueType: string | null;
  via: string | null;
}

/** On an event a later definite noun confirms ('... would attack X. The attack was ...'). */
export interface Confirmation {
  by: string;
  /** The announcement's sentence and the noun's; the event's `start`/`end` span both. */
  sentences: Span[];
}

/** A coded event: who did what to whom, when and where (CAMEO and PLOVER). */
export interface Event extends FieldSpan {
  /** The text of the sentence (or sentences) carrying the event. */
  sentence: string;
  /** CAMEO code, 3 or 4 digits ('042'), and its 2-digit root. */
  cameo: string;
  root: string;
  plover: string | null;
  /** 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict. */
  quad: number | null;
  goldstein: number | null;
  /** Actor codes: ISO3 country or IGO/IMG plus an optional sector ('IRNMIL'). */
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
  /** The words that triggered the code. */
  trigger: string;
  /** Set on each of the two events that 'A and B agreed' yields. */
  reciprocal: boolean;
  /** On an intent or threat: the code of the action it announces ('would attack' -> '190'). */
  planned: string | null;
  confirmed: Confirmation | null;
}

/** The analysed document: an article with every layer the stages added. */
export interface Doc {
  articleId: number;
  sentences: Sentence[];
  mentions: Mention[];
  numbers: NumberMention[];
  times: TimeRef[];
  quotes: Quote[];
  events: Event[];
}

/** The name of each layer a stage can add to a Doc (`syntax` fills the sentences' tokens in place). */
export type Layer = Exclude<keyof Doc, 'articleId'> | 'entities' | 'syntax';
