#!/usr/bin/env node
// Entry point of the `dossier` command: runs the compiled CLI (built by `npm install` / `npm run build`).
// Each command loads only its own module (src/cli/main.ts), so a stream filter such as `dossier code`
// starts without the other commands' libraries.
import { main } from '../dist/cli/main.js';

main(process.argv).then(
  (code) => { process.exitCode = code; },
  (err) => { console.error(`dossier: ${err instanceof Error ? err.message : String(err)}`); process.exitCode = 2; },
);
