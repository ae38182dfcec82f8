// Cost of one large article: `dossier analyze` on a single plain-text file of 1 MB and 4 MB (the seed
// texts repeated, their numbers varied per copy so no two paragraphs are the same), run as a child
// process so that its peak memory is its own. `--against DIR` runs another checkout's built CLI on
// the same files in the same run (the commit before a change, say), for a fair comparison on a
// shared machine.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { repoRoot, seedsDir } from '../paths.js';
import { numberArg } from './args.js';
import type { BenchReport, BenchRow, BenchRunner } from './report.js';

const MB = 1024 * 1024;
const TARGET_SECONDS: Record<number, number> = { 1: 5, 4: 20 };

/** About `bytes` of article text: the seeds again and again, each copy with its own years and numbers. */
export function largeArticleText(bytes: number): string {
  const dir = seedsDir();
  const seeds = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(dir, f), 'utf8').trim());
  const parts: string[] = [];
  let size = 0;
  for (let copy = 0; size < bytes; copy++) {
    for (const s of seeds) {
      const varied = s.replace(/\b(19|20)\d\d\b/g, String(1950 + (copy % 70))).replace(/\b\d{1,3}\b/g, (n) => String(Number(n) + copy));
      parts.push(varied);
      size += Buffer.byteLength(varied) + 2;
    }
  }
  return Buffer.from(parts.join('\n\n')).subarray(0, bytes).toString('utf8').replace(/\uFFFD$/, '');
}

interface RunFigures {
  wallSeconds: number;
  cpuSeconds: number;
  peakMb: number;
  ok: boolean;
  note: string;
}

// Reports the child's own CPU time and peak RSS as it exits, whichever checkout's CLI it runs.
const EXIT_PROBE =
  'data:text/javascript,process.on("exit",()=>{const u=process.resourceUsage();process.stderr.write(`\\nRUSAGE ${u.userCPUTime+u.systemCPUTime} ${u.maxRSS}\\n`)})';

function analyzeOnce(checkout: string, file: string, work: string, timeoutS: number): RunFigures {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--import', EXIT_PROBE, join(checkout, 'bin', 'dossier.js'), 'analyze', file, '--db', join(work, 'a.db'), '--out', join(work, 'report')], {
    encoding: 'utf8',
    timeout: timeoutS * 1000,
    env: { ...process.env, CI: '1' },
  });
  const wallSeconds = (performance.now() - t0) / 1000;
  const m = /RUSAGE (\d+) (\d+)/.exec(r.stderr ?? '');
  const timedOut = r.error !== undefined || r.signal !== null;
  return {
    wallSeconds,
    cpuSeconds: m ? Number(m[1]) / 1e6 : NaN,
    peakMb: m ? Number(m[2]) / 1024 : NaN,
    ok: r.status === 0,
    note: timedOut ? `stopped after ${timeoutS} s` : r.status === 0 ? '' : `exit ${r.status}: ${(r.stderr ?? '').trim().split('\n').slice(-2).join(' ')}`,
  };
}

function rows(label: string, mb: number, f: RunFigures, startup: RunFigures): BenchRow[] {
  if (!f.ok) return [{ metric: `${label} ${mb} MB`, ours: f.note }];
  const target = TARGET_SECONDS[mb];
  return [
    { metric: `${label} ${mb} MB: wall seconds (whole command)`, ours: f.wallSeconds.toFixed(1), ...(target ? { target: `≤ ${target} s` } : {}) },
    { metric: `${label} ${mb} MB: CPU seconds (whole command)`, ours: f.cpuSeconds.toFixed(1) },
    { metric: `${label} ${mb} MB: CPU seconds beyond start-up`, ours: (f.cpuSeconds - startup.cpuSeconds).toFixed(1) },
    { metric: `${label} ${mb} MB: peak RSS, MB`, ours: Math.round(f.peakMb), target: '< 1024' },
  ];
}

export const runner: BenchRunner = {
  description: 'analysis of one large article (1 MB and 4 MB of text): seconds and peak memory',
  async run(opts): Promise<BenchReport> {
    const sizesAt = opts.args.indexOf('--sizes');
    const sizes = ((sizesAt >= 0 ? opts.args[sizesAt + 1] : undefined) ?? '1,4').split(',').map(Number);
    const timeoutS = numberArg(opts.args, '--timeout') ?? 600;
    const againstAt = opts.args.indexOf('--against');
    const checkouts: [string, string][] = [['this checkout', repoRoot]];
    if (againstAt >= 0 && opts.args[againstAt + 1]) checkouts.push([`against ${opts.args[againstAt + 1]}`, resolve(opts.args[againstAt + 1]!)]);
    const work = mkdtempSync(join(tmpdir(), 'dossier-large-'));
    const out: BenchRow[] = [];
    try {
      const small = join(work, 'small.txt');
      writeFileSync(small, largeArticleText(2000));
      for (const [label, checkout] of checkouts) {
        const run = (file: string) => {
          rmSync(join(work, 'a.db'), { force: true });
          rmSync(join(work, 'report'), { recursive: true, force: true });
          return analyzeOnce(checkout, file, work, timeoutS);
        };
        // Start-up (loading models and word lists) costs the same whatever the article: a 2 KB run shows it.
        const startup = run(small);
        out.push({ metric: `${label} 2 KB (start-up): CPU seconds`, ours: startup.cpuSeconds.toFixed(1) });
        for (const mb of sizes) {
          const file = join(work, `article-${mb}mb.txt`);
          writeFileSync(file, largeArticleText(mb * MB));
          out.push(...rows(label, mb, run(file), startup));
        }
      }
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
    return {
      name: 'large-article',
      items: `one plain-text article of ${sizes.map((s) => `${s} MB`).join(' and ')} (the seeds repeated with varied numbers)`,
      rows: out,
      notes: ['targets (issue 13): 1 MB ≤ 5 s, 4 MB ≤ 20 s on one core, under 1 GB; wall time on a shared machine includes waiting for a core, CPU time does not'],
    };
  },
};
