// One article with its entities, times and quotes marked in the text; a sentence followed from a
// summary is highlighted and scrolled to.
import { useEffect } from 'preact/hooks';
import { getJson, type Article } from '../api';
import { href } from '../router';
import { useApi } from '../use-api';
import { Load, OutLink } from '../components/common';

interface Mark {
  start: number;
  end: number;
  kind: 'mention' | 'time' | 'quote' | 'highlight';
  title: string;
  entityId?: number | null;
}

/** Cuts the text at every mark boundary; each piece knows which marks cover it. */
function pieces(text: string, marks: Mark[]): { text: string; marks: Mark[] }[] {
  const cuts = new Set([0, text.length]);
  for (const m of marks) {
    cuts.add(Math.max(0, Math.min(text.length, m.start)));
    cuts.add(Math.max(0, Math.min(text.length, m.end)));
  }
  const sorted = [...cuts].sort((a, b) => a - b);
  const out: { text: string; marks: Mark[] }[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const s = sorted[i]!;
    const e = sorted[i + 1]!;
    out.push({ text: text.slice(s, e), marks: marks.filter((m) => m.start <= s && m.end >= e) });
  }
  return out;
}

function Piece({ text, marks }: { text: string; marks: Mark[] }) {
  const cls = [...new Set(marks.map((m) => m.kind))].join(' ');
  const title = marks.map((m) => m.title).join('; ');
  const entity = marks.find((m) => m.kind === 'mention' && m.entityId);
  const hl = marks.some((m) => m.kind === 'highlight');
  const inner = entity ? <a href={href(`entities/${entity.entityId}`)}>{text}</a> : text;
  if (!marks.length) return <>{text}</>;
  return (
    <span class={cls} title={title || undefined} data-hl={hl ? '' : undefined}>
      {inner}
    </span>
  );
}

export function ArticlePage({ id, highlight }: { id: number; highlight: string | null }) {
  const article = useApi(`article:${id}`, () => getJson<Article>(`/api/articles/${id}`));
  useEffect(() => {
    if (article.state === 'ok' && highlight) document.querySelector('[data-hl]')?.scrollIntoView({ block: 'center' });
  }, [article.state, highlight]);
  return (
    <Load value={article} minHeight="80vh">
      {(a) => {
        const marks: Mark[] = [
          ...a.mentions.filter((m) => m.field === 'text').map((m) => ({ start: m.start, end: m.end, kind: 'mention' as const, title: `${m.type}${m.entity ? `: ${m.entity}` : ''}`, entityId: m.entityId })),
          ...a.times.filter((t) => t.field === 'text').map((t) => ({ start: t.start, end: t.end, kind: 'time' as const, title: `time: ${t.value}${t.resolved ? '' : ' (unresolved)'}` })),
          ...a.quotes.filter((q) => q.field === 'text').map((q) => ({ start: q.start, end: q.end, kind: 'quote' as const, title: `quote: ${q.speaker ?? 'unattributed'}` })),
        ];
        const at = highlight ? a.text.indexOf(highlight) : -1;
        if (at >= 0) marks.push({ start: at, end: at + highlight!.length, kind: 'highlight', title: 'the sentence you followed' });
        return (
          <article class="article">
            <h1>{a.title ?? a.externalId ?? `Article ${a.id}`}</h1>
            {a.dek && <p class="dek">{a.dek}</p>}
            <p class="meta">
              {a.outlet ?? 'outlet unknown'} · {a.authors.join(', ') || 'no byline'} ·{' '}
              {a.published ?? (a.inferredPublished ? `about ${a.inferredPublished.value} (inferred: ${a.inferredPublished.evidence})` : 'undated')} ·{' '}
              <OutLink url={a.canonicalUrl ?? a.url}>source</OutLink>
            </p>
            <p class="legend">
              <span class="mention">entity</span> <span class="time">time</span> <span class="quote">quote</span>
            </p>
            <div class="text">
              {a.text.split(/(\n\s*\n)/).reduce<{ offset: number; nodes: preact.JSX.Element[] }>(
                (acc, para, i) => {
                  const start = acc.offset;
                  acc.offset += para.length;
                  if (/^\n\s*\n$/.test(para) || !para.trim()) return acc;
                  const local = marks.filter((m) => m.end > start && m.start < start + para.length).map((m) => ({ ...m, start: m.start - start, end: m.end - start }));
                  acc.nodes.push(
                    <p key={i}>
                      {pieces(para, local).map((p, j) => (
                        <Piece key={j} {...p} />
                      ))}
                    </p>,
                  );
                  return acc;
                },
                { offset: 0, nodes: [] },
              ).nodes}
            </div>
          </article>
        );
      }}
    </Load>
  );
}
