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

export type Relation = ['sim' | 'before', string, string];

export interface ScoreOptions {
  /** Give the unknown date XXXX-XX-XX a node of its own, as a converter that makes a TIMEX3 of every date would. */
  unknownDateNode?: boolean;
}

/** A date the converter turns into a time node: any value whose year is known ('2008', '2010-XX-XX', '2008-03-XX'). */
function dateNode(date: string, opts: ScoreOptions): string | null {
  if (/^\d{4}/.test(date)) return `t:${date}`;
  return opts.unknownDateNode ? 't:XXXX-XX-XX' : null;
}

/** Node id of an event mention: document, sentence and the mention's words, case folded (the gold files write them lower case). */
export function eventNode(ev: { doc_id: string; sent: number; mention: string }): string {
  return `${ev.doc_id}-${ev.sent}-${ev.mention.toLowerCase()}`;
}

/**
 * The relations a timeline states, in the order they are added to its graph: each event SIMULTANEOUS
 * with its date; the events of one position SIMULTANEOUS with each other; every event of a position
 * BEFORE every event of the next one. Order 0 holds the events that could not be placed: they take no
 * order relation (and, with an unknown date, no date relation either).
 */
export function relations(entries: Entry[], opts: ScoreOptions = {}): Relation[] {
  const out: Relation[] = [];
  const byOrder = new Map<number, string[]>();
  for (const e of entries) {
    const t = dateNode(e.date, opts);
    for (const ev of e.events) {
      const id = eventNode(ev);
      if (t) out.push(['sim', id, t]);
      if (e.order > 0) byOrder.set(e.order, [...(byOrder.get(e.order) ?? []), id]);
    }
  }
  const orders = [...byOrder.keys()].sort((a, b) => a - b);
  for (const o of orders) {
    const here = byOrder.get(o)!;
    for (let a = 1; a < here.length; a++) out.push(['sim', here[0]!, here[a]!]);
  }
  orders.forEach((o, i) => {
    const next = orders[i + 1];
    if (next !== undefined) for (const x of byOrder.get(o)!) for (const y of byOrder.get(next)!) out.push(['before', x, y]);
  });
  return out;
}

/**
 * A graph of SIMULTANEOUS and BEFORE links built the way TempEval-3's timegraph builds one: each
 * relation in turn is added, found already implied (left out of the reduced graph) or found to
 * contradict the graph (kept in the reduced graph for scoring, not added). Simultaneous nodes share a
 * class; BEFORE links join classes; the closure is reachability between classes.
 */
export class TimeGraph {
  private readonly parent = new Map<string, string>();
  private readonly after = new Map<string, Set<string>>();
  /** Relations of the reduced graph: added ones and contradicting ones. */
  readonly reduced: Relation[] = [];
  /** Every relation as stated, both directions of SIMULTANEOUS, for exact matches. */
  private readonly stated = new Set<string>();

  constructor(rels: Relation[]) {
    for (const r of rels) this.add(r);
  }

  private find(x: string): string {
    let r = x;
    while (this.parent.get(r) !== r) r = this.parent.get(r)!;
    this.parent.set(x, r);
    return r;
  }

  private reaches(from: string, to: string): boolean {
    const seen = new Set<string>();
    const stack = [from];
    while (stack.length) {
      const c = stack.pop()!;
      for (const n of this.after.get(c) ?? []) {
        const k = this.find(n);
        if (k === to) return true;
        if (!seen.has(k)) {
          seen.add(k);
          stack.push(k);
        }
      }
    }
    return false;
  }

  private add(r: Relation): void {
    const [rel, a, b] = r;
    this.stated.add(`${rel}|${a}|${b}`);
    if (rel === 'sim') this.stated.add(`sim|${b}|${a}`);
    const fresh = !this.parent.has(a) || !this.parent.has(b);
    for (const n of [a, b]) if (!this.parent.has(n)) this.parent.set(n, n);
    const [x, y] = [this.find(a), this.find(b)];
    if (!fresh) {
      if (this.holds(rel, a, b)) return; // implied: not in the reduced graph
      const contradicts = rel === 'sim' ? this.reaches(x, y) || this.reaches(y, x) : x === y || this.reaches(y, x);
      if (contradicts) {
        this.reduced.push(r);
        return;
      }
    }
    this.reduced.push(r);
    if (rel === 'sim') {
      if (x === y) return;
      this.parent.set(x, y);
      const moved = this.after.get(x);
      if (moved) {
        const into = this.after.get(y) ?? new Set<string>();
        for (const n of moved) into.add(n);
        this.after.set(y, into);
        this.after.delete(x);
      }
    } else {
      this.after.set(x, (this.after.get(x) ?? new Set<string>()).add(y));
    }
  }

  /** Whether the closure of the graph holds the relation. */
  holds(rel: 'sim' | 'before', a: string, b: string): boolean {
    if (!this.parent.has(a) || !this.parent.has(b)) return false;
    const [x, y] = [this.find(a), this.find(b)];
    return rel === 'sim' ? x === y : x !== y && this.reaches(x, y);
  }

  /** Whether the relation is confirmed: stated as such, or implied by the closure. */
  confirms(r: Relation): boolean {
    return this.stated.has(`${r[0]}|${r[1]}|${r[2]}`) || this.holds(r[0], r[1], r[2]);
  }
}

/** Temporal awareness counts of one timeline pair: the reduced graph of each side checked against the other's closure. */
export function awareness(system: Entry[], gold: Entry[], opts: ScoreOptions = {}): { pOk: number; pAll: number; rOk: number; rAll: number } {
  const sys = new TimeGraph(relations(system, opts));
  const ref = new TimeGraph(relations(gold, opts));
  return {
    pOk: sys.reduced.filter((r) => ref.confirms(r)).length,
    pAll: sys.reduced.length,
    rOk: ref.reduced.filter((r) => sys.confirms(r)).length,
    rAll: ref.reduced.length,
  };
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
    const score = (opts: ScoreOptions) => {
      const t = { pOk: 0, pAll: 0, rOk: 0, rAll: 0 };
      const per: string[] = [];
      for (const g of gold) {
        const c = awareness(systemTimeline(g.target_entity, docs), g.entries, opts);
        t.pOk += c.pOk;
        t.pAll += c.pAll;
        t.rOk += c.rOk;
        t.rAll += c.rAll;
        per.push(`${g.target_entity}: P ${c.pOk}/${c.pAll}, R ${c.rOk}/${c.rAll}`);
      }
      const P = t.pOk / (t.pAll || 1);
      const R = t.rOk / (t.rAll || 1);
      return { P, R, F: P + R ? (2 * P * R) / (P + R) : 0, per };
    };
    const main = score({});
    const alt = score({ unknownDateNode: true });
    return {
      name: 'timelines',
      items: `${gold.length} target entities over ${docs.length} documents`,
      rows: [
        { metric: 'temporal-awareness F1 (micro)', ours: main.F, published: 'best main-track system 0.0785 (test corpora)' },
        { metric: 'precision / recall', ours: `${main.P.toFixed(4)} / ${main.R.toFixed(4)}` },
        { metric: 'F1 with a node for XXXX-XX-XX', ours: alt.F },
      ],
      notes: [...main.per, 'scorer: reduced graphs (TempEval-3 default), closure by simultaneity classes and reachability; see docs/benchmarks/timelines.md'],
    };
  },
};
