// Fetching pages and feeds over http(s) with the limits a crawler of untrusted input needs:
// timeouts, a size cap, bounded redirects, decompression, and a guard that refuses private,
// loopback and link-local addresses (checked on the address actually connected to, so DNS tricks
// cannot route around it) unless the caller allows them.
import http from 'node:http';
import https from 'node:https';
import dns from 'node:dns';
import net from 'node:net';
import zlib from 'node:zlib';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';

export interface FetchOptions {
  /** Whole-request time limit in milliseconds. */
  timeoutMs?: number;
  /** Largest body accepted, in bytes (after decompression). */
  maxBytes?: number;
  maxRedirects?: number;
  /** Allow private, loopback and link-local addresses (tests, intranets). */
  allowPrivate?: boolean;
  /** Private addresses or CIDR ranges allowed anyway (one intranet host), all others still refused. */
  allowAddresses?: readonly string[];
  userAgent?: string;
  /** Extra request headers (a watcher's If-None-Match and If-Modified-Since). */
  headers?: Readonly<Record<string, string>>;
  /**
   * Wraps each request, redirect hops included, so a caller can hold it back (per-host politeness)
   * knowing the URL that is really about to be asked for.
   */
  schedule?: <T>(url: URL, request: () => Promise<T>) => Promise<T>;
}

export interface FetchResult {
  url: string;
  finalUrl: string;
  status: number;
  contentType: string | null;
  body: Buffer;
  /** The final response's headers (ETag, Last-Modified...). */
  headers: http.IncomingHttpHeaders;
  fetchedAt: string;
}

export class FetchError extends Error {
  constructor(
    readonly url: string,
    message: string,
    /** The HTTP status of a refused request, and its Retry-After header, for a caller that backs off. */
    readonly http?: { status: number; retryAfter?: string },
  ) {
    super(message);
    this.name = 'FetchError';
  }
}

export const DEFAULT_FETCH: Required<FetchOptions> = {
  timeoutMs: 20_000,
  maxBytes: 10 * 1024 * 1024,
  maxRedirects: 5,
  allowPrivate: false,
  allowAddresses: [],
  userAgent: 'Dossier/0.1 (+news analysis; respects robots by operator choice)',
  headers: {},
  schedule: (_url, request) => request(),
};

/**
 * The IPv4 address an IPv6 address carries, for every embedding that routes to that IPv4 host:
 * mapped (::ffff:a.b.c.d), translated (::ffff:0:a.b.c.d), compatible (::a.b.c.d), NAT64
 * (64:ff9b::/96 and the local-use 64:ff9b:1::/48) and 6to4 (2002:AABB:CCDD::/16).
 */
function embeddedIPv4(v6: ipaddr.IPv6): ipaddr.IPv4 | undefined {
  const p = v6.parts;
  const v4 = (hi: number, lo: number) => new ipaddr.IPv4([hi >> 8, hi & 0xff, lo >> 8, lo & 0xff]);
  const range = v6.range();
  if (range === 'ipv4Mapped' || range === 'rfc6145' || range === 'rfc6052') return v4(p[6] ?? 0, p[7] ?? 0);
  if (range === '6to4') return v4(p[1] ?? 0, p[2] ?? 0);
  const compatible = p.slice(0, 6).every((x) => x === 0) && ((p[6] ?? 0) !== 0 || (p[7] ?? 0) > 1);
  return compatible ? v4(p[6] ?? 0, p[7] ?? 0) : undefined;
}

/** Parses an address in any spelling Node or a resolver might hand us (brackets, zone ids, trailing dots). */
function parseAddress(address: string): ipaddr.IPv4 | ipaddr.IPv6 | undefined {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '').replace(/\.+$/, '');
  return ipaddr.isValid(bare) ? ipaddr.parse(bare) : undefined;
}

/**
 * True for addresses no public web page should resolve to: anything the address library does not
 * class as ordinary unicast (private, loopback, link-local, unique-local, multicast, broadcast,
 * unspecified, carrier-grade NAT, documentation, benchmarking, reserved, Teredo...), and any IPv6
 * address that embeds such an IPv4 address. Text that is not an address counts as private.
 */
export function isPrivateAddress(address: string): boolean {
  const parsed = parseAddress(address);
  if (!parsed) return true;
  if (parsed.kind() === 'ipv6') {
    const inner = embeddedIPv4(parsed as ipaddr.IPv6);
    if (inner) return inner.range() !== 'unicast';
  }
  return parsed.range() !== 'unicast';
}

/** True when the address falls in one of the caller's explicitly allowed CIDR ranges. */
function isAllowedAddress(address: string, allowed: readonly string[]): boolean {
  const parsed = parseAddress(address);
  if (!parsed || allowed.length === 0) return false;
  const addr = parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress() ? (parsed as ipaddr.IPv6).toIPv4Address() : parsed;
  return allowed.some((cidr) => {
    const [range, bits] = cidr.includes('/') ? ipaddr.parseCIDR(cidr) : [ipaddr.parse(cidr), ipaddr.parse(cidr).kind() === 'ipv4' ? 32 : 128];
    return range.kind() === addr.kind() && addr.match(range, bits);
  });
}

