// Organisations the news names by a short form alone ('IDF', 'SANA'): the full name each stands
// for and its actor code, from gazetteer/organisations.tsv. Without it an acronym whose expansion
// the article never writes would stay an entity of unknown country and sector.
import type { Sector } from './roles.js';
import { readTable } from '../lang/tables.js';

export interface KnownOrganisation {
  name: string;
  country: string;
  sector: Sector;
  /** A state's national armed forces (keyed with '<demonym> army'). */
  national: boolean;
}

let cached: Map<string, KnownOrganisation> | null = null;

function load(): Map<string, KnownOrganisation> {
  const out = new Map<string, KnownOrganisation>();
  for (const [form, name, code, kind] of readTable('lang/en/gazetteer/organisations.tsv')) {
    if (!form || !name || !code) continue;
    const org: KnownOrganisation = { name, country: code.slice(0, 3), sector: code.slice(3) as Sector, national: kind?.trim() === 'national' };
    out.set(form, org);
    if (!out.has(name)) out.set(name, org);
  }
  return out;
}

/** The organisation a written form stands for (exact form, case-sensitive; a leading 'the' ignored). */
export function knownOrganisation(form: string): KnownOrganisation | null {
  cached ??= load();
  return cached.get(form.replace(/^the\s+/i, '').trim()) ?? null;
}
