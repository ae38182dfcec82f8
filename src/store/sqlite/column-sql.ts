// The column maps (src/store/columns.ts) as SQLite: the columns a table must have, and one insert
// per record. Tables were first created by migrations; a field added to a map since gets its column
// here when a store opens, so the map stays the one place a record's columns are written.
import type Database from 'better-sqlite3';
import { columnNames, type Column, type ColumnKind, type ColumnMap } from '../columns.js';

const SQL_TYPE: Record<ColumnKind, string> = {
  text: 'TEXT',
  int: 'INTEGER',
  real: 'REAL',
  bool: 'INTEGER NOT NULL DEFAULT 0',
  json: 'TEXT',
};

/** Adds the columns of `map` that `table` lacks. */
export function ensureColumns<T>(db: Database.Database, table: string, map: ColumnMap<T>): void {
  const have = new Set((db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name));
  for (const c of Object.values<Column>(map)) if (!have.has(c.name)) db.exec(`ALTER TABLE ${table} ADD COLUMN "${c.name}" ${SQL_TYPE[c.kind]}`);
}

/** `INSERT INTO table(extra…, map's columns…) VALUES (?, …)`: run with the extra values, then `recordValues`. */
export function insertSql<T>(table: string, map: ColumnMap<T>, extra: readonly string[] = []): string {
  const cols = [...extra, ...columnNames(map)];
  return `INSERT INTO ${table}(${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`;
}
