import { describe, expect, it } from 'vitest';
import { isUrlOnDomains, normalizeDomain } from './domains.ts';

describe('normalizeDomain', () => {
  it.each([
    ['shop.example.com', 'shop.example.com'],
    ['Shop.Example.COM', 'shop.example.com'],
    ['https://shop.example.com/path?q=1', 'shop.example.com'],
    ['example.com.', 'example.com'],
    ['example.com/', 'example.com'],
  ])('%s → %s', (input, expected) => expect(normalizeDomain(input)).toBe(expected));

  it.each(['localhost', 'example', '-bad.com', 'exa mple.com', '', 'http://'])('rejects %j', (input) => expect(normalizeDomain(input)).toBeNull());
});

describe('isUrlOnDomains', () => {
  const domains = ['merchant-store.com'];
  it.each([
    ['https://merchant-store.com/p/sku-100', true],
    ['https://www.merchant-store.com/p', true],
    ['https://a.b.merchant-store.com/', true],
    ['http://MERCHANT-STORE.com/', true],
    ['https://evil-merchant-store.com/', false],
    ['https://merchant-store.com.evil.com/', false],
    ['https://evil.com/?u=merchant-store.com', false],
    ['ftp://merchant-store.com/', false],
    ['not a url', false],
  ])('%s → %s', (url, expected) => expect(isUrlOnDomains(url, domains)).toBe(expected));
});
