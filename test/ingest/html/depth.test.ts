// The nesting cap: pages nested past what browsers build are flattened before parsing, in linear
// time, with all their text; ordinary pages pass untouched.
import { describe, expect, it } from 'vitest';
import { limitNesting, MAX_TREE_DEPTH, nestingDepth } from '../../../src/ingest/html/depth.js';
import { extractHtml } from '../../../src/ingest/html/index.js';

const nested = (levels: number, inner: string) => `${'<div>'.repeat(levels)}${inner}${'</div>'.repeat(levels)}`;

describe('nesting cap', () => {
  it('counts levels as a browser builds them: void and optional-end elements open none, comments and scripts hide tags', () => {
    expect(nestingDepth('<div><section><p>one<p>two<br><img src=x></section></div>')).toBe(2);
    expect(nestingDepth('<div><!-- <div><div> --><script>if (a<b) document.write("<div><div>")</script></div>')).toBe(2);
    expect(nestingDepth('<DIV><Span>x</span></DIV><div/>')).toBe(2);
  });

  it('leaves a page under the cap as it is', () => {
    const page = `<html><body>${nested(40, '<p>Body text.</p>')}</body></html>`;
    expect(limitNesting(page)).toBe(page);
  });

  it('takes out the tags below the cap and keeps every text in order', () => {
    const page = nested(5000, 'deep').replace('<div>'.repeat(10), `${'<div>'.repeat(5)}top${'<div>'.repeat(5)}`);
    const out = limitNesting(page, 100);
    expect(nestingDepth(out)).toBeLessThanOrEqual(100);
    expect(out.replace(/<[^>]+>/g, '')).toBe('topdeep');
  });

  it('extracts a hostile page of 50,000 unclosed divs instead of overflowing the stack', () => {
    const page = `<html><head><title>Deep</title></head><body>${'<div>'.repeat(50_000)}<p>The council approved the budget on Monday after a long debate.</p></body></html>`;
    const a = extractHtml(page, { kind: 'file', location: 'deep.html' });
    expect(a.text).toContain('The council approved the budget');
    expect(MAX_TREE_DEPTH).toBe(512);
  });
});
