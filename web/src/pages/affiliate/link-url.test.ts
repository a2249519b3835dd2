import { describe, expect, it } from 'vitest';
import { previewLinkUrl, shortLinkOrigin, withSubIds } from './link-url.ts';

describe('short link with sub-ids', () => {
  it('adds the filled-in sub-ids in order, encoded, and leaves blank ones out', () => {
    expect(withSubIds('https://go.example/r/ABCDEFGH23', { sub3: 'reel 2', sub1: ' spring-sale ', sub2: '  ' })).toBe(
      'https://go.example/r/ABCDEFGH23?sub1=spring-sale&sub3=reel+2',
    );
    expect(withSubIds('https://go.example/r/ABCDEFGH23', {})).toBe('https://go.example/r/ABCDEFGH23');
    expect(withSubIds('https://go.example/r/X?a=1', { sub1: 'a&b' })).toBe('https://go.example/r/X?a=1&sub1=a%26b');
  });

  it('previews the address with a placeholder for the code, on the origin existing links use', () => {
    expect(previewLinkUrl('https://go.example', { sub1: 'tiktok' })).toBe('https://go.example/r/{code}?sub1=tiktok');
    expect(shortLinkOrigin('https://go.example/r/ABCDEFGH23', 'http://localhost:3000')).toBe('https://go.example');
    expect(shortLinkOrigin(undefined, 'http://localhost:3000')).toBe('http://localhost:3000');
    expect(shortLinkOrigin('not a url', 'http://localhost:3000')).toBe('http://localhost:3000');
  });
});
