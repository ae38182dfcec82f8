// `dossier tag` and `dossier code`: JSON lines in, JSON lines out, one process for any number of
// lines — the scriptable forms of the language layer and the event coder.
import type { Command } from 'commander';
import type { Analyzer } from '../../pipeline/analyse.js';
import type { AnalysisJob } from '../../pipeline/components.js';
import { EntityRegistry } from '../../entities/registry.js';
import { parseDateValue } from '../../ingest/date-value.js';
import { mapJsonLines } from '../stdin-lines.js';
import { eventFields } from '../../events/coder.js';

function textOf(rec: Record<string, unknown>): { text: string; tokenStarts: number[] | null } {
  if (Array.isArray(rec.tokens)) {
    const tokens = rec.tokens.map(String);
    const starts: number[] = [];
    let pos = 0;
    for (const t of tokens) {
      starts.push(pos);
      pos += t.length + 1;
    }
    return { text: tokens.join(' '), tokenStarts: starts };
  }
  if (typeof rec.text !== 'string') throw new Error('needs "text" (a string) or "tokens" (an array)');
  return { text: rec.text, tokenStarts: null };
}

/** Character offsets -> token indices (end exclusive) when the input came as tokens. */
function toTokens(starts: number[] | null, start: number, end: number): { start: number; end: number } {
  if (!starts) return { start, end };
  let s = 0;
  while (s + 1 < starts.length && starts[s + 1]! <= start) s++;
  let e = s;
  while (e < starts.length && starts[e]! < end) e++;
  return { start: s, end: e };
}

function published(rec: Record<string, unknown>) {
  const d = parseDateValue(rec.published ?? rec.date ?? rec.dct, 'input');
  return d ? { value: d.value, timezone: d.timezone } : null;
}

export function tagRecord(rec: Record<string, unknown>, an: Analyzer, registry: EntityRegistry) {
  const { text, tokenStarts } = textOf(rec);
  const { doc, entities } = an.analyse({ id: 0, title: null, dek: null, text, published: published(rec) });
  const canonical = new Map<string, string>();
  for (const e of entities) canonical.set(e.key, registry.add(e, String(rec.id ?? '')).key);
  return {
    id: rec.id ?? null,
    entities: [...doc.mentions, ...doc.numbers.map((n) => ({ ...n, entityKey: null }))]
      .sort((a, b) => a.start - b.start)
      .map((m) => ({ ...toTokens(tokenStarts, m.start, m.end), type: m.type, text: m.text, canonical: m.entityKey ? (canonical.get(m.entityKey) ?? m.entityKey) : null })),
    times: doc.times.map((t) => ({ ...toTokens(tokenStarts, t.start, t.end), text: t.text, type: t.type, value: t.value, granularity: t.granularity, resolved: t.resolved })),
    quotes: doc.quotes.map((q) => ({
      ...toTokens(tokenStarts, q.start, q.end),
      text: q.text,
      speaker: q.speakerText,
      speakerCanonical: q.speakerKey ? (canonical.get(q.speakerKey) ?? q.speakerKey) : null,
      cue: q.cue,
      via: q.via,
      partial: q.partial,
    })),
  };
}

export function codeRecord(rec: Record<string, unknown>, an: Analyzer) {
  const { text } = textOf(rec);
  const { doc } = an.analyse({ id: 0, title: null, dek: null, text, published: published(rec) });
  return {
    id: rec.id ?? null,
    events: doc.events.map(eventFields),
  };
}

/** Only the layers a job needs, with their models loaded on first use, so that other commands start fast. */
async function loadAnalyzer(job: AnalysisJob): Promise<Analyzer> {
  return (await import('../../pipeline/components.js')).defaultAnalyzer(job);
}

export function register(program: Command): void {
  program
    .command('tag')
    .description('read {id, text, published?} or {id, tokens} JSON lines on stdin; write entities, times and quotes per line')
    .action(async () => {
      const an = await loadAnalyzer('tag');
      const registry = new EntityRegistry();
      const failed = await mapJsonLines((rec) => tagRecord(rec, an, registry));
      process.exitCode = failed > 0 ? 1 : 0;
    });

  program
    .command('code')
    .description('read {id, text, published?} JSON lines on stdin; write the coded events per line')
    .action(async () => {
      const an = await loadAnalyzer('code');
      const failed = await mapJsonLines((rec) => codeRecord(rec, an));
      process.exitCode = failed > 0 ? 1 : 0;
    });
}
