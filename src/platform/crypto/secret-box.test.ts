import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSecretBox } from './secret-box.ts';

const box = createSecretBox('11'.repeat(32));

describe('secret box', () => {
  it('round-trips and never repeats a ciphertext', () => {
    const a = box.seal('sk_test_abc');
    const b = box.seal('sk_test_abc');
    expect(a).not.toBe(b);
    expect(a).not.toContain('sk_test_abc');
    expect(box.open(a)).toBe('sk_test_abc');
  });

  it('refuses tampered ciphertext and the wrong key', () => {
    const sealed = box.seal('secret');
    const parts = sealed.split('.');
    parts[3] = Buffer.from('other').toString('base64url');
    expect(() => box.open(parts.join('.'))).toThrow();
    expect(() => createSecretBox('22'.repeat(32)).open(sealed)).toThrow();
  });

  it('hashes with the key: stable per key, different across keys', () => {
    expect(box.keyedHash('203.0.113.7')).toBe(box.keyedHash('203.0.113.7'));
    expect(box.keyedHash('203.0.113.7')).not.toBe(createSecretBox('22'.repeat(32)).keyedHash('203.0.113.7'));
  });

  it('is HMAC-SHA256 under the derived key, for short, long and non-ASCII values alike', () => {
    const key = createHash('sha256')
      .update(Buffer.from('11'.repeat(32), 'hex'))
      .update('influencemart:keyed-hash')
      .digest();
    const values = ['203.0.113.7', '2001:db8::1', '', 'é'.repeat(85), 'é'.repeat(86), 'x'.repeat(85), 'x'.repeat(86), '\u{1F600}'.repeat(40), 'y'.repeat(5000)];
    for (const value of values) expect(box.keyedHash(value), value.slice(0, 20)).toBe(createHmac('sha256', key).update(value).digest('base64url'));
    // The scratch block is reused: a short value after a longer one must not see the longer one's tail.
    expect(box.keyedHash('1.2.3.4')).toBe(createHmac('sha256', key).update('1.2.3.4').digest('base64url'));
  });

  it('rejects a malformed master key', () => {
    expect(() => createSecretBox('abc')).toThrow(/64 hex/);
  });
});
