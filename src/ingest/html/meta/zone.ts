// The page's local time zone, guessed from its country (address TLD, then the language region,
// then a language spoken in one zone only). Many CMSs write timestamps in UTC (a 'Z' suffix);
// the day a reader of the page saw is the local one, so a UTC stamp is restated in the page's zone.
import type { DateValue } from '../../../doc/article.js';

/** Standard offsets in minutes; `eu` zones follow European summer time. */
export interface Zone {
  offset: number;
  eu: boolean;
}

const EU_ZONES: Record<string, number> = {
  // Western European time.
  uk: 0, gb: 0, ie: 0, pt: 0,
  // Central European time.
  de: 60, at: 60, ch: 60, li: 60, fr: 60, it: 60, es: 60, nl: 60, be: 60, lu: 60, pl: 60, cz: 60, sk: 60, hu: 60,
  dk: 60, se: 60, no: 60, si: 60, hr: 60, rs: 60, ba: 60, me: 60, mk: 60, al: 60, mt: 60, sm: 60, va: 60, mc: 60,
  // Eastern European time.
  fi: 120, ee: 120, lv: 120, lt: 120, gr: 120, ro: 120, bg: 120, ua: 120, cy: 120,
};

/** Countries in one zone without summer time (the populous zone where a country has several). */
const OTHER_ZONES: Record<string, number> = {
  ar: -180, br: -180, uy: -180, cl: -240, bo: -240, ve: -240, py: -240, co: -300, pe: -300, ec: -300, pa: -300,
  mx: -360, gt: -360, cr: -360, sv: -360, hn: -360, ni: -360, cu: -300, do: -240, pr: -240,
  in: 330, pk: 300, bd: 360, th: 420, vn: 420, id: 420, my: 480, sg: 480, ph: 480, cn: 480, hk: 480, tw: 480,
  jp: 540, kr: 540, tr: 180, ru: 180, by: 180, il: 120, eg: 120, za: 120, ng: 60, ke: 180,
};

/** Languages spoken (on the web) almost only in one zone group. */
const LANGUAGE_COUNTRY: Record<string, string> = {
  de: 'de', fr: 'fr', it: 'it', nl: 'nl', pl: 'pl', cs: 'cz', sk: 'sk', hu: 'hu', da: 'dk', sv: 'se', nb: 'no', no: 'no',
  fi: 'fi', et: 'ee', lv: 'lv', lt: 'lt', el: 'gr', ro: 'ro', bg: 'bg', uk: 'ua', ja: 'jp', ko: 'kr', tr: 'tr',
};

/** Country codes sold as generic names ('.co', '.me', '.tv'): they say nothing of the site's country. */
const GENERIC_TLDS = new Set(['co', 'me', 'tv', 'fm', 'ai', 'io', 'ly', 'to', 'cc', 'ws', 'la', 'am', 'gg', 'sh', 'ac', 'so']);

function zoneOfCountry(code: string | null | undefined): Zone | null {
  if (!code) return null;
  const c = code.toLowerCase();
  if (c in EU_ZONES) return { offset: EU_ZONES[c]!, eu: true };
  if (c in OTHER_ZONES) return { offset: OTHER_ZONES[c]!, eu: false };
  return null;
}

/** The page's zone from its address, its language region, then its language; null when unknown. */
export function pageZone(url: string | null, language: string | null, region: string | null): Zone | null {
  let tld: string | null = null;
  try {
    tld = url ? new URL(url).hostname.split('.').pop() ?? null : null;
  } catch {
    tld = null;
  }
  if (tld && GENERIC_TLDS.has(tld)) tld = null;
  return zoneOfCountry(tld) ?? zoneOfCountry(region) ?? (language ? zoneOfCountry(LANGUAGE_COUNTRY[language]) : null);
}

/** Last Sunday of a month at 01:00 UTC, when European summer time starts or ends. */
function lastSundayUtc(year: number, month: number): number {
  const last = new Date(Date.UTC(year, month + 1, 0, 1));
  return last.getTime() - last.getUTCDay() * 86_400_000;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** A UTC timestamp restated in the page's zone; other values (own zone, no zone, day only) unchanged. */
export function toPageZone<T extends Pick<DateValue, 'value' | 'granularity' | 'timezone'>>(d: T, zone: Zone | null): T {
  if (!zone || d.timezone !== 'Z' || !/^(?:hour|minute|second)$/.test(d.granularity)) return d;
  const instant = Date.parse(d.value);
  if (!Number.isFinite(instant)) return d;
  const year = new Date(instant).getUTCFullYear();
  const summer = zone.eu && instant >= lastSundayUtc(year, 2) && instant < lastSundayUtc(year, 9);
  const offset = zone.offset + (summer ? 60 : 0);
  if (offset === 0) return d;
  const local = new Date(instant + offset * 60_000);
  const sign = offset < 0 ? '-' : '+';
  const tz = `${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
  const clock = `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}${d.granularity === 'second' ? `:${pad(local.getUTCSeconds())}` : ''}`;
  const value = `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}T${clock}${tz}`;
  return { ...d, value, timezone: tz };
}
