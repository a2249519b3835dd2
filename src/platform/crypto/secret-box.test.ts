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

  it('rejects a malformed master key', () => {
    expect(() => createSecretBox('abc')).toThrow(/64 hex/);
  });
});
