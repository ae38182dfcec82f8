// The story list: topics with their events, outlets and dates; words, outlet, dates and size filter it.
import { useEffect, useState } from 'preact/hooks';
import { getJson, type Page, type StoryListItem } from '../api';
import { go, href } from '../router';
import { dateRange } from '../components/common';

type StoryPage = Page<StoryListItem> & { total: number };
const FILTERS = ['q', 'outlet', 'from', 'to', 'minArticles'] as const;

export function StoryListPage({ params }: { params: URLSearchParams }) {
  const filter = Object.fromEntries(FILTERS.map((k) => [k, params.get(k) ?? ''])) as Record<(typeof FILTERS)[number], string>;
  const key = JSON.stringify(filter);
  const [items, setItems] = useState<StoryListItem[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<string | null>(null);

  const load = (cursor?: string) =>
    getJson<StoryPage>('/api/stories', { ...filter, limit: 50, cursor }).then(
      (p) => {
        setItems((old) => (cursor && old ? [...old, ...p.items] : p.items));
        setNext(p.next);
        setTotal(p.total);
      },
      (e: Error) => setError(e.message),
    );
  useEffect(() => {
    setItems(null);
    setError(null);
    void load();
  }, [key]);

  const submit = (e: Event) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    go('stories', Object.fromEntries(FILTERS.map((k) => [k, String(form.get(k) ?? '')])));
  };

  return (
    <section>
      <h1>Stories</h1>
      <form class="filters" onSubmit={submit} role="search" aria-label="Filter stories">
        <label>
          Words <input name="q" type="search" defaultValue={filter.q} />
        </label>
        <label>
          Outlet <input name="outlet" defaultValue={filter.outlet} />
        </label>
        <label>
          From <input name="from" type="date" defaultValue={filter.from} />
        </label>
        <label>
          To <input name="to" type="date" defaultValue={filter.to} />
        </label>
        <label>
          Articles ≥ <input name="minArticles" type="number" min="1" defaultValue={filter.minArticles} />
        </label>
        <button type="submit">Filter</button>
      </form>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <p class="count" aria-live="polite">
        {items ? `${total} ${total === 1 ? 'story' : 'stories'}` : 'Loading…'}
      </p>
      <ol class="story-list" aria-busy={items === null}>
        {(items ?? []).map((s) => (
          <li key={s.id} class="story-item">
            <a class="story-label" href={href(`stories/${s.id}`)}>
              {s.headline}
            </a>
            <div class="meta">
              <span>{dateRange(s.dateStart, s.dateEnd)}</span>
              <span>
                {s.articles} {s.articles === 1 ? 'article' : 'articles'}
              </span>
              <span>
                {s.events.length} {s.events.length === 1 ? 'event' : 'events'}
              </span>
              <span class="outlets">{s.outlets.join(', ') || 'outlet unknown'}</span>
            </div>
            {s.events.length > 0 && (
              <ul class="events">
                {s.events.map((e) => (
                  <li key={e.id}>
                    <a href={href(`stories/${e.id}`)}>{e.headline}</a> <span class="meta">{dateRange(e.dateStart, e.dateEnd)} · {e.articles} art.</span>
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
      {next && (
        <button type="button" onClick={() => void load(next)}>
          More stories
        </button>
      )}
    </section>
  );
}
