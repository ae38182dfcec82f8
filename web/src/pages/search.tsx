// Full-text search over titles, deks and texts.
import { getJson } from '../api';
import { go, href } from '../router';
import { useApi } from '../use-api';
import { Load } from '../components/common';

interface Hit {
  id: number;
  title: string | null;
  outlet: string | null;
  published: string | null;
  snippet: string;
}

export function SearchPage({ q }: { q: string }) {
  const hits = useApi(`search:${q}`, () => (q ? getJson<{ items: Hit[] }>('/api/search', { q, limit: 50 }) : Promise.resolve({ items: [] })));
  const submit = (e: Event) => {
    e.preventDefault();
    go('search', { q: String(new FormData(e.currentTarget as HTMLFormElement).get('q') ?? '') });
  };
  return (
    <section>
      <h1>Search</h1>
      <form class="filters" onSubmit={submit} role="search" aria-label="Search articles">
        <label>
          Words <input name="q" type="search" defaultValue={q} />
        </label>
        <button type="submit">Search</button>
      </form>
      <Load value={hits}>
        {(r) => (
          <ol class="hits">
            {r.items.map((h) => (
              <li key={h.id}>
                <a href={href(`articles/${h.id}`)}>{h.title ?? `article ${h.id}`}</a> <span class="meta">{[h.outlet, h.published].filter(Boolean).join(' · ')}</span>
                <p class="snippet">{h.snippet}</p>
              </li>
            ))}
            {q && r.items.length === 0 && <li>No article matches.</li>}
          </ol>
        )}
      </Load>
    </section>
  );
}
