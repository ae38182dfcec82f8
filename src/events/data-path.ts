// Data files live beside the source; the compiled build (dist/) reads them from src/ too.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

export function dataFile(...parts: string[]): string {
  const local = join(here, ...parts);
  if (existsSync(local)) return local;
  return join(here, '..', '..', 'src', 'events', ...parts);
}
