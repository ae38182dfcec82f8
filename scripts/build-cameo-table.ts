// Builds src/events/data/cameo.json: every CAMEO code with its label (CAMEO codefile, MIT), its
// PLOVER category (CAMEO2PLOVER 2021 mapping, CC BY-SA: the facts only), QuadClass and Goldstein
// weight (src/events/data/goldstein.tsv). Run: npx vite-node scripts/build-cameo-table.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchDir, repoRoot } from '../src/paths.js';

interface CameoEntry {
  label: string;
  root: string;
  plover: string | null;
  quad: 1 | 2 | 3 | 4;
  goldstein: number;
}

const ref = join(benchDir('events'), 'reference');
const labels = new Map<string, string>();
for (const line of readFileSync(join(ref, 'CAMEO_codefile.txt'), 'utf8').split('\n')) {
  const m = /^LABEL: (\d{3,4})= (.+)$/.exec(line.trim());
  // The first (CAMEO 0.7b5) label wins over the ICEWS variants (LABELi).
  if (m && !labels.has(m[1]!)) labels.set(m[1]!, m[2]!.trim());
}

const plover = new Map<string, string>();
for (const line of readFileSync(join(ref, 'CAMEO2PLOVER-2021.txt'), 'utf8').split('\n')) {
  const m = /^(\d{3,4}): *([A-Z]+)/.exec(line.trim());
  if (m) plover.set(m[1]!, m[2]!);
}

const goldstein = new Map<string, number>();
for (const line of readFileSync(join(repoRoot, 'src/events/data/goldstein.tsv'), 'utf8').split('\n')) {
  if (!line.trim() || line.startsWith('#')) continue;
  const [code, value] = line.split('\t');
  goldstein.set(code!, Number(value));
}

function quadOf(root: number): 1 | 2 | 3 | 4 {
  return root <= 5 ? 1 : root <= 9 ? 2 : root <= 14 ? 3 : 4;
}

/** The PLOVER category of a code: its own line, else its parent's; appeals (02) are REQUEST in the manual. */
function ploverOf(code: string): string | null {
  if (code.startsWith('01')) return null; // public statements have no PLOVER category
  if (code.startsWith('02')) return 'REQUEST';
  return plover.get(code) ?? plover.get(code.slice(0, 3)) ?? plover.get(`${code.slice(0, 2)}0`) ?? null;
}

const table: Record<string, CameoEntry> = {};
for (const [code, label] of [...labels.entries()].sort()) {
  const root = code.slice(0, 2);
  const g = goldstein.get(code) ?? goldstein.get(code.slice(0, 3)) ?? goldstein.get(`${root}0`);
  if (g === undefined) throw new Error(`no Goldstein value for ${code}`);
  table[code] = { label, root, plover: ploverOf(code), quad: quadOf(Number(root)), goldstein: g };
}
const out = join(repoRoot, 'src/events/data/cameo.json');
writeFileSync(out, JSON.stringify(table, null, 1) + '\n');
console.log(`wrote ${Object.keys(table).length} codes to ${out}`);
