// The watch loop: polls every due source (at most `concurrency` at once, one request at a time per
// host), then hands each source's new items to the sink, one source at a time; backs a failing
// source off on its own while the others go on; stops between sources when its signal aborts
// (what was not handed on keeps its old state, so the next run asks for it again).
import ms from 'ms';
import pLimit from 'p-limit';
import pluralize from 'pluralize';
import { FetchError, type FetchOptions } from '../ingest/fetch.js';
import { quiet, type PipelineListener } from '../pipeline/events.js';
import { backoffDelay, retryAfterMs, type BackoffPolicy } from './backoff.js';
import type { Clock } from './clock.js';
import { splitFeedItems } from './feed-items.js';
import { politeFetch, type HostGate } from './politeness.js';
import { pollSource, type PollResult } from './poll.js';
import type { WatchInput, WatchSink } from './sink.js';
import { loadSourceState, rememberSeen, saveSourceState, type SourceState, type WatchStateStore } from './source-state.js';

export interface WatchOptions {
  /** Time between two polls of a source that answered. */
  everyMs: number;
  backoff: BackoffPolicy;
  /** Sources polled at once (on different hosts: the gate lets one request at a time to a host). */
  concurrency: number;
  /** A sink failing an item this many times in a row gives it up (reported, never offered again). */
  maxItemAttempts: number;
  /** Fetch limits and the private-address guard's settings, for the watcher's own polls. */
  fetch: FetchOptions;
  gate: HostGate;
  clock: Clock;
  /** Random numbers in [0, 1) for the backoff's jitter. */
  random: () => number;
  onEvent?: PipelineListener;
}

/** A source that answered with something new, waiting to be handed on. */
interface Changed {
  source: string;
  state: SourceState;
  polled: Exclude<PollResult, { kind: 'not-modified' }>;
}

