// The sources to watch: URLs given on the command line or listed in a file (one per line, `#`
// starts a comment), each an http(s) URL, written once however often it is listed.

/** The URLs a list file names, in order. */
export function parseSourceList(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/(^|\s)#.*$/, '').trim())
    .filter((line) => line !== '');
}

export interface CheckedSources {
  /** Normalised URLs (as the URL parser writes them), first occurrence kept. */
  sources: string[];
  errors: { item: string; message: string }[];
}

export function checkSources(raw: readonly string[]): CheckedSources {
  const out: CheckedSources = { sources: [], errors: [] };
  for (const item of raw) {
    let url: URL;
    try {
      url = new URL(item);
    } catch {
      out.errors.push({ item, message: 'not a URL; sources are http(s) URLs of feeds or pages' });
      continue;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') out.errors.push({ item, message: `unsupported scheme '${url.protocol}' (only http and https are watched)` });
    else if (!out.sources.includes(url.href)) out.sources.push(url.href);
  }
  return out;
}
