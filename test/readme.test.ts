// The README's commands run this checkout's own CLI (never `npx dossier`, which reinstalls the folder
// or fetches a registry package of the same name) and name commands the CLI has.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../src/paths.js';
import { buildProgram } from '../src/cli/main.js';

const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
const shellLines = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap((m) => m[1]!.split('\n'));

describe('README commands', () => {
  it('run the checkout’s CLI with node, never through npx', () => {
    expect(shellLines.filter((l) => /\bnpx\s+dossier\b/.test(l))).toEqual([]);
    expect(shellLines.filter((l) => l.includes('node bin/dossier.js')).length).toBeGreaterThan(10);
  });

  it('name only commands the CLI has', async () => {
    const known = new Set((await buildProgram()).commands.flatMap((c) => [c.name(), ...c.aliases()]));
    const used = shellLines.flatMap((l) => [...l.matchAll(/node bin\/dossier\.js\s+([a-z-]+)/g)].map((m) => m[1]!));
    expect(used.filter((c) => !known.has(c))).toEqual([]);
  });
});
