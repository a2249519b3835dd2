import { describe, expect, it } from 'vitest';
import { redirectTemplate } from './redirect-target.ts';

const ID = 'clk_AAAAAAAAAAAAAAAAAAAAAA';
const withClick = (destination: string) => {
  const template = redirectTemplate(destination);
  return template ? template.withClickPrefix + ID + template.withClickSuffix : null;
};

describe('redirectTemplate', () => {
  it.each([
    ['https://shop.example.com/p/shawl', `https://shop.example.com/p/shawl?affiliate_click_id=${ID}`],
    ['https://shop.example.com', `https://shop.example.com/?affiliate_click_id=${ID}`],
    ['https://shop.example.com/p?color=red&size=m', `https://shop.example.com/p?color=red&size=m&affiliate_click_id=${ID}`],
    ['https://shop.example.com/p?color=red#reviews', `https://shop.example.com/p?color=red&affiliate_click_id=${ID}#reviews`],
    ['https://shop.example.com/p#/cart?step=2', `https://shop.example.com/p?affiliate_click_id=${ID}#/cart?step=2`],
    // Encoded values stay exactly as they were.
    ['https://shop.example.com/p?q=a%20b&x=%26%3D&name=%E0%A4%A8', `https://shop.example.com/p?q=a%20b&x=%26%3D&name=%E0%A4%A8&affiliate_click_id=${ID}`],
    ['https://shop.example.com/p?q=a+b', `https://shop.example.com/p?q=a+b&affiliate_click_id=${ID}`],
    // A stale or forged click id on the destination is replaced, never duplicated.
    ['https://shop.example.com/p?affiliate_click_id=clk_old&x=1', `https://shop.example.com/p?x=1&affiliate_click_id=${ID}`],
    ['https://shop.example.com/p?affiliate%5Fclick%5Fid=clk_old', `https://shop.example.com/p?affiliate_click_id=${ID}`],
    ['https://shop.example.com/p?', `https://shop.example.com/p?affiliate_click_id=${ID}`],
    ['https://shop.example.com/p?a=1&&b=2', `https://shop.example.com/p?a=1&b=2&affiliate_click_id=${ID}`],
    ['http://shop.example.com:8080/p', `http://shop.example.com:8080/p?affiliate_click_id=${ID}`],
    // Non-ASCII paths come out percent-encoded (a valid Location header).
    ['https://shop.example.com/सामान', `https://shop.example.com/%E0%A4%B8%E0%A4%BE%E0%A4%AE%E0%A4%BE%E0%A4%A8?affiliate_click_id=${ID}`],
  ])('%s', (destination, expected) => {
    expect(withClick(destination)).toBe(expected);
  });

  it('gives the plain destination without any click id', () => {
    expect(redirectTemplate('https://shop.example.com/p?affiliate_click_id=old&x=1#top')?.plain).toBe('https://shop.example.com/p?x=1#top');
    expect(redirectTemplate('https://shop.example.com/p?x=1')?.plain).toBe('https://shop.example.com/p?x=1');
  });

  it.each(['javascript:alert(1)', 'data:text/html,hi', 'ftp://shop.example.com/x', '/relative/path', 'not a url', ''])('refuses %j', (destination) => {
    expect(redirectTemplate(destination)).toBeNull();
  });
});
