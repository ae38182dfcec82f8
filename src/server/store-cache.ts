// What the server derives from the store (story lists, story views) is kept until the store
// changes: SQLite's data_version moves when another process commits, and the server counts its
// own writes. Reads at 100k articles then cost one lookup instead of a rebuild per request.
import type { Store } from '../store/store.js';

interface WithDb {
  db: { pragma(source: string, options: { simple: true }): unknown };
}

function hasDb(store: Store): store is Store & WithDb {
  return typeof (store as Partial<WithDb>).db?.pragma === 'function';
}

export class StoreCache {
  private own = 0;
  private seen = '';
  private readonly values = new Map<string, unknown>();

  constructor(readonly store: Store) {}

  /** Changes whenever the store's content may have: another connection's commit or a write of ours. */
  version(): string {
    const external = hasDb(this.store) ? String(this.store.db.pragma('data_version', { simple: true })) : '0';
    return `${external}.${this.own}`;
  }

  /** Call after the server itself wrote to the store. */
  bump(): void {
    this.own++;
  }

  /** `compute()`'s value for `key`, computed once per store version. */
  async get<T>(key: string, compute: () => Promise<T> | T): Promise<T> {
    const v = this.version();
    if (v !== this.seen) {
      this.values.clear();
      this.seen = v;
    }
    if (this.values.has(key)) return this.values.get(key) as T;
    const value = await compute();
    // Bounded: a crawler walking every story must not grow the cache without end.
    if (this.values.size > 2000) this.values.clear();
    this.values.set(key, value);
    return value;
  }
}
