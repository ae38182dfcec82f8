// Countries, capitals and demonyms from the world-countries package (well kept, ISO 3166 codes),
// with the project's own small tables beside it for what the package lacks: common short names,
// demonym forms, and epithets that stand for a state ('the Jewish state', 'the Kremlin').
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { PlaceLookup } from './types.js';
import type { Sector } from './roles.js';
import { readTable } from '../lang/tables.js';

interface WorldCountry {
  name: { common: string; official: string };
  cca3: string;
  capital?: string[];
  altSpellings?: string[];
  demonyms?: { eng?: { m: string; f: string } };
}

/** A gazetteer table of the language data (src/lang/en/gazetteer/). */
const table = (name: string): string[][] => readTable(`lang/en/gazetteer/${name}`);

function key(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/^the\s+/, '').replace(/[.’']/g, '').trim();
}

export interface CountryTables extends PlaceLookup {
  countries(): { iso3: string; name: string }[];
  /** Every country and capital name the lookup knows, as written in the tables. */
  placeNames(): string[];
}

let cached: CountryTables | null = null;

export function countryTables(): CountryTables {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const list = JSON.parse(readFileSync(require.resolve('world-countries/countries.json'), 'utf8')) as WorldCountry[];
  const places = new Map<string, { iso3: string; kind: 'country' | 'capital'; country: string }>();
  const demonyms = new Map<string, string>();
  const written: string[] = ['Jerusalem'];
  const names = new Map<string, string>();
  for (const c of list) {
    names.set(c.cca3, c.name.common);
    for (const n of [c.name.common, c.name.official, ...(c.altSpellings ?? []).filter((a) => a.length > 3)]) {
      places.set(key(n), { iso3: c.cca3, kind: 'country', country: c.cca3 });
      written.push(n);
    }
    for (const cap of c.capital ?? []) {
      if (!places.has(key(cap))) places.set(key(cap), { iso3: c.cca3, kind: 'capital', country: c.cca3 });
      written.push(cap);
    }
    const d = c.demonyms?.eng;
    if (d) for (const form of [d.m, d.f]) if (form && !demonyms.has(key(form))) demonyms.set(key(form), c.cca3);
  }
  for (const [name, iso] of table('aliases.tsv')) {
    if (!name || !iso) continue;
    places.set(key(name), { iso3: iso, kind: 'country', country: iso });
    written.push(name);
  }
  for (const [d, iso] of table('demonyms.tsv')) if (d && iso) demonyms.set(key(d), iso);
  // Jerusalem's status is disputed in the package data; as an actor it stands for Israel's government.
  places.set(key('Jerusalem'), { iso3: 'ISR', kind: 'capital', country: 'ISR' });
  const epithets = table('epithets.tsv').map(([phrase, iso3, sector]) => ({ phrase: phrase!, iso3: iso3!, sector: (sector || null) as Sector | null }));
  cached = {
    place(name) {
      return places.get(key(name)) ?? null;
    },
    demonym(word) {
      const k = key(word);
      return demonyms.get(k) ?? (k.endsWith('s') ? (demonyms.get(k.slice(0, -1)) ?? null) : null);
    },
    epithets: () => epithets,
    countryName: (iso3) => names.get(iso3) ?? null,
    countries: () => [...names.entries()].map(([iso3, name]) => ({ iso3, name })),
    placeNames: () => written,
  };
  return cached;
}
