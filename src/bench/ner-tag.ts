// The entity tagger as a user runs it: a JSON lines file through the `dossier tag` command (the
// built CLI, one process, start-up included), scored with exact-span micro F1 on the CoNLL types.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scoreCounts, spans } from './ner-score.js';

/** `tag`'s resolved types as the four CoNLL types; other types (numbers, amounts) are not names. */
const CONLL_TYPE: Record<string, string> = { PERSON: 'PER', ORG: 'ORG', GPE: 'LOC', LOC: 'LOC', NORP: 'MISC', MISC: 'MISC' };

const CLI = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'dossier.js');

export interface CommandRun {
  /** Wall-clock and CPU seconds of the whole command (CPU: user + system of the child, when /usr/bin/time reports it). */
  seconds: number;
  cpuSeconds: number | null;
  stdout: string;
}

/** Runs `dossier tag` over `input`; CPU time comes from GNU time where the machine has it. */
export function runTagCommand(input: string): CommandRun {
  if (!existsSync(CLI)) throw new Error(`no CLI at ${CLI}`);
  const timed = existsSync('/usr/bin/time');
  const [cmd, args] = timed ? ['/usr/bin/time', ['-f', '@cpu %U %S', process.execPath, CLI, 'tag']] : [process.execPath, [CLI, 'tag']];
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { input, encoding: 'utf8', maxBuffer: 1 << 30 });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0 && r.status !== 1) throw new Error(`dossier tag failed: ${r.stderr.slice(-500)}`);
  const m = /@cpu ([\d.]+) ([\d.]+)/.exec(r.stderr);
  return { seconds, cpuSeconds: m ? Number(m[1]) + Number(m[2]) : null, stdout: r.stdout };
}

interface GoldLine {
  id: string;
  doc: number;
  tokens: string[];
  tags: string[];
}

/**
 * Scores `tag` over a JSON lines file of gold sentences (id, doc, tokens, tags). With `withDoc`
 * the lines keep their `doc` (one document per article); without it each line stands alone.
 */
export function scoreTagCommand(path: string, withDoc: boolean, limit?: number) {
  const gold = readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .slice(0, limit)
    .map((l) => JSON.parse(l) as GoldLine);
  const input = gold.map((g) => JSON.stringify(withDoc ? { id: g.id, doc: g.doc, tokens: g.tokens } : { id: g.id, tokens: g.tokens })).join('\n');
  const run = runTagCommand(`${input}\n`);
  const out = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as { entities?: { start: number; end: number; type: string }[] });
  if (out.length !== gold.length) throw new Error(`dossier tag wrote ${out.length} lines for ${gold.length}`);
  const pairs = gold.map((g, i) => ({
    gold: spans(g.tags),
    pred: (out[i]!.entities ?? []).filter((e) => CONLL_TYPE[e.type]).map((e) => `${e.start}:${e.end}:${CONLL_TYPE[e.type]}`),
  }));
  const tokens = gold.reduce((n, g) => n + g.tokens.length, 0);
  return { ...scoreCounts(pairs), tokens, sentences: gold.length, run };
}

/** Start-up cost: the command over an empty input. */
export function tagStartup(): CommandRun {
  return runTagCommand('');
}
