// Turns a machine-written date string (ISO 8601, RFC 822 as in RSS, a Unix timestamp) into a
// DateValue, keeping its precision and zone. Free-text dates in prose belong to the time layer.
import type { DateValue, Granularity } from '../doc/article.js';

const ISO = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?)?)?$/i;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
// RFC 822 / 2822: "Tue, 10 Jun 2003 04:00:00 GMT", "10 Jun 2003 04:00 +0200".
const RFC822 = /^(?:[a-z]{3},?\s+)?(\d{1,2})\s+([a-z]{3})[a-z]*\.?\s+(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*([a-z]{1,5}|[+-]\d{4})?$/i;
const ZONES: Record<string, string> = { gmt: 'Z', ut: 'Z', utc: 'Z', z: 'Z', est: '-05:00', edt: '-04:00', cst: '-06:00', cdt: '-05:00', mst: '-07:00', mdt: '-06:00', pst: '-08:00', pdt: '-07:00' };

function pad(n: number | string, w = 2): string {
  return String(n).padStart(w, '0');
}

function zone(raw: string | undefined): string | null {
  if (!raw) return null;
  const z = ZONES[raw.toLowerCase()];
  if (z) return z;
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(raw);
  if (!m) return null;
  return m[2] === '00' && m[3] === '00' ? 'Z' : `${m[1]}${m[2]}:${m[3]}`;
}

function valid(y: number, mo: number, d: number): boolean {
  return y >= 1800 && y <= 2200 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31;
}

function build(y: string, mo?: string, d?: string, h?: string, mi?: string, s?: string, z?: string | null): Omit<DateValue, 'rule'> | null {
  const Y = Number(y);
  if (!valid(Y, Number(mo ?? 1), Number(d ?? 1))) return null;
  if (!mo) return { value: y, granularity: 'year', timezone: null };
  if (!d) return { value: `${y}-${pad(mo)}`, granularity: 'month', timezone: null };
  const day = `${y}-${pad(mo)}-${pad(d)}`;
  if (h === undefined || mi === undefined) return { value: day, granularity: 'day', timezone: null };
  const g: Granularity = s !== undefined ? 'second' : 'minute';
  const time = `${pad(h)}:${pad(mi)}${s !== undefined ? `:${pad(s)}` : ''}`;
  return { value: `${day}T${time}${z ?? ''}`, granularity: g, timezone: z ?? null };
}

export function parseDateValue(raw: unknown, rule: string): DateValue | null {
  if (typeof raw === 'number' && Number.isFinite(raw)) {
    // Unix time in seconds or milliseconds.
    const ms = raw > 1e11 ? raw : raw * 1000;
    const d = new Date(ms);
    if (Number.isNaN(d.getTime())) return null;
    return { value: d.toISOString().replace(/\.\d{3}Z$/, 'Z'), granularity: 'second', timezone: 'Z', rule };
  }
  if (typeof raw !== 'string') return null;
  const s = raw.trim();
  if (/^\d{10}(\d{3})?$/.test(s)) return parseDateValue(Number(s), rule);
  let m = ISO.exec(s);
  if (m) {
    const v = build(m[1]!, m[2], m[3], m[4], m[5], m[6], zone(m[7]));
    return v ? { ...v, rule } : null;
  }
  m = RFC822.exec(s);
  if (m) {
    const mo = MONTHS.indexOf(m[2]!.toLowerCase().slice(0, 3)) + 1;
    if (mo === 0) return null;
    const v = build(m[3]!, String(mo), m[1], m[4], m[5], m[6], zone(m[7]));
    return v ? { ...v, rule } : null;
  }
  return null;
}
