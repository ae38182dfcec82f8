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

export function actorNamer(store: Pick<AnalysisStore, 'entityName'>): ActorNamer {
  const cache = new Map<string, string | null>();
  return (code, text) => {
    if (!code) return text;
    if (!cache.has(code)) {
      const iso = code.slice(0, 3);
      const name = store.entityName(`GPE:${iso}`);
      const phrase = name ? (SECTOR_PHRASE[code.slice(3, 6)] ?? ((c: string) => (code.length > 3 ? `${c} (${code.slice(3)})` : c)))(name) : null;
      cache.set(code, phrase);
    }
    return cache.get(code) ?? text ?? code;
  };
}
