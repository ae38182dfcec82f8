// Error count over a store's canonical entities (`dossier entities --json --limit 100000`), for the
// NER bench note: PERSON entities whose canonical name shows one of the error classes of issue 3.
// The checks are heuristics over the name alone (a dictionary word first, a role word first, a
// group or outlet word), so they flag candidates; the bench note gives hand-checked counts beside.
// Usage: npx vite-node scripts/entity-errors.ts FILE.json [--list]
import { readFileSync } from 'node:fs';
import { defaultLexicon } from '../src/entities/lexicon.js';
import { isRoleWord } from '../src/entities/roles.js';
import { isGroupPhrase } from '../src/entities/groups.js';

interface Entity { name: string; type: string; mentions: number }

const [file, flag] = process.argv.slice(2);
if (!file) throw new Error('usage: entity-errors.ts FILE.json [--list]');
const entities = JSON.parse(readFileSync(file, 'utf8')) as Entity[];
const lex = defaultLexicon();
const OUTLET = /^(akhbar|ahram|jazeera|arabiya|times|post|news|herald|gazette|tribune|journal|telegraph|chronicle|daily|agency|radio|tv|television|magazine)$/i;
const DISCOURSE = /^(however|moreover|meanwhile|furthermore|nevertheless|nonetheless|additionally|also|still|thus|hence|indeed|instead|otherwise|likewise|besides|consequently|therefore|accordingly|earlier|later|finally)$/i;

function classify(name: string): string | null {
  const words = name.split(/\s+/);
  const first = words[0]!;
  if (name.includes('\n')) return 'span: line break';
  if (isGroupPhrase(name)) return 'type: group (NORP)';
  if (words.length > 1 && words.slice(1).some((w) => OUTLET.test(w))) return 'type: outlet (ORG)';
  if (words.length === 1 && DISCOURSE.test(first)) return 'not a name: discourse word';
  if (words.length === 1 && isRoleWord(first)) return 'not a name: role word';
  if (words.length > 1 && isRoleWord(first)) return 'span: role word first';
  if (words.length > 2 && words.slice(1, -1).some((w) => isRoleWord(w) && /^\p{Lu}/u.test(w) && !/^(of|the|and|for)$/i.test(w))) return 'span: role word inside';
  if (words.length > 1 && lex.commonWord(first) && !lex.personWord(first)) return 'span: common word first';
  return null;
}

const persons = entities.filter((e) => e.type === 'PERSON');
const counts = new Map<string, { entities: number; mentions: number }>();
const listed: string[] = [];
for (const e of persons) {
  const c = classify(e.name);
  if (!c) continue;
  const n = counts.get(c) ?? { entities: 0, mentions: 0 };
  n.entities++;
  n.mentions += e.mentions;
  counts.set(c, n);
  listed.push(`${c}\t${e.mentions}\t${JSON.stringify(e.name)}`);
}
console.log(`${persons.length} PERSON entities, ${entities.length} entities in all`);
for (const [c, n] of [...counts].sort()) console.log(`${c}\t${n.entities} entities\t${n.mentions} mentions`);
console.log(`flagged\t${[...counts.values()].reduce((a, b) => a + b.entities, 0)} entities`);
if (flag === '--list') for (const l of listed.sort()) console.log(l);
