// Small pieces every page uses: loading and error states, dates, safe outbound links.
import type { ComponentChildren } from 'preact';
import type { Loaded } from '../use-api';

export function dateRange(start: string | null, end: string | null): string {
  if (!start && !end) return 'date unknown';
  if (!start || !end || start.slice(0, 10) === end.slice(0, 10)) return (start ?? `before ${end}`).slice(0, 10);
  return `${start.slice(0, 10)} – ${end.slice(0, 10)}`;
}

/** Renders `children(data)` once loaded; keeps the page's place (min-height) while loading. */
export function Load<T>({ value, children, minHeight = '12rem' }: { value: Loaded<T>; children: (data: T) => ComponentChildren; minHeight?: string }) {
  if (value.state === 'loading')
    return (
      <div class="loading" style={{ minHeight }} aria-busy="true">
        Loading…
      </div>
    );
  if (value.state === 'error')
    return (
      <p class="error" role="alert">
        {value.message}
      </p>
    );
  return <>{children(value.data)}</>;
}

/**
 * A link out only for http(s) addresses a source gave; any other scheme (javascript:, data:) is
 * shown as text. Opens in a new tab without telling the site where the reader came from.
 */
export function OutLink({ url, children }: { url: string | null; children?: ComponentChildren }) {
  if (!url) return null;
  let ok = false;
  try {
    const u = new URL(url);
    ok = u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    ok = false;
  }
  if (!ok) return <span class="url-text">{url}</span>;
  return (
    <a href={url} target="_blank" rel="noopener noreferrer nofollow" referrerpolicy="no-referrer">
      {children ?? url}
    </a>
  );
}

export function articleName(a: { title: string | null; lead?: string | null; outlet: string | null; externalId: string | null; id: number }): string {
  return a.title ?? a.lead ?? a.externalId ?? `article ${a.id}`;
}
