// Ingest: upload files or give URLs and feeds; the job's progress streams in (server-sent events).
import { useEffect, useState } from 'preact/hooks';
import { getJson, type Job } from '../api';
import { href } from '../router';

export function IngestPage() {
  const [job, setJob] = useState<Job | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!job || job.state === 'done' || job.state === 'failed') return;
    const source = new EventSource(`/api/jobs/${job.id}/events`);
    source.addEventListener('progress', (e) => {
      const j = JSON.parse((e as MessageEvent<string>).data) as Job;
      setJob(j);
      if (j.state === 'done' || j.state === 'failed') source.close();
    });
    source.onerror = () => source.close();
    return () => source.close();
  }, [job?.id]);

  const start = async (body: FormData | string) => {
    setError(null);
    try {
      const isForm = typeof body !== 'string';
      setJob(await getJson<Job>(isForm ? '/api/ingest/files' : '/api/ingest/urls', {}, { method: 'POST', body, headers: isForm ? {} : { 'content-type': 'application/json' } }));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  const upload = (e: Event) => {
    e.preventDefault();
    void start(new FormData(e.currentTarget as HTMLFormElement));
  };
  const fetchUrls = (e: Event) => {
    e.preventDefault();
    const text = String(new FormData(e.currentTarget as HTMLFormElement).get('urls') ?? '');
    void start(JSON.stringify({ urls: text.split(/\s+/).filter(Boolean) }));
  };

  const busy = job !== null && job.state !== 'done' && job.state !== 'failed';
  return (
    <section>
      <h1>Ingest</h1>
      <form onSubmit={upload} class="ingest-form">
        <label>
          Files (HTML, text, JSON lines) <input name="files" type="file" multiple required />
        </label>
        <button type="submit" disabled={busy}>
          Upload and analyse
        </button>
      </form>
      <form onSubmit={fetchUrls} class="ingest-form">
        <label>
          Pages or feeds, one URL a line <textarea name="urls" rows={4} required />
        </label>
        <button type="submit" disabled={busy}>
          Fetch and analyse
        </button>
      </form>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <div class="job" aria-live="polite">
        {job && (
          <>
            <p>
              Job {job.state}: {job.phase} — {job.done}/{job.total} read, {job.stored} new, {job.duplicates} duplicate, {job.failed} failed
            </p>
            <progress max={Math.max(1, job.total)} value={job.done} />
            {job.errors.length > 0 && (
              <ul>
                {job.errors.map((x, i) => (
                  <li key={i}>
                    {x.item}: {x.message}
                  </li>
                ))}
              </ul>
            )}
            {job.error && <p class="error">{job.error}</p>}
            {job.state === 'done' && (
              <p>
                Done. <a href={href('stories')}>See the stories</a>
                {job.articleIds.map((id) => (
                  <span key={id}>
                    {' '}
                    · <a href={href(`articles/${id}`)}>article {id}</a>
                  </span>
                ))}
              </p>
            )}
          </>
        )}
      </div>
    </section>
  );
}
