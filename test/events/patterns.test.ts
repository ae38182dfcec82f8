// Every pattern's own example sentence must code to the pattern's code.
import { describe, expect, it } from 'vitest';
import { codeEvents } from '../../src/events/coder.js';
import { cameoInfo } from '../../src/events/cameo.js';
import { parsePattern, patternFiles } from '../../src/events/patterns.js';

const files = patternFiles();

describe('event patterns', () => {
  it('are loaded and well formed', () => {
    expect(files.length).toBeGreaterThanOrEqual(15);
    for (const f of files) for (const p of f.patterns) {
      expect(() => parsePattern(p.p)).not.toThrow();
      expect(cameoInfo(p.code), p.code).not.toBeNull();
      expect(p.example.length).toBeGreaterThan(10);
    }
  });
  for (const f of files) {
    for (const p of f.patterns) {
      // Codes without a PLOVER category (public statements, 01) are recognised but never emitted.
      if (!cameoInfo(p.code)?.plover) continue;
      it(`${p.code} '${p.p}': ${p.example}`, () => {
        const codes = codeEvents({ id: 'x', text: p.example }).map((e) => e.cameo);
        expect(codes).toContain(p.code);
      });
    }
  }
});
