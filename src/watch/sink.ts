// Where the watcher hands what is new. The in-process sink (in-process-sink.ts) ingests, analyses
// and updates the stories at once; a sink over a job queue only enqueues, and workers do the rest.

/** One new thing to read: a feed item's page, or a page source that changed. */
export interface WatchInput {
  /** The http(s) URL to fetch and read. */
  url: string;
  /** The watched source it came from (a feed, or the page itself). */
  source: string;
  /** What the source knows it by (a feed item's guid, else its link; a page's URL). */
  key: string;
}

export interface SinkResult {
  /** The inputs that were not taken (by URL), and why; every other input was taken. */
  failed: { url: string; message: string }[];
}

export interface WatchSink {
  /**
   * Takes a batch of new inputs and resolves once each is either taken durably (stored, or
   * enqueued) or listed as failed; the watcher remembers the taken ones and offers the failed ones
   * again on a later poll. Resolves rather than rejects for a bad input; a rejection fails the batch.
   */
  submit(inputs: readonly WatchInput[]): Promise<SinkResult>;
}
