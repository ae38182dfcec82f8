// Records of the event coder: who did what to whom, coded in CAMEO with its PLOVER category.
import type { Confirmation, Event } from '../doc/layers.js';
import type { TokenizedSentence } from '../text/index.js';

export type Modality = 'asserted' | 'intended' | 'negated' | 'conditional' | 'reported' | 'background';
export type QuadClass = 1 | 2 | 3 | 4;

/**
 * What the coder finds in one text: the document's Event (src/doc/layers.ts, where each field is
 * described) before the pipeline adds its field, entity keys and resolved dates.
 */
export interface CodedEvent
  extends Pick<Event, 'source' | 'target' | 'sourceText' | 'targetText' | 'cameo' | 'root' | 'goldstein' | 'date' | 'location' | 'start' | 'end' | 'trigger' | 'confidence'> {
  plover: string;
  quad: QuadClass;
  modality: Modality;
  reciprocal?: boolean;
  planned?: string;
  confirmed?: Confirmation;
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
  /** The text's sentences and tokens, with their syntax layer when a stage made it; made here when absent. */
  sentences?: TokenizedSentence[];
}

export interface EventInput {
  id: string;
  text: string;
  published?: string | null;
}
