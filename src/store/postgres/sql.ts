// One connection's (or the pool's) queries, typed: rows, one row, a statement. node-postgres returns
// BIGINT and COUNT(*) as strings by default; here they come back as numbers (ids stay far below 2^53).
import pg from 'pg';

export interface Sql {
  rows<R = Record<string, unknown>>(text: string, params?: unknown[]): Promise<R[]>;
  one<R = Record<string, unknown>>(text: string, params?: unknown[]): Promise<R | undefined>;
  exec(text: string, params?: unknown[]): Promise<number>;
}

/** Type parsers of this store's connections only (the global ones stay as node-postgres has them). */
export const PG_TYPES = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === pg.types.builtins.INT8 && format !== 'binary') return (v: string) => Number(v);
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

export function sqlOver(client: pg.Pool | pg.PoolClient): Sql {
  return {
    async rows<R>(text: string, params: unknown[] = []) {
      return (await client.query(text, params)).rows as R[];
    },
    async one<R>(text: string, params: unknown[] = []) {
      return (await client.query(text, params)).rows[0] as R | undefined;
    },
    async exec(text: string, params: unknown[] = []) {
      return (await client.query(text, params)).rowCount ?? 0;
    },
  };
}
