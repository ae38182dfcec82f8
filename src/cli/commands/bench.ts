// `dossier bench <name>`: run a benchmark and print its figures next to the published ones.
import type { Command } from 'commander';
import { BENCHMARKS, loadBenchmark } from '../../bench/index.js';
import { formatReport } from '../../bench/report.js';
import { printJson } from '../output.js';

export function register(program: Command): void {
  program
    .command('bench')
    .description(`run a benchmark over ../shared/bench (${Object.keys(BENCHMARKS).join(', ')})`)
    .argument('<name>', 'benchmark name, or "list"')
    .argument('[args...]', 'runner-specific arguments (e.g. --passes 10, --speed)')
    .option('--limit <n>', 'only the first N items', (v) => Number(v))
    .option('--json', 'print the report as JSON')
    .allowUnknownOption(true)
    .action(async (name: string, args: string[], o: { limit?: number; json?: boolean }) => {
      if (name === 'list') {
        for (const [k, v] of Object.entries(BENCHMARKS)) process.stdout.write(`${k.padEnd(16)} ${v.description}\n`);
        return;
      }
      const runner = await loadBenchmark(name);
      const report = await runner.run({ args, ...(o.limit ? { limit: o.limit } : {}) });
      if (o.json) printJson(report);
      else process.stdout.write(`${formatReport(report)}\n`);
    });
}
