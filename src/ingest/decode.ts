// Bytes -> text as a browser would decode them: byte-order mark, then the charset the HTTP header
// declares, then the page's own <meta> declaration, then valid UTF-8, then statistical detection,
// with windows-1252 (what browsers assume for unlabeled legacy pages) as the last resort.
import { gunzipSync } from 'node:zlib';
import jschardet from 'jschardet';
import iconv from 'iconv-lite';

export class BinaryContentError extends Error {
  constructor(what: string) {
    super(`binary content (${what}), not text`);
    this.name = 'BinaryContentError';
  }
}

export interface Decoded {
  text: string;
  encoding: string;
  /** How the encoding was chosen: bom, header, meta, utf8-valid, detected, fallback. */
  rule: string;
}

const MAGIC: [number[], string][] = [
  [[0x89, 0x50, 0x4e, 0x47], 'PNG image'],
  [[0xff, 0xd8, 0xff], 'JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'GIF image'],
  [[0x25, 0x50, 0x44, 0x46], 'PDF document'],
  [[0x50, 0x4b, 0x03, 0x04], 'zip archive'],
  [[0x7f, 0x45, 0x4c, 0x46], 'executable'],
  [[0x52, 0x49, 0x46, 0x46], 'RIFF media'],
  [[0x00, 0x00, 0x01, 0x00], 'icon'],
  [[0x1f, 0x8b], 'gzip data (inflate it with maybeGunzip first)'],
  [[0x42, 0x5a, 0x68], 'bzip2 data'],
  [[0x37, 0x7a, 0xbc, 0xaf], '7z archive'],
  [[0x4f, 0x67, 0x67, 0x53], 'Ogg media'],
  [[0x1a, 0x45, 0xdf, 0xa3], 'Matroska/WebM media'],
  [[0x49, 0x44, 0x33], 'MP3 audio'],
  [[0x77, 0x4f, 0x46, 0x46], 'WOFF font'],
];

function startsWith(b: Uint8Array, sig: number[]): boolean {
  return sig.every((x, i) => b[i] === x);
}

/** Inflates gzip data (a `.gz` page or dump); other bytes pass through. */
export function maybeGunzip(bytes: Uint8Array): Buffer {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return b[0] === 0x1f && b[1] === 0x8b ? gunzipSync(b) : b;
}

/** Normalises a label to one TextDecoder knows ('latin1' -> 'windows-1252', as browsers do). */
function label(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const l = raw.trim().toLowerCase().replace(/^["']|["']$/g, '');
  if (!l) return null;
  if (['latin1', 'iso-8859-1', 'iso8859-1', 'ascii', 'us-ascii', 'l1'].includes(l)) return 'windows-1252';
  if (l === 'utf8') return 'utf-8';
  try {
    new TextDecoder(l);
    return l;
  } catch {
    return iconv.encodingExists(l) ? l : null;
  }
}

/** UTF-8 and UTF-16 through TextDecoder; legacy code pages through iconv-lite, because Node 20's
 * TextDecoder reads windows-1252 as ISO-8859-1 (0x93 stays a control character, not a quote). */
function decodeWith(bytes: Uint8Array, encoding: string): string {
  if (!/^utf-?(8|16)/.test(encoding) && iconv.encodingExists(encoding)) return iconv.decode(Buffer.from(bytes), encoding);
  try {
    return new TextDecoder(encoding).decode(bytes);
  } catch {
    return iconv.decode(Buffer.from(bytes), encoding);
  }
}

function charsetFromContentType(ct: string | null | undefined): string | null {
  const m = /charset\s*=\s*["']?([\w.:-]+)/i.exec(ct ?? '');
  return label(m?.[1]);
}

function charsetFromMeta(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const m =
    /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head) ??
    /<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)/i.exec(head);
  const l = label(m?.[1]);
  // A page that says UTF-16 in ASCII bytes cannot be UTF-16: browsers read it as UTF-8.
  return l && /^utf-16/.test(l) ? 'utf-8' : l;
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function looksBinary(bytes: Uint8Array): string | null {
  for (const [sig, what] of MAGIC) if (startsWith(bytes, sig)) return what;
  const n = Math.min(bytes.length, 1024);
  let nul = 0;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = bytes[i]!;
    if (c === 0) nul++;
    else if (c < 9 || (c > 13 && c < 32)) control++;
  }
  if (nul > 0 || control > n * 0.1) return 'control bytes';
  return null;
}

/** UTF-16 text without a byte-order mark: ASCII letters leave a NUL in every other byte. */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 512) & ~1;
  if (n < 8) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.8 && evenNul === 0) return 'utf-16le';
  if (evenNul > pairs * 0.8 && oddNul === 0) return 'utf-16be';
  return null;
}

export function decodeBytes(bytes: Uint8Array, opts: { contentType?: string | null; fileName?: string } = {}): Decoded {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { text: decodeWith(bytes.subarray(2), 'utf-16le'), encoding: 'utf-16le', rule: 'bom' };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { text: decodeWith(bytes.subarray(2), 'utf-16be'), encoding: 'utf-16be', rule: 'bom' };
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: decodeWith(bytes.subarray(3), 'utf-8'), encoding: 'utf-8', rule: 'bom' };
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return { text: decodeWith(bytes, utf16), encoding: utf16, rule: 'utf16-pattern' };
  const binary = looksBinary(bytes);
  if (binary) throw new BinaryContentError(binary);
  const header = charsetFromContentType(opts.contentType);
  if (header) return { text: decodeWith(bytes, header), encoding: header, rule: 'header' };
  const meta = charsetFromMeta(bytes);
  if (meta) return { text: decodeWith(bytes, meta), encoding: meta, rule: 'meta' };
  if (isValidUtf8(bytes)) return { text: decodeWith(bytes, 'utf-8'), encoding: 'utf-8', rule: 'utf8-valid' };
  const guess = jschardet.detect(Buffer.from(bytes.subarray(0, 65536)));
  const detected = guess.confidence >= 0.5 ? label(guess.encoding) : null;
  if (detected && detected !== 'utf-8') return { text: decodeWith(bytes, detected), encoding: detected, rule: 'detected' };
  return { text: decodeWith(bytes, 'windows-1252'), encoding: 'windows-1252', rule: 'fallback' };
}
