// The private-address guard in every spelling of a private address: classified directly, refused
// when written in a URL, and refused when a local server's redirect points there. The test server
// listens on every interface, so a target the guard let through would be reached and counted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { fetchUrl, isPrivateAddress } from '../../src/ingest/fetch.js';

// Each spelling, as written by an attacker, of an address that must never be fetched.
const PRIVATE_SPELLINGS: Record<string, string> = {
  loopback: '127.0.0.1',
  'loopback, other host': '127.8.9.10',
  'private 10/8': '10.1.2.3',
  'private 172.16/12': '172.20.0.1',
  'private 192.168/16': '192.168.0.9',
  'link-local (metadata)': '169.254.169.254',
  'carrier-grade NAT': '100.64.0.1',
  'documentation 192.0.2/24': '192.0.2.10',
  'documentation 198.51.100/24': '198.51.100.7',
  'documentation 203.0.113/24': '203.0.113.5',
  benchmarking: '198.18.0.1',
  multicast: '224.0.0.251',
  broadcast: '255.255.255.255',
  'unspecified v4': '0.0.0.0',
  'unspecified v6': '::',
  'loopback v6': '::1',
  'link-local v6': 'fe80::1',
  'unique-local v6': 'fd00::2',
  'multicast v6': 'ff02::1',
  'documentation v6': '2001:db8::1',
  'IPv4-mapped, dotted': '::ffff:127.0.0.1',
  'IPv4-mapped, hex (metadata)': '::ffff:a9fe:a9fe',
  'IPv4-mapped, long form': '0:0:0:0:0:ffff:7f00:1',
  'IPv4-compatible, dotted': '::127.0.0.1',
  'IPv4-compatible, hex': '::a9fe:a9fe',
  'NAT64 of loopback': '64:ff9b::7f00:1',
  'NAT64 of metadata, dotted': '64:ff9b::169.254.169.254',
  '6to4 of loopback': '2002:7f00:1::',
  '6to4 of private 10/8': '2002:a01:203::1',
  'Teredo': '2001::1',
  'decimal IPv4': '2130706433',
  'octal IPv4': '0177.0.0.1',
  'hex IPv4': '0x7f.0.0.1',
  'trailing dot': '127.0.0.1.',
  'bracketed with zone': '[fe80::1%eth0]',
};

const PUBLIC = ['93.184.216.34', '8.8.8.8', '2606:4700::1111', '::ffff:8.8.8.8', '64:ff9b::808:808', '2002:808:808::1'];

// URL host spellings that reach this machine (the server below listens on every interface), other
// than the one address the redirect tests allow (127.0.0.1, the origin).
const URL_HOSTS = ['127.0.0.2', '[::ffff:127.0.0.2]', '[::ffff:7f00:2]', '[::127.0.0.2]', '[64:ff9b::7f00:2]', '[2002:7f00:2::]', '2130706434', '0177.0.0.2', '0x7f000002', '127.0.0.2.', '[::1]', '[::]', '0.0.0.0'];
// Names resolved by the lookup the connection uses; refused when nothing is allowed.
const NAMES = ['localhost', 'localhost.'];

let server: http.Server;
let port = 0;
let secretHits = 0;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/redirect') {
      res.writeHead(302, { location: `http://${url.searchParams.get('to') ?? ''}:${port}/secret` });
      res.end();
    } else if (url.pathname === '/secret') {
      secretHits++;
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('internal');
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '::', () => r()));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

// The origin server itself is allowed by exact address, as an intranet host would be: every other
// private address stays refused, however it is spelled.
const ORIGIN = { allowAddresses: ['127.0.0.1'], timeoutMs: 5000 };

describe('private-address guard', () => {
  it('classifies every spelling of a private address as private', () => {
    for (const [name, a] of Object.entries(PRIVATE_SPELLINGS)) expect(isPrivateAddress(a), `${name}: ${a}`).toBe(true);
    for (const a of PUBLIC) expect(isPrivateAddress(a), a).toBe(false);
    expect(isPrivateAddress('not an address')).toBe(true);
  });

  it('refuses each spelling written in the URL, without connecting', async () => {
    for (const host of [...URL_HOSTS, ...NAMES]) {
      await expect(fetchUrl(`http://${host}:${port}/secret`, { timeoutMs: 5000 }), host).rejects.toThrow(/private address/);
    }
    expect(secretHits).toBe(0);
  });

  it('refuses each spelling reached through a redirect from an allowed server', async () => {
    for (const host of URL_HOSTS) {
      await expect(fetchUrl(`http://127.0.0.1:${port}/redirect?to=${encodeURIComponent(host)}`, ORIGIN), host).rejects.toThrow(/private address/);
    }
    expect(secretHits).toBe(0);
  });

  it('would reach the target if the guard were off (the test can fail)', async () => {
    const res = await fetchUrl(`http://127.0.0.1:${port}/redirect?to=0x7f000002`, { allowPrivate: true, timeoutMs: 5000 });
    expect(res.body.toString()).toBe('internal');
    expect(res.finalUrl).toBe(`http://127.0.0.2:${port}/secret`);
    expect(secretHits).toBe(1);
  });

  it('lets an allowed address through but not its neighbours', async () => {
    const res = await fetchUrl(`http://127.0.0.1:${port}/secret`, ORIGIN);
    expect(res.status).toBe(200);
    await expect(fetchUrl(`http://127.0.0.2:${port}/secret`, ORIGIN)).rejects.toThrow(/private address/);
    secretHits = 0;
  });
});
