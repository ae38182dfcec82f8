// One story: summary (each sentence linked to its article), events, timeline, actor network,
// outlet comparison, quotes, and the articles; reports as downloads.
import { getJson, type StoryView } from '../api';
import { href } from '../router';
import { useApi } from '../use-api';
import { articleName, dateRange, Load, OutLink } from '../components/common';
import { Timeline } from '../components/timeline';
import { NetworkGraph } from '../components/network';
import { ComparisonView } from '../components/comparison';

function outletOf(v: StoryView, id: number): string {
  const a = v.articles.find((x) => x.id === id);
  return a?.outlet ?? a?.externalId ?? `article ${id}`;
}

export function StoryPage({ id }: { id: number }) {
  const story = useApi(`story:${id}`, () => getJson<StoryView>(`/api/stories/${id}`));
  return (
    <Load value={story} minHeight="80vh">
      {(v) => (
        <article class="story">
          {v.parentId !== null && (
            <p class="crumb">
              <a href={href(`stories/${v.parentId}`)}>↑ the whole topic</a>
            </p>
          )}
          <h1>{v.headline}</h1>
          <p class="meta">
            {v.level === 'topic' ? 'Topic' : 'Event'} · {v.articles.length} {v.articles.length === 1 ? 'article' : 'articles'} · {dateRange(v.dateStart, v.dateEnd)} · report:{' '}
            {(['md', 'html', 'json'] as const).map((f) => (
              <a key={f} href={`/api/stories/${v.id}/report?format=${f}`} download>
                {f}{' '}
              </a>
            ))}
          </p>

          {v.events.length > 0 && (
            <section aria-labelledby="h-events">
              <h2 id="h-events">Events</h2>
              <ul>
                {v.events.map((e) => (
                  <li key={e.id}>
                    <a href={href(`stories/${e.id}`)}>{e.headline}</a> <span class="meta">{dateRange(e.dateStart, e.dateEnd)}</span>
                  </li>
                ))}
              </ul>
            </section>
          )}

          <section aria-labelledby="h-summary">
            <h2 id="h-summary">Summary</h2>
            <ul class="summary">
              {v.summary.map((s, i) => (
                <li key={i}>
                  <a href={href(`articles/${s.articleId}`, { hl: s.text })} class="summary-sentence">
                    {s.text}
                  </a>{' '}
                  <span class="meta">— {[s.articleId, ...s.alsoIn].map((a) => outletOf(v, a)).join(', ')}</span>
                </li>
              ))}
            </ul>
          </section>

          <section aria-labelledby="h-timeline">
            <h2 id="h-timeline">Timeline</h2>
            <Timeline entries={v.timeline.entries} articles={v.articles} />
          </section>

          <section aria-labelledby="h-network">
            <h2 id="h-network">Actor network</h2>
            {v.network.edges.length ? <NetworkGraph net={v.network} /> : <p>No links between actors.</p>}
          </section>

          <section aria-labelledby="h-compare">
            <h2 id="h-compare">Outlet comparison</h2>
            {v.eventComparisons.length > 0
              ? v.eventComparisons.map((e) => <ComparisonView key={e.id} c={e.comparison} articles={v.articles} caption={e.headline} />)
              : <ComparisonView c={v.comparison} articles={v.articles} caption="All the story's articles" />}
          </section>

          <section aria-labelledby="h-quotes">
            <h2 id="h-quotes">Quotes</h2>
            <ul class="quotes">
              {v.quotes.map((q, i) => (
                <li key={i}>
                  <span class="speaker">{q.speaker ?? 'unattributed'}</span>
                  {q.via ? ` (via ${q.via})` : ''}: <q>{q.text}</q> <a href={href(`articles/${q.articleId}`, { hl: q.text })}>{outletOf(v, q.articleId)}</a>
                </li>
              ))}
            </ul>
          </section>

          <section aria-labelledby="h-articles">
            <h2 id="h-articles">Articles</h2>
            <ol class="articles">
              {v.articles.map((a) => (
                <li key={a.id}>
                  <a href={href(`articles/${a.id}`)}>{articleName(a)}</a>{' '}
                  <span class="meta">
                    {a.outlet ?? 'outlet unknown'} · {a.published?.slice(0, 10) ?? (a.inferred ? `about ${a.inferred.value} (inferred)` : 'undated')}
                  </span>{' '}
                  <OutLink url={a.url}>source</OutLink>
                </li>
              ))}
            </ol>
          </section>
        </article>
      )}
    </Load>
  );
}