/** What one round of polls did. */
export interface RoundSummary {
  polled: number;
  notModified: number;
  failed: number;
  /** Sources skipped because a server asked to wait or they are backing off. */
  waiting: number;
  submitted: number;
  /** Items reported and skipped, and items the sink failed. */
  itemErrors: number;
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export class Watcher {
  /** When each source is next due (epoch ms); a source not here is due now. */
  private readonly due = new Map<string, number>();
  private readonly onEvent: PipelineListener;

  constructor(
    private readonly store: WatchStateStore,
    private readonly sink: WatchSink,
    private readonly sources: readonly string[],
    private readonly o: WatchOptions,
  ) {
    this.onEvent = o.onEvent ?? quiet;
  }

  /** Polls every source once, except those a server asked to wait or that are backing off. */
  async pollOnce(signal?: AbortSignal): Promise<RoundSummary> {
    const now = this.o.clock.now();
    const states = new Map<string, SourceState>();
    for (const s of this.sources) states.set(s, await loadSourceState(this.store, s));
    const ready = this.sources.filter((s) => (states.get(s)!.retryAt ?? 0) <= now);
    for (const s of this.sources) if (!ready.includes(s)) this.due.set(s, states.get(s)!.retryAt!);
    return this.round(ready, signal, this.sources.length - ready.length);
  }

  /** Polls each source when it is due until `signal` aborts; the first round polls all that may be. */
  async run(signal: AbortSignal): Promise<void> {
    await this.pollOnce(signal);
    while (!signal.aborted && this.sources.length > 0) {
      const next = Math.min(...this.sources.map((s) => this.due.get(s) ?? 0));
      await this.o.clock.sleep(next - this.o.clock.now(), signal);
      if (signal.aborted) break;
      const now = this.o.clock.now();
      await this.round(
        this.sources.filter((s) => (this.due.get(s) ?? 0) <= now),
        signal,
      );
    }
  }

  private async round(sources: readonly string[], signal?: AbortSignal, waiting = 0): Promise<RoundSummary> {
    const summary: RoundSummary = { polled: 0, notModified: 0, failed: 0, waiting, submitted: 0, itemErrors: 0 };
    const limit = pLimit(Math.max(1, this.o.concurrency));
    const changed = await Promise.all(sources.map((s) => limit(() => (signal?.aborted ? null : this.poll(s, summary, signal)))));
    // Handed on only once every poll is back: the analysis holds the event loop, and a request in
    // flight meanwhile would run out its time limit.
    for (const c of changed) {
      if (!c || signal?.aborted) continue;
      try {
        await this.handOn(c, summary, signal);
      } catch (e) {
        summary.failed++;
        await this.failed(c.source, c.state, e);
      }
    }
    this.onEvent({
      kind: 'note',
      stage: 'watch',
      message: `watch: polled ${summary.polled} of ${pluralize('source', this.sources.length, true)}: ${summary.notModified} not modified, ${summary.failed} failed, ${pluralize('new item', summary.submitted, true)} submitted${summary.itemErrors ? `, ${pluralize('item error', summary.itemErrors, true)}` : ''}${summary.waiting ? `, ${summary.waiting} waiting to retry` : ''}`,
    });
    return summary;
  }

  /** One source's poll; what changed is returned for handing on. Never throws: a failure is reported. */
  private async poll(source: string, summary: RoundSummary, signal?: AbortSignal): Promise<Changed | null> {
    // A host that asked everyone to wait is come back to then, without holding a slot meanwhile.
    const held = this.o.gate.heldUntil(new URL(source));
    if (held > this.o.clock.now()) {
      this.due.set(source, held);
      summary.waiting++;
      return null;
    }
    let state: SourceState | undefined;
    try {
      state = await loadSourceState(this.store, source);
      const polled = await pollSource(source, state, politeFetch(this.o.fetch, this.o.gate, signal));
      if (signal?.aborted) return null;
      summary.polled++;
      const hadFailed = state.failures > 0;
      state.failures = 0;
      delete state.retryAt;
      this.due.set(source, this.o.clock.now() + this.o.everyMs);
      if (polled.kind !== 'not-modified') return { source, state, polled };
      summary.notModified++;
      // A 304 writes nothing, unless it ends a run of failures.
      if (hadFailed) await saveSourceState(this.store, source, state);
      return null;
    } catch (e) {
      if (signal?.aborted) return null;
      summary.polled++;
      summary.failed++;
      await this.failed(source, state, e);
      return null;
    }
  }

  /** The new items of a changed feed or page go to the sink; the state is kept once they are taken. */
  private async handOn({ source, state, polled }: Changed, summary: RoundSummary, signal?: AbortSignal): Promise<void> {
    let inputs: WatchInput[];
    let listed: Set<string>;
    if (polled.kind === 'page') {
      listed = new Set([source]);
      inputs = polled.validators.bodyHash === state.bodyHash ? [] : [{ url: polled.finalUrl, source, key: source }];
    } else {
      const split = splitFeedItems(source, polled.finalUrl, polled.items, new Set(state.seen));
      for (const b of split.broken) this.onEvent({ kind: 'error', stage: 'watch', item: b.label, message: `${b.message}; skipped` });
      summary.itemErrors += split.broken.length;
      state.seen = rememberSeen(state.seen, split.broken.map((b) => b.key), split.listed);
      inputs = split.fresh;
      listed = split.listed;
    }
    const result = inputs.length > 0 ? await this.submit(inputs) : { failed: [] };
    const failed = new Map(result.failed.map((f) => [f.url, f.message]));
    const taken: string[] = [];
    let retry = false;
    for (const input of inputs) {
      const why = failed.get(input.url);
      if (why === undefined) {
        summary.submitted++;
        taken.push(input.key);
        delete state.attempts[input.key];
        continue;
      }
      // An item cut short by a stop is no failure of its own: offered again, not counted.
      if (signal?.aborted) {
        retry = true;
        continue;
      }
      summary.itemErrors++;
      const tries = (state.attempts[input.key] ?? 0) + 1;
      if (tries >= this.o.maxItemAttempts) {
        this.onEvent({ kind: 'error', stage: 'watch', item: input.url, message: `${why}; given up after ${tries} tries` });
        taken.push(input.key);
        delete state.attempts[input.key];
      } else {
        this.onEvent({ kind: 'warning', stage: 'watch', item: input.url, message: `${why}; tried again at the next poll` });
        state.attempts[input.key] = tries;
        retry = true;
      }
    }
    state.seen = polled.kind === 'feed' ? rememberSeen(state.seen, taken, listed) : state.seen;
    // An item to try again needs the body again: without validators the next poll is a full GET.
    const v = retry ? {} : polled.validators;
    state.etag = v.etag;
    state.lastModified = v.lastModified;
    state.bodyHash = v.bodyHash;
    await saveSourceState(this.store, source, state);
  }

  /** The sink's answer; a batch it rejected counts as every input failed. */
  private async submit(inputs: WatchInput[]): Promise<{ failed: { url: string; message: string }[] }> {
    try {
      return await this.sink.submit(inputs);
    } catch (e) {
      return { failed: inputs.map((i) => ({ url: i.url, message: message(e) })) };
    }
  }

  /** A failed poll: report it and back the source off (longer after each failure, at least Retry-After). */
  private async failed(source: string, state: SourceState | undefined, e: unknown): Promise<void> {
    const now = this.o.clock.now();
    const s = state ?? { seen: [], attempts: {}, failures: 0 };
    s.failures++;
    let wait = backoffDelay(s.failures, this.o.backoff, this.o.random);
    const status = e instanceof FetchError ? e.http?.status : undefined;
    const asked = status === 429 || status === 503 ? retryAfterMs(e instanceof FetchError ? e.http?.retryAfter : undefined, now) : undefined;
    const obeyed = asked !== undefined && asked >= wait;
    if (asked !== undefined) {
      wait = Math.max(wait, asked);
      this.o.gate.holdUntil(new URL(source), now + asked);
    }
    s.retryAt = now + wait;
    this.due.set(source, s.retryAt);
    this.onEvent({ kind: 'error', stage: 'watch', item: source, message: `${message(e)}; next try in ${ms(wait, { long: true })}${obeyed ? ' (as the server asked)' : ''}` });
    try {
      await saveSourceState(this.store, source, s);
    } catch (err) {
      this.onEvent({ kind: 'error', stage: 'watch', item: source, message: `could not keep its state: ${message(err)}` });
    }
  }
}
