import { describe, expect, it } from 'vitest';
import { CLICK_ID_PATTERN, newClickId } from './click-id.ts';

describe('newClickId', () => {
  it('is clk_ and 22 URL-safe characters (128 bits), never repeating across pool refills', () => {
    const ids = Array.from({ length: 5000 }, newClickId);
    for (const id of ids) expect(id).toMatch(/^clk_[A-Za-z0-9_-]{22}$/);
    expect(new Set(ids).size).toBe(ids.length);
    expect(CLICK_ID_PATTERN.test(ids[0]!)).toBe(true);
    // 128 bits: the 22 characters decode to 16 bytes.
    expect(Buffer.from(ids[0]!.slice(4), 'base64url')).toHaveLength(16);
  });
});
