// Small shared pieces of the metadata rules: a candidate value with the rule that found it, text
// of an element, and the host-derived site name.

export interface Candidate {
  value: string;
  rule: string;
}

export function clean(s: string | null | undefined): string {
  return (s ?? '').replace(/[\s\u00a0\u200b]+/g, ' ').trim();
}

export function textOf(el: Element | null | undefined): string {
  return clean(el?.textContent);
}

/** `www.zeit.de` -> `zeit`: the registrable label of a host name, for comparisons with site names. */
export function hostLabel(url: string | null): string | null {
  if (!url) return null;
  try {
    const parts = new URL(url).hostname.replace(/^www\d?\./, '').split('.');
    if (parts.length >= 3 && /^(co|com|org|net|gov|ac)$/.test(parts[parts.length - 2]!)) return parts[parts.length - 3] ?? null;
    return parts.length >= 2 ? parts[parts.length - 2]! : parts[0] ?? null;
  } catch {
    return null;
  }
}

/** Letters and digits only, lower-cased: for loose equality between names. */
export function squash(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}
