// Entities: the list, and one entity's aliases, roles over time, mentions in context and events.
import { getJson, type Entity, type Page } from '../api';
import { href } from '../router';
import { useApi } from '../use-api';
import { Load } from '../components/common';

export function EntityListPage() {
  const list = useApi('entities', () => getJson<Page<Entity>>('/api/entities', { limit: 200 }));
  return (
    <section>
      <h1>Entities</h1>
      <Load value={list}>
        {(p) => (
          <div class="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Type</th>
                  <th scope="col">Mentions</th>
                  <th scope="col">Aliases</th>
                </tr>
              </thead>
              <tbody>
                {p.items.map((e) => (
                  <tr key={e.id}>
                    <th scope="row">
                      <a href={href(`entities/${e.id}`)}>{e.name}</a>
                    </th>
                    <td>{e.type}</td>
                    <td>{e.mentions}</td>
                    <td>{e.aliases.map((a) => a.alias).join(', ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Load>
    </section>
  );
}

export function EntityPage({ id }: { id: number }) {
  const entity = useApi(`entity:${id}`, () => getJson<Entity>(`/api/entities/${id}`));
  return (
    <Load value={entity} minHeight="60vh">
      {(e) => (
        <article>
          <h1>{e.name}</h1>
          <p class="meta">
            {e.type}
            {e.country ? ` · ${e.country}` : ''}
            {e.sector ? ` · ${e.sector}` : ''} · {e.mentions} mentions
          </p>
          <h2>Aliases</h2>
          <ul class="inline">
            {e.aliases.map((a) => (
              <li key={a.alias}>
                {a.alias} <span class="meta">×{a.count}</span>
              </li>
            ))}
          </ul>
          <h2>Roles over time</h2>
          {e.roles.length ? (
            <ul>
              {[...e.roles]
                .sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''))
                .map((r, i) => (
                  <li key={i}>
                    {r.date ?? 'undated'}: {r.role} (<a href={href(`articles/${r.articleId}`)}>article {r.articleId}</a>)
                  </li>
                ))}
            </ul>
          ) : (
            <p>No roles recorded.</p>
          )}
          <h2>Events</h2>
          {e.events?.length ? (
            <ol>
              {e.events.map((ev, i) => (
                <li key={i}>
                  {ev.date ?? 'date unknown'}: {ev.event} —{' '}
                  {ev.mentions.map((m, j) => (
                    <a key={j} href={href(`articles/${m.articleId}`)}>
                      “{m.word}”{' '}
                    </a>
                  ))}
                </li>
              ))}
            </ol>
          ) : (
            <p>No events found.</p>
          )}
          <h2>Mentions in context</h2>
          <ul class="mentions">
            {(e.mentionsInContext ?? []).map((m, i) => (
              <li key={i}>
                <a href={href(`articles/${m.articleId}`)}>{m.context}</a>
              </li>
            ))}
          </ul>
        </article>
      )}
    </Load>
  );
}
