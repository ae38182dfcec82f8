// Cursor pagination: the cursor is an opaque token the client hands back, so the paging scheme
// (today a position in a stable order) can change without breaking clients.
import { HTTPException } from 'hono/http-exception';

export function decodeCursor(cursor: string | undefined): number {
  if (!cursor) return 0;
  const m = /^o:(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!m) throw new HTTPException(400, { message: `not a cursor: ${cursor}` });
  return Number(m[1]);
}

export function encodeCursor(offset: number): string {
  return Buffer.from(`o:${offset}`, 'utf8').toString('base64url');
}

/** One page of an in-memory list, with the cursor of the next. */
export function pageOf<T>(all: readonly T[], cursor: string | undefined, limit: number): { items: T[]; next: string | null } {
  const start = decodeCursor(cursor);
  const items = all.slice(start, start + limit);
  return { items, next: start + limit < all.length ? encodeCursor(start + limit) : null };
}

/** A page read with one extra row: there is a next page when the extra row came back. */
export function pageOfProbe<T>(rows: T[], start: number, limit: number): { items: T[]; next: string | null } {
  return { items: rows.slice(0, limit), next: rows.length > limit ? encodeCursor(start + limit) : null };
}
