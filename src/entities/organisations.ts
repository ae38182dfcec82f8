// Organisations the news names by a short form alone ('IDF', 'SANA'): the full name each stands
// for and its actor code, from gazetteer/organisations.tsv. Without it an acronym whose expansion
// the article never writes would stay an entity of unknown country and sector.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Sector } from './roles.js';

export interface KnownOrganisation {
  name: string;
  country: string;
  sector: Sector;
  /** A state's national armed forces (keyed with '<demonym> army'). */
  national: boolean;
}

const here = dirname(fileURLToPath(import.meta.url));
let cached: Map<string, KnownOrganisation> | null = null;

function load(): Map<string, KnownOrganisation> {
  const file = 'organisations.tsv';
  const paths = [join(here, 'gazetteer', file), join(here, '..', '..', 'src', 'entities', 'gazetteer', file)];
  const text = paths.map((p) => { try { return readFileSync(p, 'utf8'); } catch { return null; } }).find((t) => t !== null);
  if (!text) throw new Error(`gazetteer table ${file} not found`);
  const out = new Map<string, KnownOrganisation>();
  for (const line of text.split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [form, name, code, kind] = line.split('\t');
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
