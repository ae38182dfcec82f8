// A link to an author's profile page whose text is that author's name: '<a href="/author/ana-b-ruiz/">
// Ana B. Ruiz</a>', '/user/Ruiz7.html', '/in/anaruiz'. The address must spell the
// same name as the link text, so menu entries ('/author/' -> 'Our authors') and avatars do not count.
import { squash } from './candidates.js';
import { type PageIndex, shortText } from './page-index.js';

/** Path words that introduce a person's profile on news sites, blogs and forums. */
const PROFILE_PATH = /\/(?:authors?|autor(?:en|in)?|auteurs?|autore|profiles?|profil|users?|members?|mitglieder|people|staff|journalists?|redakteure?|in|u)\/([^/?#]+)\/?(?:[?#].*)?$/i;


/** A cheap pre-test of PROFILE_PATH. */
const PROFILE_HINT = /\/(?:auth|autor|auteur|profil|user|member|mitglied|people|staff|journalist|redakteur|in\/|u\/)/i;

/** Menus hold links to featured profiles (a featured member, the member list), not the byline. */
const MENU = /(?:^|[-_])(?:menu|nav|navbar|navigation|dropdown|megamenu)(?:[-_]|$)/i;

export function inMenu(el: Element): boolean {
  for (let e: Element | null = el; e && e.tagName !== 'BODY'; e = e.parentElement) {
    if (e.tagName === 'NAV') return true;
    const tokens = `${e.getAttribute('class') ?? ''} ${e.getAttribute('id') ?? ''}`.split(/\s+/);
    if (tokens.some((t) => MENU.test(t))) return true;
  }
  return false;
}

/** The profile slug of an address, with a file extension and a trailing numeric id removed. */
export function profileSlug(href: string): string | null {
  let path = href;
  try {
    path = decodeURIComponent(href);
  } catch {
    // Keep the raw address: a stray '%' is no reason to drop the link.
  }
  const m = PROFILE_PATH.exec(path);
  if (!m?.[1]) return null;
  return m[1].replace(/\.(?:html?|php|aspx?)$/i, '').replace(/[.-]\d+$/, '');
}

/** Whether a link's text names the person its profile address spells. */
export function linkNamesProfile(text: string, href: string): boolean {
  const slug = profileSlug(href);
  const k = squash(text);
  return !!slug && k.length >= 3 && squash(slug) === k;
}

/** A profile address by number ('/members/4711') whose link holds the user's avatar, titled
 * with the same name as the link's text. */
function avatarNamesProfile(a: Element, text: string, href: string): boolean {
  if (!/^\d+$/.test(profileSlug(href) ?? '')) return false;
  const img = a.querySelector('img');
  return !!img && [img.getAttribute('alt'), img.getAttribute('title')].some((v) => v?.trim() === text);
}

/** The text of the first profile link in `scope` that `accept` takes, in document order. */
export function profileLinkName(scope: Element, index: PageIndex, accept: (el: Element, text: string) => boolean): string | null {
  const span = index.span.get(scope);
  if (!span) return null;
  for (let i = span[0] + 1; i < span[1]; i++) {
    const a = index.order[i]!;
    if (a.tagName !== 'A') continue;
    const href = a.getAttribute('href');
    // The address first: most links are no profile, and reading their text is the costly part.
    if (!href || !PROFILE_HINT.test(href)) continue;
    const t = shortText(index, a, 60);
    if (t && (linkNamesProfile(t, href) || avatarNamesProfile(a, t, href)) && !inMenu(a) && accept(a, t)) return t;
  }
  return null;
}
