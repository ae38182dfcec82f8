// Bytes -> text as a browser would: byte-order marks, declared charsets, UTF-8 validity, detection,
// the windows-1252 fallback, and refusal of binary content. Fixtures are bytes written here.
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { BinaryContentError, decodeBytes, maybeGunzip } from '../../src/ingest/decode.js';

const ascii = (s: string) => Uint8Array.from(Buffer.from(s, 'latin1'));
const concat = (...parts: Uint8Array[]) => Uint8Array.from(Buffer.concat(parts.map((p) => Buffer.from(p))));

describe('decodeBytes', () => {
  it('reads windows-1252 curly quotes and accents when nothing is declared', () => {
    // “Café” in windows-1252: 0x93 C a f 0xE9 0x94 — not valid UTF-8.
    const bytes = concat(ascii('<html><body><p>'), Uint8Array.from([0x93, 0x43, 0x61, 0x66, 0xe9, 0x94]), ascii('</p></body></html>'));
    const d = decodeBytes(bytes);
    expect(d.text).toContain('“Café”');
    expect(['windows-1252', 'iso-8859-1', 'iso-8859-2', 'windows-1250']).toContain(d.encoding);
  });

  it('follows a <meta charset> declaring ISO-8859-1 (read as windows-1252, as browsers do)', () => {
    const bytes = concat(ascii('<html><head><meta charset="ISO-8859-1"><title>M'), Uint8Array.from([0xfc]), ascii('nchen</title></head></html>'));
    const d = decodeBytes(bytes);
    expect(d.rule).toBe('meta');
    expect(d.encoding).toBe('windows-1252');
    expect(d.text).toContain('<title>München</title>');
  });

  it('follows an http-equiv Content-Type declaration', () => {
    const bytes = concat(ascii('<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-2"><p>'), Uint8Array.from([0xb3, 0xf3, 0x64, 0xbc]), ascii('</p>'));
    const d = decodeBytes(bytes);
    expect(d.rule).toBe('meta');
    expect(d.text).toContain('łódź');
  });

  it('lets the Content-Type header win over the page declaration', () => {
    const bytes = concat(ascii('<meta charset="utf-8"><p>'), Uint8Array.from([0xe9]), ascii('t'), Uint8Array.from([0xe9]), ascii('</p>'));
    const d = decodeBytes(bytes, { contentType: 'text/html; charset=windows-1252' });
    expect(d.rule).toBe('header');
    expect(d.text).toContain('été');
  });

  it('decodes UTF-16LE with a byte-order mark', () => {
    const body = Buffer.from('<p>Grüße aus Köln</p>', 'utf16le');
    const d = decodeBytes(concat(Uint8Array.from([0xff, 0xfe]), body));
    expect(d).toMatchObject({ encoding: 'utf-16le', rule: 'bom' });
    expect(d.text).toBe('<p>Grüße aus Köln</p>');
  });

  it('decodes UTF-16BE with a byte-order mark and UTF-16LE without one', () => {
    const be = Buffer.from('<p>Ça va</p>', 'utf16le').swap16();
    expect(decodeBytes(concat(Uint8Array.from([0xfe, 0xff]), be)).text).toBe('<p>Ça va</p>');
    const noBom = decodeBytes(Buffer.from('<html><p>plain</p></html>', 'utf16le'));
    expect(noBom).toMatchObject({ encoding: 'utf-16le', rule: 'utf16-pattern' });
    expect(noBom.text).toBe('<html><p>plain</p></html>');
  });

  it('strips a UTF-8 byte-order mark', () => {
    const d = decodeBytes(concat(Uint8Array.from([0xef, 0xbb, 0xbf]), Buffer.from('<p>naïve</p>')));
    expect(d).toMatchObject({ text: '<p>naïve</p>', encoding: 'utf-8', rule: 'bom' });
  });

  it('accepts valid undeclared UTF-8', () => {
    const d = decodeBytes(Buffer.from('<p>Zürich – “quoted”</p>'));
    expect(d).toMatchObject({ text: '<p>Zürich – “quoted”</p>', rule: 'utf8-valid' });
  });

  it('never crashes on invalid UTF-8 declared as UTF-8: bad bytes become replacement characters', () => {
    const bytes = concat(ascii('<meta charset="utf-8"><p>ok '), Uint8Array.from([0xc3, 0x28, 0xff]), ascii(' ok</p>'));
    const d = decodeBytes(bytes);
    expect(d.text).toContain('ok');
    expect(d.text).toContain('\ufffd');
  });

  it('rejects images and archives with BinaryContentError', () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expect(() => decodeBytes(png)).toThrow(BinaryContentError);
    expect(() => decodeBytes(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toThrow(/zip/);
    expect(() => decodeBytes(Uint8Array.from([0x41, 0x42, 0x00, 0x43, 0x44, 0x45, 0x00, 0x01, 0x02]))).toThrow(BinaryContentError);
  });

  it('refuses raw gzip but reads it once inflated with maybeGunzip', () => {
    const gz = gzipSync(Buffer.from('<html><p>compressed page</p></html>'));
    expect(() => decodeBytes(gz)).toThrow(BinaryContentError);
    expect(decodeBytes(maybeGunzip(gz)).text).toBe('<html><p>compressed page</p></html>');
    const plain = Buffer.from('<p>not compressed</p>');
    expect(maybeGunzip(plain).toString()).toBe('<p>not compressed</p>');
  });
});
