import { describe, expect, it } from 'vitest';
import { isStorableText, toStorableText } from './storable-text.ts';

describe('storable text', () => {
  it.each([
    ['plain', true, 'plain'],
    ['emoji 😀 pair', true, 'emoji 😀 pair'],
    ['a\u0000b', false, 'ab'],
    ['\u0000\u0000', false, ''],
    ['lone high \uD83D end', false, 'lone high \uFFFD end'],
    ['lone low \uDE00', false, 'lone low \uFFFD'],
    ['\uDE00\uD83D', false, '\uFFFD\uFFFD'],
  ])('%j: storable %s, cleaned to %j', (value, storable, cleaned) => {
    expect(isStorableText(value)).toBe(storable);
    expect(toStorableText(value)).toBe(cleaned);
  });
});
