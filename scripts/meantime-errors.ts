// Why MEANTIME names score low: every gold name the tagger misses and every name it finds that is not
// gold, sorted into annotation differences (extent conventions, products typed as names, unannotated
// repeats of a gold name) and real misses. Counts only; run: npx vite-node scripts/meantime-errors.ts
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchDir } from '../src/paths.js';
import { loadNerModel, tagText } from '../src/entities/ner/index.js';

interface Gold { start: number; end: number; type: string | null; syntactic_type: string; text: string }
const model = loadNerModel();
const counts = new Map<string, number>();
const bump = (k: string) => counts.set(k, (counts.get(k) ?? 0) + 1);
const TYPE: Record<string, string> = { PER: 'PER', ORG: 'ORG', LOC: 'LOC' };
for (const line of readFileSync(join(benchDir('ner'), 'meantime', 'entities.jsonl'), 'utf8').split('\n').filter(Boolean)) {
  const d = JSON.parse(line) as { text: string; entity_mentions: Gold[] };
  const all = d.entity_mentions;
  const gold = all.filter((m) => m.syntactic_type === 'NAM' || m.syntactic_type === 'PRE.NAM');
  const pred = tagText(model, d.text);
  const goldNames = new Set(gold.map((g) => g.text.toLowerCase()));
  for (const g of gold) {
    const exact = pred.find((p) => p.start === g.start && p.end === g.end);
    const over = pred.find((p) => p.start < g.end && g.start < p.end);
    if (exact) bump(TYPE[g.type ?? ''] && TYPE[g.type ?? ''] !== exact.type ? 'gold found, type differs' : TYPE[g.type ?? ''] ? 'gold found' : `gold found, MEANTIME type ${g.type ?? 'none'} (no CoNLL type)`);
    else if (over) bump(/^(the|a|an)\s/i.test(g.text) ? 'gold missed: extent (gold takes in a determiner)' : 'gold missed: extent differs (modifiers, titles, possessives)');
    else if (g.type === 'PRO' || g.type === 'FIN' || g.type === 'MIX') bump(`gold missed: ${g.type} (products and other non-CoNLL kinds)`);
    else if (!/^\p{Lu}/u.test(g.text)) bump('gold missed: lower-case name');
    else bump('gold missed: real miss');
  }
  for (const p of pred) {
    if (gold.some((g) => p.start < g.end && g.start < p.end)) continue;
    const other = all.find((m) => p.start < m.end && m.start < p.end);
    if (other) bump('found, not gold: inside a non-name mention (nominal, PTV)');
    else if (goldNames.has(p.text.toLowerCase())) bump('found, not gold: a gold name written again, unannotated');
    else bump('found, not gold: other');
  }
}
for (const [k, n] of [...counts].sort()) console.log(`${String(n).padStart(4)}  ${k}`);
