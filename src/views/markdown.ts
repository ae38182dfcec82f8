// Markdown that carries untrusted text (titles, outlets, quotes, URLs from fetched pages) inertly:
// text is escaped so neither Markdown nor the HTML a renderer passes through can act on it, and only
// http(s) URLs ever become links. The report's HTML is rendered from these same lines by
// `markdownInlineToHtml`, which understands exactly the constructs written here.

// The ASCII punctuation Markdown (CommonMark, GFM tables and strikethrough) acts on inside a line,
// and the HTML-significant marks (a backslash-escaped `<` or `&` is literal text in CommonMark).
// Parentheses and '!' act only after brackets, which are escaped; '#' only at a line's start.
const INLINE_SPECIAL = /[\\`*_[\]<>&|~]/g;

/** Text for one line of Markdown: newlines and control characters folded to spaces, specials escaped. */
export function mdText(s: string): string {
  const flat = s.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ');
  // A line-leading list, quote or heading marker would restructure the line it starts.
  return flat.replace(INLINE_SPECIAL, '\\$&').replace(/^(\s*)([-+=>#]|\d+[.)])/, '$1\\$2');
}

/** The URL when it is an absolute http(s) URL, normalised and with nothing Markdown could misread; else null. */
export function safeHttpUrl(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  // The URL serialiser percent-encodes spaces, quotes and angle brackets; parentheses would end a link.
  return u.href.replace(/\(/g, '%28').replace(/\)/g, '%29');
}

/** A Markdown link to an http(s) URL showing the URL itself, or the escaped text when it is not one. */
export function mdUrl(raw: string | null | undefined): string {
  const url = safeHttpUrl(raw);
  return url ? `[${mdText(url)}](${url})` : mdText(raw ?? '');
}

function escHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

// Our own constructs, in the order tried: a backslash escape, bold, a link (text, then target), an anchor.
const INLINE_TOKEN = /\\([!-/:-@[-`{-~])|\*\*|\[((?:\\.|[^\]\\])*)\]\(([^)\s]*)\)|<a id="([\w-]+)"><\/a>/g;

/** HTML for one line of Markdown written with `mdText`, `mdUrl`, `**bold**`, links and anchors. */
export function markdownInlineToHtml(md: string): string {
  let out = '';
  let last = 0;
  let bold = false;
  for (const m of md.matchAll(INLINE_TOKEN)) {
    out += escHtml(md.slice(last, m.index));
    last = m.index + m[0].length;
    if (m[1] !== undefined) out += escHtml(m[1]);
    else if (m[0] === '**') {
      out += bold ? '</strong>' : '<strong>';
      bold = !bold;
    } else if (m[2] !== undefined) {
      const target = m[3] ?? '';
      const href = target.startsWith('#') ? (/^#[\w-]+$/.test(target) ? target : null) : safeHttpUrl(target);
      const text = markdownInlineToHtml(m[2]);
      out += href ? `<a href="${escHtml(href)}">${text}</a>` : text;
    } else out += `<a id="${escHtml(m[4] ?? '')}"></a>`;
  }
  out += escHtml(md.slice(last));
  return bold ? `${out}</strong>` : out;
}

/** The cells of a Markdown table row, split on unescaped pipes only. */
export function tableCells(line: string): string[] {
  const cells: string[] = [];
  let cur = '';
  for (let i = 1; i < line.length; i++) {
    const ch = line[i]!;
    if (ch === '\\' && i + 1 < line.length) {
      cur += ch + line[++i]!;
    } else if (ch === '|') {
      cells.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  return cells;
}
