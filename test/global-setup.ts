// One PostgreSQL cluster for the whole test run (test/pg-server.ts), handed to the tests as
// `inject('pgUrl')`; null when no PostgreSQL binaries exist, and the server tests skip saying so.
import type { TestProject } from 'vitest/node';
import { findPgBin, startPgServer, type PgServer } from './pg-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgUrl: string | null;
  }
}

let server: PgServer | null = null;

export async function setup(project: TestProject): Promise<void> {
  const bin = findPgBin();
  server = bin ? await startPgServer(bin) : null;
  project.provide('pgUrl', server?.url ?? null);
}

export function teardown(): void {
  server?.stop();
  server = null;
}
