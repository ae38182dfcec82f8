// Runs every benchmark and writes docs/BENCHMARKS.md: our figures next to the published ones, with
// the command and the date of the run. Run: npm run bench:doc  (or name benchmarks to run only those,
// keeping the other sections as they were).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../src/paths.js';
import { BENCHMARKS, loadBenchmark } from '../src/bench/index.js';
import type { BenchReport } from '../src/bench/report.js';

const DOC = join(repoRoot, 'docs', 'BENCHMARKS.md');
const EXTRA_ARGS: Record<string, string[]> = { aeb: ['--passes', '10'], 'story-update': ['--sizes', '2000,20000,100000'] };
/** Extra sections: a benchmark run again with other arguments, under a name of its own. */
const VARIANTS: Record<string, { bench: string; args: string[]; description: string }> = {
  'clustering-speed': { bench: 'clustering', args: ['--speed'], description: 'clustering speed with 100,000 synthetic articles already stored' },
};
/** Benchmarks whose figures need node flags (the heap after a forced collection). */
const NODE_FLAGS: Record<string, string> = { aeb: '--expose-gc' };

function section(name: string, r: BenchReport, date: string, seconds: number): string {
  const variant = VARIANTS[name];
  const args = variant?.args ?? EXTRA_ARGS[name] ?? [];
  const bench = variant?.bench ?? name;
  const out = [
    `## ${name}`,
    '',
    `${variant?.description ?? BENCHMARKS[name]!.description}. ${r.items}.`,
    '',
    `Command: \`${NODE_FLAGS[name] ? `node ${NODE_FLAGS[name]} bin/dossier.js` : 'npx dossier'} bench ${bench}${args.length ? ` ${args.join(' ')}` : ''}\` · measured ${date} · ${seconds.toFixed(0)} s on the 2-core machine.`,
    '',
    '| metric | ours | target | published |',
    '|---|---|---|---|',
    ...r.rows.map((x) => `| ${x.metric} | ${typeof x.ours === 'number' ? (Number.isInteger(x.ours) ? x.ours : x.ours.toFixed(4)) : x.ours} | ${x.target ?? ''} | ${x.published ?? ''} |`),
  ];
  if (r.notes?.length) out.push('', ...r.notes.slice(0, 20).map((n) => `- ${n}`));
  if (existsSync(join(repoRoot, 'docs', 'benchmarks', `${name}.md`))) out.push('', `Details and history: [docs/benchmarks/${name}.md](benchmarks/${name}.md).`);
  return out.join('\n');
}

function existingSections(): Map<string, string> {
  const map = new Map<string, string>();
  if (!existsSync(DOC)) return map;
  const parts = readFileSync(DOC, 'utf8').split(/^## /m).slice(1);
  for (const p of parts) map.set(p.split('\n')[0]!.trim(), `## ${p.trimEnd()}`);
  return map;
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const names = only.length ? only : [...Object.keys(BENCHMARKS), ...Object.keys(VARIANTS)];
  const sections = existingSections();
  const date = new Date().toISOString().slice(0, 10);
  for (const name of names) {
    const started = performance.now();
    try {
      const variant = VARIANTS[name];
      const report = await (await loadBenchmark(variant?.bench ?? name)).run({ args: variant?.args ?? EXTRA_ARGS[name] ?? [] });
      sections.set(name, section(name, report, date, (performance.now() - started) / 1000));
      console.error(`${name}: done`);
    } catch (e) {
      console.error(`${name}: failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  const head = [
    '# Benchmarks',
    '',
    'Figures measured by the project\'s own runners over the development splits in `../shared/bench`, next to',
    'the published figures of the best systems. Regenerate with `npm run bench:doc` (all) or',
    '`npm run bench:doc -- NAME...`; each section names its command and date.',
    '',
  ];
  const order = [...Object.keys(BENCHMARKS), ...Object.keys(VARIANTS)].filter((n) => sections.has(n));
  writeFileSync(DOC, `${[...head, ...order.map((n) => `${sections.get(n)}\n`)].join('\n')}`);
}

void main();
