// Entity timelines (SemEval-2015 Task 4, trial data): for each target entity, the events it takes
// part in, anchored to dates and ordered, scored with temporal awareness (UzZaman and Allen 2011):
// precision is the share of the system's stated relations that the closure of the gold graph
// confirms, recall the share of gold relations the closure of the system graph confirms.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchDir } from '../paths.js';
import { defaultTagger } from '../entities/ner/index.js';
import { entityTimeline, type TargetKind, type TimelineArticle, type TimelineEvent } from '../stories/entity-timeline.js';
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

/** The bench's articles as the timeline module reads them: sentences joined by line breaks, the DCT as publication date. */
export function benchArticles(docs: Doc[]): { articles: TimelineArticle[]; sentenceId: Map<string, number[]> } {
  const sentenceId = new Map<string, number[]>();
  const articles = docs.map((d) => {
    let text = '';
    const sentences: { start: number; end: number }[] = [];
    for (const s of d.sentences) {
      if (text) text += '\n';
      sentences.push({ start: text.length, end: text.length + s.text.length });
      text += s.text;
    }
    sentenceId.set(d.doc_id, d.sentences.map((s) => s.id));
    return { id: d.doc_id, published: d.dct, text, sentences };
  });
  return { articles, sentenceId };
}

/** Whether the entity layer tags the target's name as a person or an organisation in most of its mentions. */
export function targetKind(name: string, articles: TimelineArticle[], tag: (text: string) => { text: string; type: string }[]): TargetKind {
  const votes = new Map<string, number>();
  for (const a of articles) {
    for (const span of tag(a.text)) {
      const t = span.text.toLowerCase();
      const n = name.toLowerCase();
      // The name itself, or its last words as the tagger found them ('Apple Corps' for 'Beatles Apple Corps').
      if (t !== n && !(t.includes(' ') && n.endsWith(` ${t}`))) continue;
      votes.set(span.type, (votes.get(span.type) ?? 0) + 1);
    }
  }
  const [top] = [...votes.entries()].sort((x, y) => y[1] - x[1]);
  return top?.[0] === 'PER' ? 'PERSON' : top?.[0] === 'ORG' ? 'ORG' : 'OTHER';
}

/** Our timeline in the benchmark's shape. */
export function systemTimeline(events: TimelineEvent[], sentenceId: Map<string, number[]>): Entry[] {
  return events.map((e) => ({
    order: e.order,
    date: e.date ?? 'XXXX-XX-XX',
    events: e.mentions.map((m) => ({ doc_id: m.articleId, sent: sentenceId.get(m.articleId)?.[m.sentence] ?? m.sentence + 1, mention: m.text.toLowerCase() })),
  }));
}

export const runner: BenchRunner = {
  description: 'entity timelines on SemEval-2015 Task 4 trial data',
  async run(): Promise<BenchReport> {
    const dir = join(benchDir('timelines'), 'semeval2015');
    const read = <T>(f: string) => readFileSync(join(dir, f), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as T);
    const gold = read<GoldTimeline>('timelines.jsonl');
    const docs = read<Doc>('documents.jsonl');
    const { articles, sentenceId } = benchArticles(docs);
    const tag = defaultTagger();
    const systems = gold.map((g) => {
      const kind = targetKind(g.target_entity, articles, tag);
      return { kind, entries: systemTimeline(entityTimeline(articles, { name: g.target_entity, kind }), sentenceId) };
    });
    const score = (opts: ScoreOptions) => {
      const t = { pOk: 0, pAll: 0, rOk: 0, rAll: 0 };
      const per: string[] = [];
      gold.forEach((g, i) => {
        const c = awareness(systems[i]!.entries, g.entries, opts);
        t.pOk += c.pOk;
        t.pAll += c.pAll;
        t.rOk += c.rOk;
        t.rAll += c.rAll;
        per.push(`${g.target_entity} (${systems[i]!.kind}): P ${c.pOk}/${c.pAll}, R ${c.rOk}/${c.rAll}`);
      });
      const P = t.pOk / (t.pAll || 1);
      const R = t.rOk / (t.rAll || 1);
      return { P, R, F: P + R ? (2 * P * R) / (P + R) : 0, per };
    };
    // The official tool's side measures: event-entity links (mentions, dates aside) and the share of linked events with the right date.
    const links = { sys: 0, gold: 0, ok: 0, dated: 0 };
    gold.forEach((g, i) => {
      const key = (ev: Entry['events'][number]) => eventNode(ev);
      const goldDate = new Map(g.entries.flatMap((e) => e.events.map((ev) => [key(ev), e.date] as const)));
      const sys = new Map(systems[i]!.entries.flatMap((e) => e.events.map((ev) => [key(ev), e.date] as const)));
      links.sys += sys.size;
      links.gold += goldDate.size;
      for (const [k, d] of sys) {
        if (!goldDate.has(k)) continue;
        links.ok++;
        if (goldDate.get(k) === d) links.dated++;
      }
    });
    const main = score({});
    const alt = score({ unknownDateNode: true });
    return {
      name: 'timelines',
      items: `${gold.length} target entities over ${docs.length} documents`,
      rows: [
        { metric: 'temporal-awareness F1 (micro)', ours: main.F, published: 'best main-track system 0.0785 (test corpora)' },
        { metric: 'precision / recall', ours: `${main.P.toFixed(4)} / ${main.R.toFixed(4)}` },
        { metric: 'F1 with a node for XXXX-XX-XX', ours: alt.F },
        { metric: 'event-entity links P / R', ours: `${(links.ok / (links.sys || 1)).toFixed(4)} / ${(links.ok / (links.gold || 1)).toFixed(4)}` },
        { metric: 'linked events with the gold date', ours: links.ok ? links.dated / links.ok : 0 },
      ],
      notes: [...main.per, 'scorer: reduced graphs (TempEval-3 default), closure by simultaneity classes and reachability; see docs/benchmarks/timelines.md'],
    };
  },
};
