// The story's timeline drawn on a date axis: one mark per happening entry (merged reports are one
// mark, their sources on hover and in the list), ranges as bars, uncertain dates hollow and
// dashed; entries with no date are listed apart, saying so.
import type { ArticleRef, TimelineEntry } from '../api';

const W = 900;
const ROW = 22;
const PAD = 40;

const dayOf = (d: string) => Date.parse(`${d.slice(0, 10)}T00:00:00Z`);

function sources(e: TimelineEntry, articles: ArticleRef[]): string {
  const ids = [...new Set(e.reports.map((r) => r.articleId))];
  return ids.map((id) => articles.find((a) => a.id === id)?.outlet ?? `article ${id}`).join(', ');
}

function when(e: TimelineEntry): string {
  if (!e.date && !e.dateEnd) return 'date unknown';
  const d = e.dateEnd && e.dateEnd !== e.date ? `${e.date?.slice(0, 10) ?? '…'} to ${e.dateEnd.slice(0, 10)}` : (e.date ?? '').slice(0, 10);
  return e.uncertain ? `${d} (uncertain)` : d;
}

export function Timeline({ entries, articles }: { entries: TimelineEntry[]; articles: ArticleRef[] }) {
  const dated = entries.filter((e) => e.date && /^\d{4}-\d{2}-\d{2}/.test(e.date));
  const undated = entries.filter((e) => !dated.includes(e));
  const days = dated.flatMap((e) => [dayOf(e.date!), ...(e.dateEnd && /^\d{4}-\d{2}-\d{2}/.test(e.dateEnd) ? [dayOf(e.dateEnd)] : [])]);
  const lo = Math.min(...days);
  const hi = Math.max(...days);
  const span = Math.max(hi - lo, 86_400_000);
  const x = (t: number) => PAD + ((t - lo) / span) * (W - 2 * PAD);
  const height = dated.length * ROW + 40;
  const ticks = dated.length ? [lo, lo + span / 2, hi] : [];
  return (
    <div class="timeline">
      {dated.length > 0 && (
        <svg viewBox={`0 0 ${W} ${height}`} role="img" aria-label={`Timeline of ${dated.length} dated entries`} preserveAspectRatio="xMinYMin meet">
          <line x1={PAD} x2={W - PAD} y1={height - 24} y2={height - 24} class="axis" />
          {ticks.map((t) => (
            <text key={t} x={x(t)} y={height - 6} text-anchor="middle" class="tick">
              {new Date(t).toISOString().slice(0, 10)}
            </text>
          ))}
          {dated.map((e, i) => {
            const y = 12 + i * ROW;
            const x0 = x(dayOf(e.date!));
            const x1 = e.dateEnd && /^\d{4}-\d{2}-\d{2}/.test(e.dateEnd) ? x(dayOf(e.dateEnd)) : x0;
            const label = `${when(e)}: ${e.headline} — ${sources(e, articles)}`;
            return (
              <g key={i} class={e.uncertain ? 'mark uncertain' : 'mark'} tabIndex={0} aria-label={label}>
                <title>{label}</title>
                {x1 > x0 + 1 ? <rect x={x0} y={y - 5} width={x1 - x0} height={10} rx={5} /> : <circle cx={x0} cy={y} r={e.reports.length > 1 ? 7 : 5} />}
                <text x={Math.min(x1 + 10, W - 300)} y={y + 4} class="label">
                  {e.headline.length > 60 ? `${e.headline.slice(0, 59)}…` : e.headline}
                  {e.reports.length > 1 ? ` (${e.reports.length} reports)` : ''}
                </text>
              </g>
            );
          })}
        </svg>
      )}
      <ol class="timeline-list">
        {[...dated, ...undated].map((e, i) => (
          <li key={i}>
            <span class={e.uncertain ? 'when uncertain' : 'when'}>{when(e)}</span> {e.headline} <span class="meta">— {sources(e, articles)}</span>
          </li>
        ))}
      </ol>
      {entries.length === 0 && <p>No dated events in this story.</p>}
    </div>
  );
}
