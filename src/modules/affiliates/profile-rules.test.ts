import { describe, expect, it } from 'vitest';
import type { SocialNetwork } from './affiliates.tables.ts';
import { mergeHandles, normalizeHandle, normalizeWebsite, validateProfilePatch } from './profile-rules.ts';

describe('normalizeHandle', () => {
  it.each<[SocialNetwork, string, string | null]>([
    ['instagram', '@sita.np', 'sita.np'],
    ['instagram', 'https://www.instagram.com/sita.np/', 'sita.np'],
    ['instagram', 'instagram.com/sita.np', 'sita.np'],
    ['instagram', 'https://evil.example/sita.np', null],
    ['instagram', 'sita np', null],
    ['tiktok', 'https://www.tiktok.com/@sita_np', 'sita_np'],
    ['youtube', 'https://m.youtube.com/@SitaVlogs', 'SitaVlogs'],
    ['x', '@sita_np', 'sita_np'],
    ['x', 'https://twitter.com/sita_np', 'sita_np'],
    ['x', 'a_handle_that_is_too_long', null],
    ['facebook', 'fb.com/sita.sharma', 'sita.sharma'],
    ['telegram', 't.me/sitanp', 'sitanp'],
    ['telegram', '1sita', null],
  ])('%s %j → %j', (network, raw, expected) => {
    expect(normalizeHandle(network, raw)).toBe(expected);
  });
});

describe('normalizeWebsite', () => {
  it.each([
    ['https://sita.blog', 'https://sita.blog/'],
    ['http://sita.blog/about', 'http://sita.blog/about'],
    ['javascript:alert(1)', null],
    ['ftp://sita.blog', null],
    ['https://localhost', null],
    ['https://user:pw@sita.blog', null],
    ['not a url', null],
  ])('%j → %j', (raw, expected) => {
    expect(normalizeWebsite(raw)).toBe(expected);
  });
});

describe('validateProfilePatch', () => {
  it('normalises what it accepts and treats blanks as removal', () => {
    const result = validateProfilePatch({
      displayName: '  Sita   Sharma ',
      bio: '  ',
      channels: ['instagram', 'tiktok', 'instagram'],
      website: '',
      socialHandles: { instagram: '@sita.np', tiktok: null },
    });
    expect(result).toEqual({
      ok: true,
      value: { displayName: 'Sita Sharma', bio: null, channels: ['instagram', 'tiktok'], website: null, socialHandles: { instagram: 'sita.np', tiktok: null } },
    });
  });

  it('names every bad field', () => {
    const result = validateProfilePatch({ displayName: '   ', website: 'javascript:alert(1)', socialHandles: { x: 'way_too_long_for_x_handles' } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.details.map((d) => [d.field, d.code])).toEqual([
      ['displayName', 'INVALID_NAME'],
      ['website', 'INVALID_URL'],
      ['socialHandles.x', 'INVALID_HANDLE'],
    ]);
  });

  it('merges handle changes into the stored handles', () => {
    expect(mergeHandles({ instagram: 'old', tiktok: 'keep' }, { instagram: 'new', tiktok: null, x: 'sita' })).toEqual({ instagram: 'new', x: 'sita' });
  });
});
