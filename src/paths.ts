// Where the project's own files and the shared reference data live, wherever the code runs from
// (compiled `dist/` or `src/` under the test runner).
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRepoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the project root (no package.json above the code)');
    dir = parent;
  }
  return dir;
}

export const repoRoot = findRepoRoot();

/** `../shared` beside the repository, or `DOSSIER_SHARED` when set. */
export function sharedDir(): string {
  return process.env.DOSSIER_SHARED ? resolve(process.env.DOSSIER_SHARED) : resolve(repoRoot, '..', 'shared');
}

export function benchDir(name: string): string {
  return join(sharedDir(), 'bench', name);
}

export function seedsDir(): string {
  return join(sharedDir(), 'corpus', 'seeds');
}

export function modelsDir(): string {
  return join(repoRoot, 'models');
}
