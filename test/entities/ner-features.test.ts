import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { clusterPrefix, decodeWordClusters, encodeWordClusters, PATH_BITS, SPLITS } from '../../src/entities/ner/clusters.js';
import { documentContext, G_NAMES, G_WORD, sentenceFeatures, sentenceInfo } from '../../src/entities/ner/features.js';
import { addName, normaliseToken, NameTable, typeIndex, type Gazetteer } from '../../src/entities/ner/gazetteer.js';
import { hashString } from '../../src/entities/ner/hash.js';
import { loadNerModel } from '../../src/entities/ner/index.js';
import { readConll, spans } from '../../src/bench/ner-score.js';
import { benchDir, modelsDir } from '../../src/paths.js';

describe('distributional class tree', () => {
  it('gives each prefix length the class that contains the leaf', () => {
    // Stored ids are leaf paths + 1; two leaves under the same parent share every shorter prefix.
    const a = 0b0110_01_10_11 + 1;
    const b = 0b0110_01_10_00 + 1;
    const c = 0b0111_01_10_11 + 1;
    expect(clusterPrefix(a, SPLITS)).toBe(a);
    expect(clusterPrefix(a, SPLITS - 1)).toBe(clusterPrefix(b, SPLITS - 1));
    expect(clusterPrefix(a, SPLITS)).not.toBe(clusterPrefix(b, SPLITS));
    expect(clusterPrefix(a, 0)).toBe(0b0110 + 1);
    expect(clusterPrefix(a, 0)).not.toBe(clusterPrefix(c, 0));
    expect(clusterPrefix(0, 1)).toBe(0);
  });

  it('round-trips through its binary form', () => {
    const m = new Map([
      [hashString('paris'), 5],
      [hashString('london'), 5],
      [hashString('monday'), 900],
    ]);
    expect(decodeWordClusters(encodeWordClusters(m), 0)).toEqual(m);
  });

  it('puts weekdays together and apart from capitals in the shipped classes', () => {
    const classes = decodeWordClusters(gunzipSync(readFileSync(join(modelsDir(), 'word-clusters.bin.gz'))), 0);
    const of = (w: string) => classes.get(hashString(normaliseToken(w))) ?? 0;
    for (const w of ['Monday', 'Tuesday', 'Friday', 'Paris', 'London']) {
      expect(of(w)).toBeGreaterThan(0);
      expect(of(w)).toBeLessThanOrEqual(1 << PATH_BITS);
    }
    expect(clusterPrefix(of('Monday'), 1)).toBe(clusterPrefix(of('Friday'), 1));
    expect(clusterPrefix(of('Monday'), 1)).not.toBe(clusterPrefix(of('Paris'), 1));
  });
});

describe('feature groups for training dropout', () => {
  const gaz: Gazetteer = new Map();
  addName(gaz, ['Valdoria'], typeIndex('LOC'));
  const empty = new NameTable(new Map());

  it('marks the word-identity keys and the name-list keys of each token', () => {
    const s = sentenceInfo(['Rain', 'fell', 'on', 'Valdoria', '.']);
    const f = sentenceFeatures(s, new NameTable(gaz), documentContext([s]), empty, empty);
    expect(f.groups.length).toBe(f.keys.length);
    const groupsOf = (i: number) => [...f.groups.slice(f.offsets[i]!, f.offsets[i + 1]!)];
    // Every token has word-identity keys; only the listed name (and its neighbours) has name-list keys.
    for (let i = 0; i < 5; i++) expect(groupsOf(i)).toContain(G_WORD);
    expect(groupsOf(3)).toContain(G_NAMES);
    expect(groupsOf(0)).not.toContain(G_NAMES);
    // Most keys (spelling, affixes, context) belong to no dropped group.
    expect(groupsOf(3).filter((g) => g === 0).length).toBeGreaterThan(groupsOf(3).length / 2);
  });
});

describe('names of punctuation alone', () => {
  const model = loadNerModel();

  it('never tags a lone symbol as a name, while a symbol inside a name stays in it', () => {
    const tags = model.tagDocument([['Officials', 'of', 'Procter', '&', 'Gamble', 'met', 'in', 'Geneva', '.']])[0]!;
    expect(tags[3]).toMatch(/^I-/);
    const words = ['Rain', '&', 'wind', ':', 'a', 'report', '(', 'part', 'two', ')', '&', 'more'];
    const lone = model.tagDocument([words])[0]!;
    for (const i of [1, 3, 6, 9, 10]) expect(lone[i], words[i]).toBe('O');
  });

  it('finds no name made of symbols alone in CoNLL dev or wikigold', () => {
    for (const file of [['conll2003', 'testa.jsonl'], ['wikigold', 'wikigold.jsonl']]) {
      for (const doc of readConll(join(benchDir('ner'), ...file))) {
        const tagged = model.tagDocument(doc.map((s) => s.tokens));
        doc.forEach((s, i) => {
          for (const span of spans(tagged[i]!)) {
            const [a, b] = span.split(':').map(Number) as [number, number];
            expect(s.tokens.slice(a, b).some((w) => /[\p{L}\p{N}]/u.test(w)), `${file[1]}: ${s.tokens.slice(a, b).join(' ')}`).toBe(true);
          }
        });
      }
    }
  });
});
