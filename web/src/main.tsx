// The web UI: a header with the sections, and the page the address names.
import { render } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { useRoute, href } from './router';
import { StoryListPage } from './pages/story-list';
import { StoryPage } from './pages/story';
import { ArticlePage } from './pages/article';
import { EntityPage, EntityListPage } from './pages/entity';
import { EventsPage } from './pages/events';
import { SearchPage } from './pages/search';
import { IngestPage } from './pages/ingest';
import './style.css';

const SECTIONS = [
  ['stories', 'Stories'],
  ['entities', 'Entities'],
  ['events', 'Events'],
  ['search', 'Search'],
  ['ingest', 'Ingest'],
] as const;

function Page() {
  const { parts, params } = useRoute();
  const [section = 'stories', id] = parts;
  const n = id !== undefined && /^\d+$/.test(id) ? Number(id) : null;
  if (section === 'stories' && n !== null) return <StoryPage id={n} />;
  if (section === 'articles' && n !== null) return <ArticlePage id={n} highlight={params.get('hl')} />;
  if (section === 'entities' && n !== null) return <EntityPage id={n} />;
  if (section === 'entities') return <EntityListPage />;
  if (section === 'events') return <EventsPage params={params} />;
  if (section === 'search') return <SearchPage q={params.get('q') ?? ''} />;
  if (section === 'ingest') return <IngestPage />;
  return <StoryListPage params={params} />;
}

function App() {
  const route = useRoute();
  const main = useRef<HTMLElement>(null);
  // A new page moves keyboard focus to its content, as a page load would.
  useEffect(() => main.current?.focus({ preventScroll: true }), [route.parts.join('/')]);
  const section = route.parts[0] ?? 'stories';
  return (
    <>
      <header class="top">
        <a class="brand" href={href('stories')}>
          Dossier
        </a>
        <nav aria-label="Sections">
          {SECTIONS.map(([path, label]) => (
            <a key={path} href={href(path)} aria-current={section === path ? 'page' : undefined}>
              {label}
            </a>
          ))}
        </nav>
      </header>
      <main id="main" tabIndex={-1} ref={main}>
        <Page />
      </main>
    </>
  );
}

render(<App />, document.getElementById('app')!);
