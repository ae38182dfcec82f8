// A user name that spells a person's name ('ana.ruiz') shown as the page writes that name
// elsewhere ('Ana Ruiz', often beside the user name in the page's JSON): the name a reader sees.
import { personLike } from './names.js';

/** Lower-case words joined by dots, underscores or hyphens: a login, not a display name. */
const HANDLE = /^[\p{Ll}]{2,}(?:[._-][\p{Ll}]{2,}){1,3}$/u;

export function isSpelledHandle(name: string): boolean {
  return HANDLE.test(name);
}

/** The capitalised spelling of a handle's words found in the page's markup, or null. */
export function displayNameFor(handle: string, markup: () => string): string | null {
  if (!isSpelledHandle(handle)) return null;
  const words = handle.split(/[._-]/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const re = new RegExp(`(?<![\\p{L}])${words.join('\\s+')}(?![\\p{L}])`, 'giu');
  for (const m of markup().matchAll(re)) if (personLike(m[0])) return m[0].replace(/\s+/g, ' ');
  return null;
}

/** A one-word user name in lower case ('ana') as the page's title writes it ('... - Ana Ruiz -
 * Kitchen Notes'): the capitalised word, or null. */
export function titleSpelling(handle: string, title: string): string | null {
  if (!/^\p{Ll}{3,}$/u.test(handle)) return null;
  const m = new RegExp(`(?<![\\p{L}])${handle}(?![\\p{L}])`, 'iu').exec(title);
  return m && m[0] !== handle && /^\p{Lu}\p{Ll}/u.test(m[0]) ? m[0] : null;
}
