// Event search with the CLI's filters; the same filters download CSV or the GDELT layout.
import { getJson, query, type Page, type StoredEvent } from '../api';
import { go, href } from '../router';
import { useApi } from '../use-api';
import { Load } from '../components/common';

const FIELDS = [
  ['actor', 'Actor (code or name)', 'text'],
  ['code', 'CAMEO code', 'text'],
  ['quad', 'Quad class (1–4)', 'number'],
  ['from', 'From', 'date'],
  ['to', 'To', 'date'],
  ['story', 'Story id', 'number'],
  ['modality', 'Modality', 'text'],
] as const;

export function EventsPage({ params }: { params: URLSearchParams }) {
  const filter = Object.fromEntries(FIELDS.map(([k]) => [k, params.get(k) ?? ''])) as Record<string, string>;
  const key = JSON.stringify(filter);
  const events = useApi(`events:${key}`, () => getJson<Page<StoredEvent>>('/api/events', { ...filter, limit: 200 }));
  const submit = (e: Event) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    go('events', Object.fromEntries(FIELDS.map(([k]) => [k, String(form.get(k) ?? '')])));
  };
  return (
    <section>
      <h1>Events</h1>
      <form class="filters" onSubmit={submit} role="search" aria-label="Filter events">
        {FIELDS.map(([k, label, type]) => (
          <label key={k}>
            {label} <input name={k} type={type as string as "text"} defaultValue={filter[k]} />
          </label>
        ))}
        <button type="submit">Search</button>
      </form>
      <p>
        Download: <a href={`/api/events?${query({ ...filter, format: 'csv' })}`}>CSV</a> · <a href={`/api/events?${query({ ...filter, format: 'gdelt' })}`}>GDELT layout</a>
      </p>
      <Load value={events}>
        {(p) => (
          <div class="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col">Source</th>
                  <th scope="col">CAMEO</th>
                  <th scope="col">Target</th>
                  <th scope="col">Modality</th>
                  <th scope="col">Sentence</th>
                </tr>
              </thead>
              <tbody>
                {p.items.map((e) => (
                  <tr key={e.id}>
                    <td>{e.date ? `${e.date}${e.dateResolved ? '' : ' (uncertain)'}` : 'unknown'}</td>
                    <td>{e.source ?? e.sourceText}</td>
                    <td>{e.cameo}</td>
                    <td>{e.target ?? e.targetText}</td>
                    <td>{e.modality}</td>
                    <td>
                      <a href={href(`articles/${e.articleId}`, { hl: e.sentence ?? undefined })}>{e.sentence ?? `article ${e.articleId}`}</a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {p.items.length === 0 && <p>No events match.</p>}
          </div>
        )}
      </Load>
    </section>
  );
}
