// Entity timelines (SemEval-2015 Task 4, trial data): for each target entity, the events it takes
// part in, anchored to dates and ordered, scored with temporal awareness (UzZaman and Allen 2011):
// precision is the share of the system's stated relations that the closure of the gold graph
// confirms, recall the share of gold relations the closure of the system graph confirms.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchDir } from '../paths.js';
import { findTimes } from '../time/index.js';
import type { BenchReport, BenchRunner } from './report.js';

interface Entry {
  order: number;
  date: string;
  events: { doc_id: string; sent: number; mention: string }[];
}
interface GoldTimeline {
  id: string;
  target_entity: string;
  entries: Entry[];
}
interface Doc {
  doc_id: string;
  dct: string;
  sentences: { id: number; text: string }[];
}

/** Explicit relations of a timeline: events simultaneous with their date, and with each other at one position; each position before the next. */
export function relations(entries: Entry[]): { nodes: string[]; sim: [string, string][]; before: [string, string][] } {
  const placed = entries.filter((e) => e.order > 0);
  const byOrder = new Map<number, string[]>();
  const sim: [string, string][] = [];
  const nodes = new Set<string>();
  for (const e of placed) {
    for (const ev of e.events) {
      const id = `${ev.doc_id}-${ev.sent}-${ev.mention}`;
      nodes.add(id);
      byOrder.set(e.order, [...(byOrder.get(e.order) ?? []), id]);
      if (!e.date.startsWith('XXXX')) {
        nodes.add(`t:${e.date}`);
        sim.push([id, `t:${e.date}`]);
      }
    }
  }
  const orders = [...byOrder.keys()].sort((a, b) => a - b);
  const before: [string, string][] = [];
  orders.forEach((o, i) => {
    const here = byOrder.get(o)!;
    for (let a = 1; a < here.length; a++) sim.push([here[0]!, here[a]!]);
    const next = orders[i + 1];
    if (next !== undefined) for (const x of here) for (const y of byOrder.get(next)!) before.push([x, y]);
  });
  return { nodes: [...nodes], sim, before };
}

/** Closure of a graph of SIMULTANEOUS and BEFORE links: classes of simultaneous nodes, reachability between classes. */
export function closure(g: ReturnType<typeof relations>): (rel: 'sim' | 'before', a: string, b: string) => boolean {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.has(r) && parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  for (const n of g.nodes) parent.set(n, n);
  for (const [a, b] of g.sim) parent.set(find(a), find(b));
  const next = new Map<string, Set<string>>();
  for (const [a, b] of g.before) next.set(find(a), (next.get(find(a)) ?? new Set()).add(find(b)));
  const reach = new Map<string, Set<string>>();
  const reachable = (c: string): Set<string> => {
    const have = reach.get(c);
    if (have) return have;
    const seen = new Set<string>();
    const stack = [...(next.get(c) ?? [])];
    while (stack.length) {
      const x = stack.pop()!;
      if (seen.has(x)) continue;
      seen.add(x);
      stack.push(...(next.get(x) ?? []));
    }
    reach.set(c, seen);
    return seen;
  };
  return (rel, a, b) => {
    if (!parent.has(a) || !parent.has(b)) return false;
    const [x, y] = [find(a), find(b)];
    return rel === 'sim' ? x === y : reachable(x).has(y);
  };
}

function confirmed(stated: ReturnType<typeof relations>, other: ReturnType<typeof relations>): { ok: number; all: number } {
  const holds = closure(other);
  let ok = 0;
  for (const [a, b] of stated.sim) if (holds('sim', a, b)) ok++;
  for (const [a, b] of stated.before) if (holds('before', a, b)) ok++;
  return { ok, all: stated.sim.length + stated.before.length };
}

const PAST = /^(?:[a-z]+ed|sold|made|won|lost|began|begun|became|bought|brought|built|came|cut|did|fell|found|gave|got|grew|had|held|hit|kept|knew|led|left|let|met|paid|put|ran|rose|said|saw|sent|set|shut|spent|stood|struck|took|told|thought|went|wrote)$/;

/** Our timeline for one entity: sentences naming it, the first past-tense verb after the name, the sentence's date. */
export function systemTimeline(target: string, docs: Doc[]): Entry[] {
  const words = target.split(/\s+/);
  const keys = [target.toLowerCase(), ...(words.length > 1 ? [words[words.length - 1]!.toLowerCase()] : [])];
  const found: { date: string; doc: string; sent: number; mention: string }[] = [];
  for (const d of docs) {
    for (const s of d.sentences) {
      if (s.id === 1) continue; // the date line
      const lower = s.text.toLowerCase();
      const at = keys.map((k) => lower.indexOf(k)).find((i) => i >= 0);
      if (at === undefined) continue;
      const tokens = s.text.split(' ');
      let pos = 0;
      let idx = 0;
      while (idx < tokens.length && pos + tokens[idx]!.length <= at) pos += tokens[idx++]!.length + 1;
      const verb = tokens.slice(idx).find((t) => PAST.test(t)) ?? tokens.find((t) => PAST.test(t));
      if (!verb) continue;
      const time = findTimes(s.text, { date: d.dct }).find((t) => t.type === 'DATE' && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(t.value));
      found.push({ date: time?.value ?? 'XXXX-XX-XX', doc: d.doc_id, sent: s.id, mention: verb });
    }
  }
  const dated = [...new Set(found.filter((f) => !f.date.startsWith('XXXX')).map((f) => f.date))].sort();
  return found.map((f) => ({ order: f.date.startsWith('XXXX') ? 0 : dated.indexOf(f.date) + 1, date: f.date, events: [{ doc_id: f.doc, sent: f.sent, mention: f.mention }] }));
}

export const runner: BenchRunner = {
  description: 'entity timelines on SemEval-2015 Task 4 trial data',
  async run(): Promise<BenchReport> {
    const dir = join(benchDir('timelines'), 'semeval2015');
    const read = <T>(f: string) => readFileSync(join(dir, f), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as T);
    const gold = read<GoldTimeline>('timelines.jsonl');
    const docs = read<Doc>('documents.jsonl');
    let pOk = 0;
    let pAll = 0;
    let rOk = 0;
    let rAll = 0;
    const notes: string[] = [];
    for (const g of gold) {
      const sys = relations(systemTimeline(g.target_entity, docs));
      const ref = relations(g.entries);
      const p = confirmed(sys, ref);
      const r = confirmed(ref, sys);
      pOk += p.ok;
      pAll += p.all;
      rOk += r.ok;
      rAll += r.all;
      notes.push(`${g.target_entity}: P ${p.ok}/${p.all}, R ${r.ok}/${r.all}`);
    }
    const P = pOk / (pAll || 1);
    const R = rOk / (rAll || 1);
    const F = P + R ? (2 * P * R) / (P + R) : 0;
    return {
      name: 'timelines',
      items: `${gold.length} target entities over ${docs.length} documents`,
      rows: [
        { metric: 'temporal-awareness F1 (micro)', ours: F, published: 'best main-track system 0.0785 (test corpora)' },
        { metric: 'precision / recall', ours: `${P.toFixed(4)} / ${R.toFixed(4)}` },
      ],
      notes: [...notes, 'our own implementation of the scorer (relations as stated, closure by simultaneity classes and reachability); the official script may count differently'],
    };
  },
};
