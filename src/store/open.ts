// The store a spec names: a postgres:// (or postgresql://) URL opens the PostgreSQL store, anything
// else is a SQLite file (the default). Every command and the library open stores through here.
import type { Store } from './store.js';
import { openStore as openSqlite } from './sqlite/sqlite-store.js';

export function isServerSpec(spec: string): boolean {
  return /^postgres(ql)?:\/\//i.test(spec);
}

export async function openStoreAt(spec: string): Promise<Store> {
  if (isServerSpec(spec)) {
    // Loaded only when asked for: a SQLite user never loads the driver.
    const { PgStore } = await import('./postgres/pg-store.js');
    return PgStore.open(spec);
  }
  return openSqlite(spec);
}

/** The spec as it may be printed: a server URL without its password. */
export function printableSpec(spec: string): string {
  if (!isServerSpec(spec)) return spec;
  try {
    const u = new URL(spec);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}
