import { describe, expect, it } from 'vitest';
import { nestsDeeperThan } from './json-depth.ts';

describe('nestsDeeperThan', () => {
  it.each([
    ['{}', 1, false],
    ['{"a":[1,{"b":[]}]}', 3, true],
    ['{"a":[1,{"b":[]}]}', 4, false],
    ['["[[[[", "{{{{"]', 1, false], // brackets inside strings are text
    ['["\\"[[[[", 1]', 1, false], // an escaped quote does not end the string
    ['["\\\\", [[1]]]', 2, true], // an escaped backslash does
  ])('%s deeper than %i: %s', (text, max, expected) => expect(nestsDeeperThan(text, max)).toBe(expected));
});