/** The refusal message for an address, or undefined when the options let it through. */
function refusal(host: string, address: string, o: Required<FetchOptions>): string | undefined {
  if (o.allowPrivate || !isPrivateAddress(address) || isAllowedAddress(address, o.allowAddresses)) return undefined;
  const what = parseAddress(host) ? `${host} is a private address` : `${host} resolves to private address ${address}`;
  return `refused: ${what} (allow with --allow-private)`;
}

function refusedError(message: string): NodeJS.ErrnoException {
  const e = new Error(message) as NodeJS.ErrnoException;
  e.code = 'EPRIVATE';
  return e;
}

// The lookup the connection itself uses, so the address checked is the one connected to (a second
// resolution could answer differently). Every address is checked, since happy-eyeballs may try any.
function guardedLookup(o: Required<FetchOptions>): LookupFunction {
  return (hostname, options, callback) => {
    // A trailing dot names the same host (localhost. is localhost); resolvers differ on it.
    dns.lookup(hostname.replace(/\.+$/, '') || hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '', 4);
      const list = addresses as dns.LookupAddress[];
      for (const x of list) {
        const why = refusal(hostname, x.address, o);
        if (why) return callback(refusedError(why), '', 4);
      }
      if (options.all) return callback(null, list);
      const first = list[0];
      if (!first) return callback(new Error(`no address for ${hostname}`), '', 4);
      callback(null, first.address, first.family);
    });
  };
}

function decompress(body: Buffer, encoding: string | undefined): Buffer {
  switch ((encoding ?? '').trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return zlib.gunzipSync(body);
    case 'deflate':
      return zlib.inflateSync(body);
    case 'br':
      return zlib.brotliDecompressSync(body);
    default:
      return body;
  }
}

function requestOnce(url: URL, o: Required<FetchOptions>, deadline: number): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    // Node's lookup is skipped for an address written in the URL, so a literal is checked here;
    // the URL parser has already turned decimal, octal and hex IPv4 into dotted form.
    const host = url.hostname.replace(/^\[|\]$/g, '');
    const literal = net.isIP(host) ? refusal(url.hostname, host, o) : undefined;
    if (literal) {
      reject(new FetchError(url.href, literal));
      return;
    }
    const lib = url.protocol === 'https:' ? https : http;
    const remaining = Math.max(1, deadline - Date.now());
    const req = lib.get(
      url,
      {
        // A fresh agent per request: a pooled socket opened under other options is never reused.
        agent: new lib.Agent({ keepAlive: false, lookup: guardedLookup(o) }),
        headers: { 'user-agent': o.userAgent, 'accept-encoding': 'gzip, deflate, br', accept: 'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.8', ...o.headers },
        timeout: remaining,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          size += c.length;
          if (size > o.maxBytes) {
            req.destroy(new FetchError(url.href, `too large: more than ${o.maxBytes} bytes`));
            return;
          }
          chunks.push(c);
        });
        res.on('end', () => {
          try {
            const body = decompress(Buffer.concat(chunks), res.headers['content-encoding']);
            if (body.length > o.maxBytes) throw new FetchError(url.href, `too large: more than ${o.maxBytes} bytes`);
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
          } catch (e) {
            reject(e);
          }
        });
        res.on('error', reject);
      },
    );
    const timer = setTimeout(() => req.destroy(new FetchError(url.href, `timed out after ${o.timeoutMs} ms`)), remaining);
    req.on('close', () => clearTimeout(timer));
    req.on('timeout', () => req.destroy(new FetchError(url.href, `timed out after ${o.timeoutMs} ms`)));
    // Last line of defence: the peer's address once connected, whatever route led there.
    req.on('socket', (socket) =>
      socket.once('connect', () => {
        const why = refusal(url.hostname, socket.remoteAddress ?? '', o);
        if (why) req.destroy(new FetchError(url.href, why));
      }),
    );
    req.on('error', (e) => reject(e));
  });
}

/** GET a URL, following redirects, each hop checked by the same guard. */
export async function fetchUrl(rawUrl: string, options: FetchOptions = {}): Promise<FetchResult> {
  const o = { ...DEFAULT_FETCH, ...options };
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    throw new FetchError(rawUrl, 'not a valid URL');
  }
  const deadline = Date.now() + o.timeoutMs;
  for (let hop = 0; ; hop++) {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new FetchError(rawUrl, `unsupported protocol ${url.protocol}`);
    let res;
    try {
      const target = url;
      res = await o.schedule(target, () => requestOnce(target, o, deadline));
    } catch (e) {
      if (e instanceof FetchError) throw new FetchError(rawUrl, e.message);
      const err = e as NodeJS.ErrnoException;
      throw new FetchError(rawUrl, err.code === 'EPRIVATE' ? err.message : `${err.code ?? 'error'}: ${err.message}`);
    }
    if (res.status >= 300 && res.status < 400 && res.headers.location) {
      if (hop >= o.maxRedirects) throw new FetchError(rawUrl, `too many redirects (more than ${o.maxRedirects})`);
      url = new URL(res.headers.location, url);
      continue;
    }
    if (res.status >= 400) {
      const retryAfter = res.headers['retry-after'];
      throw new FetchError(rawUrl, `HTTP ${res.status}`, { status: res.status, ...(retryAfter ? { retryAfter } : {}) });
    }
    const ct = res.headers['content-type'];
    return { url: rawUrl, finalUrl: url.href, status: res.status, contentType: typeof ct === 'string' ? ct : null, body: res.body, headers: res.headers, fetchedAt: new Date().toISOString() };
  }
}
