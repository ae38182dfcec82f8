// `dossier tag`: JSON lines in, JSON lines out, one process for any number of lines — the
// scriptable form of the language layer (`dossier code`, the event coder's, is in code.ts).
import type { Command } from 'commander';
import type { Analyzer } from '../../pipeline/analyse.js';
import type { AnalysisJob } from '../../pipeline/components.js';
import { EntityRegistry } from '../../entities/registry.js';
import { mapJsonLines } from '../stdin-lines.js';
import { published, textOf, toTokens } from '../records.js';

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
}
