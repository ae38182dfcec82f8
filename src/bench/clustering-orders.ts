// How much the ECB+ clustering figures owe to one arrival order: the dev articles clustered in
// several shuffled orders (seeded, reproducible), reported as mean and minimum BCubed F1. The
// clusterer is online and greedy, so order matters; thresholds are chosen on these means, not
// on the single file order that `bench clustering` reports.
import { clusterAndScore, loadEcbDev, type EcbArticle } from './clustering.js';
import type { ClustererOptions } from '../stories/cluster/types.js';
import type { BenchReport, BenchRow, BenchRunner } from './report.js';
import { numberArg } from './args.js';
import { mulberry32 } from './synthetic.js';

export function shuffledOrders(articles: readonly EcbArticle[], n: number): EcbArticle[][] {
  return Array.from({ length: n }, (_, k) => {
    const next = mulberry32(k + 1);
    const a = [...articles];
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [a[i], a[j]] = [a[j]!, a[i]!];
    }
    return a;
  });
}

export interface OrderScores {
  topic: { mean: number; min: number; max: number };
  event: { mean: number; min: number; max: number };
}

export function scoreOverOrders(orders: EcbArticle[][], opts: Partial<ClustererOptions> = {}): OrderScores {
  const topic: number[] = [];
  const event: number[] = [];
  for (const o of orders) {
    const s = clusterAndScore(o, opts);
    topic.push(s.topic.bcubed.f1 * 100);
    event.push(s.event.bcubed.f1 * 100);
  }
  const stats = (x: number[]) => ({ mean: x.reduce((a, b) => a + b, 0) / x.length, min: Math.min(...x), max: Math.max(...x) });
  return { topic: stats(topic), event: stats(event) };
}

export function orderRows(s: OrderScores, n: number): BenchRow[] {
  const f = (x: number) => x.toFixed(1);
  return [
    { metric: `topic BCubed F1, mean of ${n} shuffled orders (min–max)`, ours: `${f(s.topic.mean)} (${f(s.topic.min)}–${f(s.topic.max)})`, target: '>= 97' },
    { metric: `event BCubed F1, mean of ${n} shuffled orders (min–max)`, ours: `${f(s.event.mean)} (${f(s.event.min)}–${f(s.event.max)})`, target: '>= 90' },
  ];
}

export const runner: BenchRunner = {
  description: 'story clustering on ECB+ dev in shuffled arrival orders (mean and spread)',
  async run(opts): Promise<BenchReport> {
    const n = numberArg(opts.args, '--orders') ?? 8;
    const articles = loadEcbDev(opts.limit);
    const s = scoreOverOrders(shuffledOrders(articles, n), {});
    return {
      name: 'clustering-orders',
      items: `${articles.length} ECB+ dev articles, ${n} seeded shuffles (mulberry32 seeds 1..${n})`,
      rows: orderRows(s, n),
      notes: ['`bench clustering` scores the file order only; a figure that holds in one order and not in others is luck, not skill'],
    };
  },
};
