// Records of the language layer: mentions in one article and the entities they resolve to.
import type { Sector } from './roles.js';
import type { EntityType, Mention as DocMention } from '../doc/layers.js';

export type { EntityType };

/** A mention as the tagger and resolver find it in one text, before the pipeline places it in a field. */
export type Mention = Omit<DocMention, 'field'>;

/** An entity as one article sees it; merged across articles by the entity registry. */
export interface LocalEntity {
  key: string;
  name: string;
  type: EntityType;
  country: string | null;
  sector: Sector | null;
  aliases: Map<string, number>;
  roles: Set<string>;
}

/** What the resolver needs to know about places and peoples (filled from the country tables). */
export interface PlaceLookup {
  /** A country name, a capital or a city: the country's ISO3 and what kind of place it is. */
  place(name: string): { iso3: string; kind: 'country' | 'capital' | 'city' | 'region'; country: string } | null;
  /** A demonym ('Iranian', 'Syrians'): the country's ISO3. */
  demonym(word: string): string | null;
  /** A phrase that stands for a state or its government ('the Jewish state', 'the Kremlin'). */
  epithets(): { phrase: string; iso3: string; sector: Sector | null }[];
  /** The country's usual English name. */
  countryName(iso3: string): string | null;
}
