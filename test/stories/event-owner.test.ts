// Whose event a word is, from the project's own parse of sentences we wrote.
import { describe, expect, it } from 'vitest';
import { hasOtherSubject, isArgumentOf } from '../../src/stories/event-owner.js';
import { tokensWithSyntax } from '../../src/syntax/index.js';
import { tokenize } from '../../src/text/index.js';

function parsed(sentence: string) {
  const tokens = tokensWithSyntax(tokenize(sentence));
  const at = (word: string) => tokens.findIndex((t) => t.text === word);
  return { tokens, at };
}

describe('event ownership from the parse', () => {
  it('gives a verb to its subject and its object, not to a name in another clause', () => {
    const { tokens, at } = parsed('The carrier said that Apple dropped the old phone.');
    const carrier = { start: at('carrier'), end: at('carrier') + 1 };
    const apple = { start: at('Apple'), end: at('Apple') + 1 };
    const phone = { start: at('phone'), end: at('phone') + 1 };
    expect(isArgumentOf(tokens, at('dropped'), apple.start, apple.end)).toBe(true);
    expect(isArgumentOf(tokens, at('dropped'), phone.start, phone.end)).toBe(true);
    expect(isArgumentOf(tokens, at('dropped'), carrier.start, carrier.end)).toBe(false);
    expect(hasOtherSubject(tokens, at('dropped'), [carrier])).toBe(true);
    expect(hasOtherSubject(tokens, at('dropped'), [apple])).toBe(false);
  });

  it('lets a conjoined verb share its subject, and a light verb give its noun to its subject', () => {
    const { tokens, at } = parsed('The band sued the label and demanded damages.');
    const band = { start: at('band'), end: at('band') + 1 };
    expect(isArgumentOf(tokens, at('demanded'), band.start, band.end)).toBe(true);
    const light = parsed('The minister gave a speech in the capital.');
    const minister = { start: light.at('minister'), end: light.at('minister') + 1 };
    expect(isArgumentOf(light.tokens, light.at('speech'), minister.start, minister.end)).toBe(true);
  });
});
