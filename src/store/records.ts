// Records that the language, event and story layers keep in the store, as every Store
// implementation returns them. Nothing here depends on one database.
import type { EntityType } from '../entities/types.js';
import type { Sector } from '../entities/roles.js';
import type { DateValue } from '../model.js';

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

export interface StoredEvent {
  id: number;
  articleId: number;
  field: string;
  start: number;
  end: number;
  sentence: string | null;
  cameo: string;
  root: string;
  plover: string | null;
  quad: number | null;
  goldstein: number | null;
  source: string | null;
  sourceEntityId: number | null;
  sourceText: string | null;
  target: string | null;
  targetEntityId: number | null;
  targetText: string | null;
  date: string | null;
  dateEnd: string | null;
  dateResolved: boolean;
  location: string | null;
  modality: string;
  confidence: number | null;
  trigger: string | null;
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

export interface StoredMention {
  field: string;
  start: number;
  end: number;
  type: string;
  text: string;
  entityId: number | null;
  entityKey: string | null;
  entity: string | null;
  role: string | null;
  metonymy: boolean;
  /** The number a MONEY, PERCENT or CARDINAL mention stands for. */
  value: number | null;
}

export interface StoredTimeRef {
  field: string;
  start: number;
  end: number;
  text: string | null;
  type: string;
  value: string;
  granularity: string | null;
  resolved: boolean;
  rule: string;
}

export interface StoredQuote {
  field: string;
  start: number;
  end: number;
  text: string;
  speaker: string | null;
  speakerEntityId: number | null;
  speakerKey: string | null;
  cue: string | null;
  via: string | null;
  partial: boolean;
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
