#!/usr/bin/env node
// Entry point of the `dossier` command: runs the compiled CLI (built by `npm install` / `npm run build`).
// `dossier code` is a stream filter timed with its start-up: it loads its own command alone.
const entry = process.argv[2] === 'code' ? '../dist/cli/code-main.js' : '../dist/cli/main.js';
const { main } = await import(entry);

main(process.argv).then(
  (code) => { process.exitCode = code; },
  (err) => { console.error(`dossier: ${err instanceof Error ? err.message : String(err)}`); process.exitCode = 2; },
);
