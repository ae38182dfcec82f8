// Readable names for CAMEO actor codes ('IRNMIL' -> "Iran's military"), from the country entities
// the store knows, falling back to the words the event was found in.
import type { AnalysisStore } from '../store/store.js';
import type { ActorNamer } from './headline.js';

const SECTOR_PHRASE: Record<string, (country: string) => string> = {
  GOV: (c) => c,
  MIL: (c) => `${c}'s military`,
  REB: (c) => `rebels in ${c}`,
  OPP: (c) => `${c}'s opposition`,
  COP: (c) => `${c}'s police`,
  JUD: (c) => `${c}'s judiciary`,
  LEG: (c) => `${c}'s legislature`,
  MED: (c) => `${c}'s media`,
  BUS: (c) => `business in ${c}`,
  CVL: (c) => `civilians in ${c}`,
  SPY: (c) => `${c}'s intelligence services`,
};

/** What the namer reads of an event: its actor codes. */
export interface ActorCoded {
  source: string | null;
  target: string | null;
}

/**
 * A namer for the actor codes of `events`: the country names they need are read from the store
 * first (the namer itself answers synchronously, inside timeline and headline building).
 * `countries` (ISO code to name) may be kept by the caller across calls so that each is read once.
 */
export async function actorNamer(
  store: Pick<AnalysisStore, 'entityName'>,
  events: readonly ActorCoded[],
  countries = new Map<string, string | null>(),
): Promise<ActorNamer> {
  for (const e of events)
    for (const code of [e.source, e.target]) {
      const iso = code?.slice(0, 3);
      if (iso && !countries.has(iso)) countries.set(iso, await store.entityName(`GPE:${iso}`));
    }
  const cache = new Map<string, string | null>();
  return (code, text) => {
    if (!code) return text;
    if (!cache.has(code)) {
      const iso = code.slice(0, 3);
      const name = countries.get(iso) ?? null;
      const phrase = name ? (SECTOR_PHRASE[code.slice(3, 6)] ?? ((c: string) => (code.length > 3 ? `${c} (${code.slice(3)})` : c)))(name) : null;
      cache.set(code, phrase);
    }
    return cache.get(code) ?? text ?? code;
  };
}
