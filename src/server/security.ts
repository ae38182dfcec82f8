// Request guards: a token when the server listens beyond this machine, Host checks against DNS
// rebinding when it does not, and headers that keep the browser from running anything but our
// own bundled script.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';

/**
 * No inline script, no script or connection to any other origin, no plugins, no framing. Inline
 * styles stay allowed: the graph library positions its canvas through style attributes, and a
 * style cannot run code.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    // A route that serves a document of its own (a report) sets a stricter policy first.
    if (!c.res.headers.has('content-security-policy')) c.res.headers.set('content-security-policy', CONTENT_SECURITY_POLICY);
    c.res.headers.set('x-content-type-options', 'nosniff');
    c.res.headers.set('referrer-policy', 'no-referrer');
    c.res.headers.set('x-frame-options', 'DENY');
  };
}

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Constant-time comparison, so that the time to refuse tells nothing about the token. */
function sameToken(given: string | undefined, token: string): boolean {
  return given !== undefined && timingSafeEqual(digest(given), digest(token));
}

export const TOKEN_COOKIE = 'dossier_token';

/**
 * Every request carries the token: API clients as `Authorization: Bearer`, the browser as a
 * cookie set when the user first opens `/?token=...` (then redirected to the same page without it,
 * so the token leaves the address bar and the history).
 */
export function requireToken(token: string): MiddlewareHandler {
  return async (c, next) => {
    const bearer = /^Bearer\s+(.+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
    if (sameToken(bearer, token) || sameToken(getCookie(c, TOKEN_COOKIE), token)) return next();
    const url = new URL(c.req.url);
    const fromQuery = url.searchParams.get('token') ?? undefined;
    if (c.req.method === 'GET' && sameToken(fromQuery, token)) {
      setCookie(c, TOKEN_COOKIE, token, { httpOnly: true, sameSite: 'Strict', path: '/', secure: url.protocol === 'https:' });
      url.searchParams.delete('token');
      return c.redirect(`${url.pathname}${url.search}`, 303);
    }
    return c.json({ error: 'a token is required (Authorization: Bearer TOKEN, or open /?token=TOKEN once)', status: 401 }, 401);
  };
}

const LOOPBACK_HOST = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?$/i;

/**
 * Without a token the server trusts whoever reaches it, which is only this machine, unless a web
 * page rebinds its own name to 127.0.0.1: such requests carry that foreign name as Host.
 */
export function loopbackHostOnly(): MiddlewareHandler {
  return async (c, next) => {
    if (!LOOPBACK_HOST.test(c.req.header('host') ?? '')) return c.json({ error: 'this server answers only to localhost names', status: 403 }, 403);
    return next();
  };
}

/**
 * A browser posting from another site's page says so in Origin: such writes are refused (a page
 * on the web must not upload into a store on this machine). Clients that send no Origin (curl,
 * scripts) are not browsers acting for another site.
 */
export function sameOriginWrites(): MiddlewareHandler {
  return async (c, next) => {
    const origin = c.req.header('origin');
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && origin && origin !== new URL(c.req.url).origin) {
      return c.json({ error: `cross-site request from ${origin} refused`, status: 403 }, 403);
    }
    return next();
  };
}
