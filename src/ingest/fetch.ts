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

export interface FetchOptions {
  /** Whole-request time limit in milliseconds. */
  timeoutMs?: number;
  /** Largest body accepted, in bytes (after decompression). */
  maxBytes?: number;
  maxRedirects?: number;
  /** Allow private, loopback and link-local addresses (tests, intranets). */
  allowPrivate?: boolean;
  userAgent?: string;
}

export interface FetchResult {
  url: string;
  finalUrl: string;
  status: number;
  contentType: string | null;
  body: Buffer;
  fetchedAt: string;
}

export class FetchError extends Error {
  constructor(
    readonly url: string,
    message: string,
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
  userAgent: 'Dossier/0.1 (+news analysis; respects robots by operator choice)',
};

/** True for addresses no public web page should resolve to. */
export function isPrivateAddress(address: string): boolean {
  const v4 = net.isIPv4(address) ? address : /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (v4) {
    const [a = 0, b = 0] = v4.split('.').map(Number);
    return (
      a === 0 ||
      a === 10 ||
      a === 127 ||
      (a === 100 && b >= 64 && b <= 127) ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 198 && (b === 18 || b === 19)) ||
      a >= 224
    );
  }
  const s = address.toLowerCase();
  return s === '::' || s === '::1' || /^f[cd]/.test(s) || /^fe[89ab]/.test(s) || /^ff/.test(s);
}

function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '', 4);
      const list = addresses as dns.LookupAddress[];
      const bad = allowPrivate ? undefined : list.find((x) => isPrivateAddress(x.address));
      if (bad) {
        const e = new Error(`refused: ${hostname} resolves to private address ${bad.address} (allow with --allow-private)`) as NodeJS.ErrnoException;
        e.code = 'EPRIVATE';
        return callback(e, '', 4);
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
    if (!o.allowPrivate && net.isIP(url.hostname.replace(/^\[|\]$/g, '')) && isPrivateAddress(url.hostname.replace(/^\[|\]$/g, ''))) {
      reject(new FetchError(url.href, `refused: ${url.hostname} is a private address (allow with --allow-private)`));
      return;
    }
    const lib = url.protocol === 'https:' ? https : http;
    const remaining = Math.max(1, deadline - Date.now());
    const req = lib.get(
      url,
      {
        lookup: guardedLookup(o.allowPrivate),
        headers: { 'user-agent': o.userAgent, 'accept-encoding': 'gzip, deflate, br', accept: 'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.8' },
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
      res = await requestOnce(url, o, deadline);
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
    if (res.status >= 400) throw new FetchError(rawUrl, `HTTP ${res.status}`);
    const ct = res.headers['content-type'];
    return { url: rawUrl, finalUrl: url.href, status: res.status, contentType: typeof ct === 'string' ? ct : null, body: res.body, fetchedAt: new Date().toISOString() };
  }
}
