// A database of its own for each test on the run's PostgreSQL cluster (see test/global-setup.ts).
import { inject } from 'vitest';
import pg from 'pg';
import { PgStore } from '../src/store/postgres/pg-store.js';

/** The cluster's URL, or null (with the reason printed once) when PostgreSQL is not installed. */
export function pgUrl(): string | null {
  const url = inject('pgUrl');
  if (!url && !warned) {
    warned = true;
    process.stderr.write('PostgreSQL tests skipped: no PostgreSQL binaries (initdb, pg_ctl, postgres) on PATH or under /usr/lib/postgresql/*/bin\n');
  }
  return url;
}
let warned = false;

let made = 0;

/** A new empty database on the cluster; returns its URL. */
export async function freshDatabase(): Promise<string> {
  const url = pgUrl();
  if (!url) throw new Error('no PostgreSQL server for this test run');
  const name = `t_${process.pid}_${++made}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE template0`);
  } finally {
    await admin.end();
  }
  return url.replace(/\/[^/]*$/, `/${name}`);
}

/** A PostgreSQL store over a new database. */
export async function freshPgStore(): Promise<PgStore> {
  return PgStore.open(await freshDatabase());
}
