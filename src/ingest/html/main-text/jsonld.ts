// The article body some pages publish in JSON-LD (`articleBody`): a fallback when the markup
// yields little text (script-rendered pages, bodies hidden behind a paywall wrapper).

function findBody(node: unknown, depth: number): string | null {
  if (depth > 6 || node === null || typeof node !== 'object') return null;
  if (Array.isArray(node)) {
    for (const item of node) {
      const found = findBody(item, depth + 1);
      if (found) return found;
    }
    return null;
  }
  const record = node as Record<string, unknown>;
  const body = record.articleBody ?? record.text;
  if (typeof body === 'string' && body.trim().length > 0 && (record.articleBody !== undefined || /Article|Posting/.test(String(record['@type'])))) {
    return body;
  }
  for (const value of Object.values(record)) {
    if (value && typeof value === 'object') {
      const found = findBody(value, depth + 1);
      if (found) return found;
    }
  }
  return null;
}

/** The longest `articleBody` among JSON-LD script texts, or null. */
export function jsonLdArticleBody(scripts: readonly string[]): string | null {
  let best: string | null = null;
  for (const raw of scripts) {
    if (!raw.includes('articleBody') && !raw.includes('"text"')) continue;
    try {
      const found = findBody(JSON.parse(raw) as unknown, 0);
      if (found && (!best || found.length > best.length)) best = found;
    } catch {
      // Malformed JSON-LD is common; it simply offers no body.
    }
  }
  return best;
}
