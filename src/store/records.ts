// Records that the language, event and story layers keep in the store, as every Store
// implementation returns them. Nothing here depends on one database.
import type { EntityType } from '../entities/types.js';
import type { Sector } from '../entities/roles.js';
import type { DateValue } from '../doc/article.js';
import type { Event, Mention, NumberMention, Quote, TimeRef } from '../doc/layers.js';

export interface StoredEntity {
  id: number;
  key: string;
  name: string;
  type: EntityType;
  country: string | null;
  sector: Sector | null;
  aliases: { alias: string; count: number }[];
  roles: { role: string; articleId: number; date: string | null }[];
  mentions: number;
}

/** One mention of an entity, with the text around it. */
export interface EntityMention {
  articleId: number;
  start: number;
  end: number;
  text: string;
  context: string;
  role: string | null;
  metonymy: boolean;
}

/** An event as the store keeps it: the document's record, with its id, article and entity ids. */
export interface StoredEvent extends Event {
  id: number;
  articleId: number;
  sourceEntityId: number | null;
  targetEntityId: number | null;
}

export interface EventFilter {
  actor?: string;
  code?: string;
  quad?: number;
  from?: string;
  to?: string;
  articleIds?: number[];
  modality?: string;
  limit?: number;
}

/** A name or a number (MONEY, PERCENT, CARDINAL) as the store keeps it, with its entity's id and name. */
export interface StoredMention extends Omit<Mention, 'type'> {
  type: Mention['type'] | NumberMention['type'];
  entityId: number | null;
  /** The canonical name of its entity. */
  entity: string | null;
  /** The number a MONEY, PERCENT or CARDINAL mention stands for. */
  value: number | null;
}

/** Time expressions are kept as the document has them. */
export type StoredTimeRef = TimeRef;

/** A quote as the store keeps it, with its speaker's entity id and name. */
export interface StoredQuote extends Quote {
  speakerEntityId: number | null;
  /** The speaker's canonical name, else the words that name the speaker. */
  speaker: string | null;
}

/** What the language and event layers found in one article. */
export interface ArticleLayers {
  mentions: StoredMention[];
  times: StoredTimeRef[];
  quotes: StoredQuote[];
  events: StoredEvent[];
}

/** One cluster as the clusterer sees it, to bring the stories in line with. */
export interface ClusterSnapshot {
  key: string;
  level: 'topic' | 'event';
  parentKey: string | null;
  articleIds: number[];
  headline: string | null;
  dateStart: string | null;
  dateEnd: string | null;
}

export interface StoredStory {
  id: number;
  key: string;
  level: 'topic' | 'event';
  parentId: number | null;
  headline: string | null;
  dateStart: string | null;
  dateEnd: string | null;
  version: number;
  articleIds: number[];
}

/** A publication date inferred for an undated article from its story, with the evidence. */
export interface InferredDate extends DateValue {
  evidence: string;
  start?: string;
  end?: string;
}

/** One named part of a state kept in parts (the clusterer's). */
export interface StatePartRecord {
  key: string;
  value: Uint8Array;
}

/** A state's parts read synchronously (the shape of the clusterer's `StateSource`). */
export interface StatePartReader {
  /** The parts whose keys start with `prefix`. */
  withPrefix(prefix: string): StatePartRecord[];
  /** The keys (not the bytes) of the parts whose keys start with `prefix`. */
  keysWithPrefix(prefix: string): string[];
  /** The bytes of those of these parts the state holds. */
  read(keys: readonly string[]): Map<string, Uint8Array>;
  /** How many parts have keys starting with `prefix`. */
  count(prefix: string): number;
}
