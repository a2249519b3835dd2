import { describe, expect, it } from 'vitest';
import { isTrafficAllowed, normalizeAllowedSources, trafficSourceOf } from './traffic-source.ts';

describe('trafficSourceOf', () => {
  it.each([
    [undefined, 'direct', null],
    ['', 'direct', null],
    ['not a url', 'direct', null],
    ['https://l.instagram.com/?u=x', 'instagram', 'l.instagram.com'],
    ['https://www.instagram.com/', 'instagram', 'instagram.com'],
    ['https://lm.facebook.com/l.php', 'facebook', 'lm.facebook.com'],
    ['https://m.youtube.com/watch?v=1', 'youtube', 'm.youtube.com'],
    ['https://t.co/abc', 'x', 't.co'],
    ['https://www.tiktok.com/@sita', 'tiktok', 'tiktok.com'],
    ['https://www.google.com.np/', 'search', 'google.com.np'],
    ['https://sita.blog/post/1', 'website', 'sita.blog'],
    ['https://notinstagram.com/', 'website', 'notinstagram.com'],
  ])('%j → %s', (referrer, source, host) => {
    expect(trafficSourceOf(referrer)).toEqual({ source, host });
  });
});

describe('isTrafficAllowed', () => {
  const ig = trafficSourceOf('https://l.instagram.com/');
  const blog = trafficSourceOf('https://news.sita.blog/post');
  it.each([
    ['anything when the campaign names no sources', [], ig, true],
    ['a listed network', ['instagram'], ig, true],
    ['an unlisted network', ['tiktok'], ig, false],
    ['a listed domain and its subdomains', ['sita.blog'], blog, true],
    ['a website not listed', ['instagram', 'other.blog'], blog, false],
    ['websites in general when listed', ['website'], blog, true],
    ['a click without referrer', ['instagram'], trafficSourceOf(undefined), true],
  ])('%s → %s', (_what, allowed, traffic, expected) => {
    expect(isTrafficAllowed(allowed, traffic)).toBe(expected);
  });

  it('normalises campaign entries', () => {
    expect(normalizeAllowedSources([' Instagram ', 'https://www.Sita.blog/about', ''])).toEqual(['instagram', 'sita.blog']);
  });
});
