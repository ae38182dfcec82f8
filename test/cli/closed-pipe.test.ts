// A reader that stops early (`dossier extract … | head`) ends the command quietly, as Unix filters do.
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot, seedsDir } from '../../src/paths.js';

describe('a closed output pipe', () => {
  it('exits 0 with nothing on stderr when the reader closes after the first bytes', async () => {
    const child = spawn(process.execPath, [join(repoRoot, 'bin', 'dossier.js'), 'extract', seedsDir(), seedsDir(), seedsDir(), '--jsonl'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    // Read one chunk, then close our end of the pipe as `head -c` would.
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(err).not.toMatch(/EPIPE|Unhandled/);
    expect(code).toBe(0);
  });
});
