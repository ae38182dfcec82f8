// Per-host politeness: at most one request in flight to a host, and a least delay between the end
// of one request and the start of the next. A host is the URL's host and port, the unit robots.txt
// and servers' rate limits apply to. Written here because it must run on the watcher's injected
// clock; the rate limiters on npm run on real timers.
import type { FetchOptions } from '../ingest/fetch.js';
import type { Clock } from './clock.js';

/** Thrown to a request still waiting for its turn when the watcher is stopping. */
export class StoppedError extends Error {
  constructor() {
    super('stopped before the request was sent');
    this.name = 'StoppedError';
  }
}

interface HostTurn {
  /** Settles when the host's last queued request has finished. */
  tail: Promise<void>;
  /** The earliest time the next request may start. */
  readyAt: number;
  /** Until when the server asked every client to wait (Retry-After); 0 when it did not. */
  heldUntil: number;
}

export class HostGate {
  private readonly hosts = new Map<string, HostTurn>();

  constructor(
    private readonly minDelayMs: number,
    private readonly clock: Clock,
  ) {}

  private turn(url: URL): HostTurn {
    let h = this.hosts.get(url.host);
    if (!h) this.hosts.set(url.host, (h = { tail: Promise.resolve(), readyAt: 0, heldUntil: 0 }));
    return h;
  }

  /** Runs `request` once the host is free and its delay has passed. */
  run<T>(url: URL, request: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const h = this.turn(url);
    const result = h.tail.then(async () => {
      await this.clock.sleep(h.readyAt - this.clock.now(), signal);
      if (signal?.aborted) throw new StoppedError();
      try {
        return await request();
      } finally {
        h.readyAt = Math.max(h.readyAt, this.clock.now() + this.minDelayMs);
      }
    });
    h.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }

  /** Holds every request to the URL's host until `until` (a server that answered Retry-After). */
  holdUntil(url: URL, until: number): void {
    const h = this.turn(url);
    h.readyAt = Math.max(h.readyAt, until);
    h.heldUntil = Math.max(h.heldUntil, until);
  }

  /** Until when the URL's host asked to be left alone (0: it did not), so a caller can come back then. */
  heldUntil(url: URL): number {
    return this.hosts.get(url.host)?.heldUntil ?? 0;
  }
}

/** Fetch options whose every request, redirect hops included, waits its turn at the gate. */
export function politeFetch(fetch: FetchOptions, gate: HostGate, signal?: AbortSignal): FetchOptions {
  return { ...fetch, schedule: (url, request) => gate.run(url, request, signal) };
}
