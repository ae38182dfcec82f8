// Values a user can get wrong are usage errors that name the value: dates, formats, URL schemes.
import { afterAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { expandInputs } from '../../src/ingest/ingest.js';
import { dossier, tempDir } from '../helpers.js';

const t = tempDir('dossier-usage-');
afterAll(() => t.cleanup());

describe('usage errors', () => {
  it('rejects dates that are not dates, naming them', () => {
    const db = join(t.dir, 'none.db');
    for (const bad of ['notadate', '2021-02-30', '2021-13', '21-01-01']) {
      const r = dossier(['events', '--from', bad, '--db', db]);
      expect(r.code, bad).toBe(2);
      expect(r.err).toContain(`'${bad}'`);
    }
    expect(dossier(['events', '--to', 'yesterday', '--db', db]).err).toContain("'yesterday'");
  });

  it('says a URL of another scheme is not fetched, instead of looking for a file', async () => {
    const out = [];
    for await (const x of expandInputs(['ftp://example.com/a.html', 'file:///etc/passwd'])) out.push(x);
    expect(out).toEqual([
      { item: 'ftp://example.com/a.html', error: "unsupported scheme 'ftp:' (only http and https URLs are fetched)" },
      { item: 'file:///etc/passwd', error: "unsupported scheme 'file:' (only http and https URLs are fetched)" },
    ]);
  });
});
