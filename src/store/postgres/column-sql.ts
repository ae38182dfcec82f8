// The column maps (src/store/columns.ts) as PostgreSQL: the columns a table must have and one
// insert per record, as src/store/sqlite/column-sql.ts makes them for SQLite. Values are the
// maps' own (booleans as 0/1, JSON as text), so one row reader serves both stores.
import { columnNames, type Column, type ColumnKind, type ColumnMap } from '../columns.js';
import type { Sql } from './sql.js';

const SQL_TYPE: Record<ColumnKind, string> = {
  text: 'TEXT COLLATE "C"',
  int: 'INTEGER',
  real: 'DOUBLE PRECISION',
  bool: 'INTEGER NOT NULL DEFAULT 0',
  json: 'TEXT COLLATE "C"',
};

/** Adds the columns of `map` that `table` lacks. */
export async function ensureColumns<T>(sql: Sql, table: string, map: ColumnMap<T>): Promise<void> {
  const have = new Set((await sql.rows<{ column_name: string }>('SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1', [table])).map((c) => c.column_name));
  for (const c of Object.values<Column>(map)) if (!have.has(c.name)) await sql.exec(`ALTER TABLE ${table} ADD COLUMN IF NOT EXISTS "${c.name}" ${SQL_TYPE[c.kind]}`);
}

/** `INSERT INTO table(extra…, map's columns…) VALUES ($1, …)`: run with the extra values, then `recordValues`. */
export function insertSql<T>(table: string, map: ColumnMap<T>, extra: readonly string[] = []): string {
  const cols = [...extra, ...columnNames(map)];
  return `INSERT INTO ${table}(${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map((_, i) => `$${i + 1}`).join(', ')})`;
}

/** Many records in one statement: `INSERT … VALUES (…), (…)`, with every value as a parameter. */
export function insertManySql<T>(table: string, map: ColumnMap<T>, extra: readonly string[], rows: number): string {
  const cols = [...extra, ...columnNames(map)];
  const tuples = Array.from({ length: rows }, (_, r) => `(${cols.map((_, i) => `$${r * cols.length + i + 1}`).join(', ')})`);
  return `INSERT INTO ${table}(${cols.map((c) => `"${c}"`).join(', ')}) VALUES ${tuples.join(', ')}`;
}
