import { describe, expect, it } from 'vitest';
import { readSubIds } from './record-click.ts';

describe('readSubIds', () => {
  it.each([
    ['', {}],
    ['utm_source=ig', {}],
    ['sub1=reel-42&sub3=bio', { sub1: 'reel-42', sub3: 'bio' }],
    ['sub1=a%20b&sub1=second', { sub1: 'a b' }],
    ['sub2=&sub4=x', { sub4: 'x' }],
    ['sub6=no&subx=no&SUB1=no', {}],
    [`sub5=${'y'.repeat(150)}`, { sub5: 'y'.repeat(100) }],
  ])('%j → %j', (search, expected) => {
    expect(readSubIds(search)).toEqual(expected);
  });
});
