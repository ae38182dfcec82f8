// The outlet comparison as tables: what several outlets share, what only one has, and what
// conflicts (numbers, name spellings, quote wordings side by side, contradictions); then each
// outlet's loaded words, in its own voice and inside quotations.
import type { ArticleRef, Comparison } from '../api';
import { href } from '../router';
import { DiffWords } from './word-diff';

function outletName(articles: ArticleRef[], id: number): string {
  const a = articles.find((x) => x.id === id);
  return a?.outlet ?? a?.externalId ?? `article ${id}`;
}

export function ComparisonView({ c, articles, caption }: { c: Comparison; articles: ArticleRef[]; caption: string }) {
  const cols = c.articles;
  const only = cols.flatMap((a) => (c.only[String(a.articleId)] ?? []).map((f) => ({ ...f, articles: [a.articleId] })));
  const rows = [...c.shared.map((f) => ({ ...f, kind: 'shared' })), ...only.map((f) => ({ ...f, kind: 'only one' }))];
  const k = c.conflicts;
  return (
    <div class="comparison">
      <div class="table-scroll">
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">Fact</th>
              <th scope="col">Kind</th>
              {cols.map((a) => (
                <th scope="col" key={a.articleId}>
                  <a href={href(`articles/${a.articleId}`)}>{outletName(articles, a.articleId)}</a>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.kind}:${r.key}:${r.articles.join(',')}`}>
                <th scope="row">{r.what}</th>
                <td>{r.kind}</td>
                {cols.map((a) => (
                  <td key={a.articleId} class="tick-cell">
                    {r.articles.includes(a.articleId) ? '✓' : ''}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {k.numbers.length + k.nameVariants.length + k.quoteVariants.length + k.contradictions.length > 0 && (
        <div class="conflicts">
          <h4>Conflicting</h4>
          <ul>
            {k.numbers.map((n, i) => (
              <li key={`n${i}`}>
                {n.what}: {n.values.map((v) => `${v.text} (${outletName(articles, v.articleId)})`).join(' vs ')}
              </li>
            ))}
            {k.nameVariants.map((n, i) => (
              <li key={`v${i}`} class="name-variant">
                {n.entity} spelled{' '}
                {n.forms.map((f, j) => (
                  <span key={j}>
                    {j > 0 ? ', ' : ''}“<mark class="diff">{f.form}</mark>” ({f.articles.map((id) => outletName(articles, id)).join(', ')})
                  </span>
                ))}
              </li>
            ))}
            {k.contradictions.map((x, i) => (
              <li key={`x${i}`}>
                {x.what}: {x.sides.map((s) => `“${s.text}” (${outletName(articles, s.articleId)})`).join(' vs ')}
              </li>
            ))}
          </ul>
          {k.quoteVariants.map((q, i) => (
            <div key={`q${i}`} class="quote-variants">
              <p>{q.speaker ?? 'One speaker'} quoted as:</p>
              <div class="side-by-side">
                {q.wordings.map((w, j) => (
                  <blockquote key={j}>
                    <DiffWords text={w.text} other={q.wordings[j === 0 ? 1 : 0]?.text ?? ''} />
                    <footer>{outletName(articles, w.articleId)}</footer>
                  </blockquote>
                ))}
              </div>
            </div>
          ))}
        </div>
      )}
      {Object.keys(c.loadedTerms).length > 0 && (
        <div class="table-scroll">
          <table>
            <caption>Loaded words</caption>
            <thead>
              <tr>
                <th scope="col">Outlet</th>
                <th scope="col">In its own voice</th>
                <th scope="col">Inside quotations</th>
              </tr>
            </thead>
            <tbody>
              {Object.entries(c.loadedTerms).map(([id, t]) => (
                <tr key={id}>
                  <th scope="row">{outletName(articles, Number(id))}</th>
                  <td>{t.own.join(', ')}</td>
                  <td>{t.quoted.join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
