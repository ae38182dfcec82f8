#!/usr/bin/env node
// Entry point of the `dossier` command: runs the compiled CLI (built by `npm install` / `npm run build`).
import { main } from '../dist/cli/main.js';

main(process.argv).then(
  (code) => { process.exitCode = code; },
  (err) => { console.error(`dossier: ${err instanceof Error ? err.message : String(err)}`); process.exitCode = 2; },
);
