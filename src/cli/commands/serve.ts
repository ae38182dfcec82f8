// `dossier serve`: the HTTP API and the web UI over one store, until interrupted.
import type { Command } from 'commander';
import { dbOption } from '../common.js';
import { openStore } from '../../store/sqlite/sqlite-store.js';
import { isLoopback, startServer } from '../../server/serve.js';
import { DEFAULT_MAX_UPLOAD } from '../../server/app.js';

interface ServeCliOptions {
  db: string;
  port: number;
  host: string;
  token?: string;
  maxUpload: number;
  allowPrivate: boolean;
}

export function register(program: Command): void {
  program
    .command('serve')
    .description('open the store in a browser and over HTTP (API described at /openapi.json)')
    .addOption(dbOption())
    .option('--port <n>', 'port to listen on (0: any free one)', (v) => Number(v), 4747)
    .option('--host <address>', 'address to listen on; anything but loopback needs a token', '127.0.0.1')
    .option('--token <token>', 'required of every request (default: DOSSIER_TOKEN)')
    .option('--max-upload <bytes>', 'largest upload request', (v) => Number(v), DEFAULT_MAX_UPLOAD)
    .option('--allow-private', 'let URL ingest fetch from private, loopback and link-local addresses', false)
    .action(async (o: ServeCliOptions) => {
      const token = o.token ?? process.env.DOSSIER_TOKEN ?? null;
      if (!isLoopback(o.host) && !token) throw new Error(`--host ${o.host} reaches other machines: give --token or set DOSSIER_TOKEN`);
      const store = openStore(o.db);
      const server = await startServer({ store, host: o.host, port: o.port, token, maxUploadBytes: o.maxUpload, allowPrivate: o.allowPrivate });
      process.stderr.write(`dossier: serving ${o.db} at ${server.url}${token ? ' (token required)' : ''}\n`);
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await server.close();
      await store.close();
    });
}
