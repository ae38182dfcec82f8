// Starts the server on a host and port; resolves once it listens, with its URL and a close().
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createApp, type AppOptions } from './app.js';

export interface ServeOptions extends AppOptions {
  host: string;
  /** 0 picks a free port. */
  port: number;
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** Loopback names: anything else reaches other machines and needs a token. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

export function startServer(o: ServeOptions): Promise<RunningServer> {
  if (!isLoopback(o.host) && !o.token) {
    return Promise.reject(new Error(`listening on ${o.host} reaches other machines: give a token (--token or DOSSIER_TOKEN)`));
  }
  const { app } = createApp(o);
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: o.host, port: o.port }, (info: AddressInfo) => {
      const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${host}:${info.port}`,
        close: () => new Promise<void>((done) => {
          server.close(() => done());
          // Open event streams would hold the close forever.
          (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
        }),
      });
    });
    server.once('error', reject);
  });
}
