// Records of the language layer: mentions in one article and the entities they resolve to.
import type { Sector } from './roles.js';

export type EntityType =
  | 'PERSON'
  | 'ORG'
  | 'GPE'
  | 'LOC'
  | 'NORP'
  | 'MISC'
  | 'DATE'
  | 'TIME'
  | 'MONEY'
  | 'PERCENT'
  | 'CARDINAL';

/** A span of the article's clean text that names something. */
export interface Mention {
  start: number;
  end: number;
  type: EntityType;
  text: string;
  /** Key of the entity it resolves to (stable within a batch; the store maps it to an id). */
  entityKey: string | null;
  /** Title or office written with the name ('Maj. Gen.', 'Defense Minister'). */
  role: string | null;
  /** A place or epithet standing for a government ('Tehran said', 'the Jewish state'). */
  metonymy: boolean;
  /** Which model or rule found it. */
  rule: string;
}

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
