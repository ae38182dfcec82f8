// Records of the event coder: who did what to whom, coded in CAMEO with its PLOVER category.

export type Modality = 'asserted' | 'intended' | 'negated' | 'conditional' | 'reported' | 'background';
export type QuadClass = 1 | 2 | 3 | 4;

export interface CodedEvent {
  /** Actor code: ISO3 country or IGO/IMG plus an optional sector, e.g. 'IRNMIL'. */
  source: string | null;
  target: string | null;
  sourceText: string | null;
  targetText: string | null;
  /** CAMEO code, 3 or 4 digits ('042'). */
  cameo: string;
  /** CAMEO root, 2 digits ('04'). */
  root: string;
  /** PLOVER category (CAMEO2PLOVER 2021 mapping). */
  plover: string;
  /** 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict. */
  quad: QuadClass;
  goldstein: number;
  modality: Modality;
  date: string | null;
  location: string | null;
  /** Offsets of the sentence that carries the event. */
  start: number;
  end: number;
  /** The words that triggered the event code. */
  trigger: string;
  confidence: number;
  /** Set on each of the two events that 'A and B agreed' yields. */
  reciprocal?: boolean;
  /** On an intent or threat: the code of the action it announces ('would attack' -> '190'). */
  planned?: string;
  /**
   * On an event a later definite noun confirms ('... would attack X. The attack was ...'): how it
   * was found, and the sentences cited (the announcement's and the noun's; `start`/`end` span both).
   */
  confirmed?: { by: string; sentences: { start: number; end: number }[] };
}

/** A mention found by the language layer, when the pipeline has one (offsets into the text). */
export interface ContextMention {
  start: number;
  end: number;
  /** Actor code it stands for ('SYRGOV'), when known. */
  code: string | null;
}

export interface EventContext {
  mentions?: ContextMention[];
  /** Place line of the article ('TEHRAN, Iran'), used as a default location. */
  dateline?: string | null;
  /** Roles from the dependency parse (default); false codes by the word-order rules alone, faster. */
  parse?: boolean;
}

export interface EventInput {
  id: string;
  text: string;
  published?: string | null;
}
