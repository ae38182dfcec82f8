// The syntax model file: one gzipped container with a JSON header (tag and label names, section
// offsets) followed by the binary sections: three weight tables and the lemma lexicon.
import { gunzipSync, gzipSync } from 'node:zlib';
import { FrozenWeights } from './weights.js';
import type { LemmaLexicon } from './lemmatizer.js';
import type { TagLexicon } from './tagger.js';

export interface SyntaxModelData {
  upos: string[];
  labels: string[];
  tagger: FrozenWeights;
  tagLexicon: TagLexicon;
  moves: FrozenWeights;
  arcLabels: FrozenWeights;
  lexicon: LemmaLexicon;
}

interface Header {
  format: 2;
  upos: string[];
  labels: string[];
  steps: { tagger: number; moves: number; arcLabels: number };
  sections: Record<string, [number, number]>;
}

/** Quantisation step per table: the largest weight maps to 32767. */
function stepFor(w: FrozenWeights): number {
  let max = 1e-6;
  for (let i = 0; i < w.w.length; i++) max = Math.max(max, Math.abs(w.w[i]!));
  return max / 32767;
}

export function encodeSyntaxModel(m: SyntaxModelData): Buffer {
  const exceptions = [...m.lexicon.exceptions].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([k, v]) => `${k}\t${v}`);
  const blobs: Record<string, Buffer> = {
    tagger: m.tagger.encode(stepFor(m.tagger)),
    tagLexicon: Buffer.from(Int32Array.from([...m.tagLexicon].sort((a, b) => a[0] - b[0]).flat()).buffer),
    moves: m.moves.encode(stepFor(m.moves)),
    arcLabels: m.arcLabels.encode(stepFor(m.arcLabels)),
    exceptions: Buffer.from(exceptions.join('\n')),
    nouns: Buffer.from([...m.lexicon.nouns].sort().join('\n')),
    verbs: Buffer.from([...m.lexicon.verbs].sort().join('\n')),
    adjectives: Buffer.from([...m.lexicon.adjectives].sort().join('\n')),
  };
  const sections: Record<string, [number, number]> = {};
  let pos = 0;
  for (const [name, b] of Object.entries(blobs)) {
    sections[name] = [pos, b.length];
    pos += b.length;
  }
  const header: Header = { format: 2, upos: m.upos, labels: m.labels, steps: { tagger: stepFor(m.tagger), moves: stepFor(m.moves), arcLabels: stepFor(m.arcLabels) }, sections };
  const head = Buffer.from(JSON.stringify(header));
  const len = Buffer.alloc(4);
  len.writeUInt32LE(head.length, 0);
  // mtime-free gzip of fixed input: the same bytes on every run.
  return gzipSync(Buffer.concat([len, head, ...Object.values(blobs)]), { level: 9 });
}

function tagLexiconOf(b: Buffer): TagLexicon {
  const pairs = new Int32Array(new Uint8Array(b).buffer);
  const out: TagLexicon = new Map();
  for (let i = 0; i + 1 < pairs.length; i += 2) out.set(pairs[i]!, pairs[i + 1]!);
  return out;
}

export function decodeSyntaxModel(gz: Buffer): SyntaxModelData {
  const buf = gunzipSync(gz);
  const hlen = buf.readUInt32LE(0);
  const header = JSON.parse(buf.subarray(4, 4 + hlen).toString('utf8')) as Header;
  if (header.format !== 2) throw new Error(`syntax model: unknown format ${String(header.format)}`);
  const base = 4 + hlen;
  const section = (name: string): Buffer => {
    const s = header.sections[name];
    if (!s) throw new Error(`syntax model: missing section ${name}`);
    return buf.subarray(base + s[0], base + s[0] + s[1]);
  };
  const lines = (name: string) => {
    const t = section(name).toString('utf8');
    return t ? t.split('\n') : [];
  };
  const exceptions = new Map<string, string>();
  for (const line of lines('exceptions')) {
    const [form, upos, lemma] = line.split('\t');
    exceptions.set(`${form}\t${upos}`, lemma ?? '');
  }
  return {
    upos: header.upos,
    labels: header.labels,
    tagger: FrozenWeights.decode(section('tagger')),
    tagLexicon: tagLexiconOf(section('tagLexicon')),
    moves: FrozenWeights.decode(section('moves')),
    arcLabels: FrozenWeights.decode(section('arcLabels')),
    lexicon: { exceptions, nouns: new Set(lines('nouns')), verbs: new Set(lines('verbs')), adjectives: new Set(lines('adjectives')) },
  };
}
