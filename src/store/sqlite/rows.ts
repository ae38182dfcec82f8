// Reading SQLite rows into typed records: nullable columns and JSON columns.

export type Row = Record<string, unknown>;

export function str(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}

export function num(v: unknown): number | null {
  return typeof v === 'number' ? v : null;
}

export function json<T>(text: unknown, fallback: T): T {
  if (typeof text !== 'string' || text === '') return fallback;
  return JSON.parse(text) as T;
}
