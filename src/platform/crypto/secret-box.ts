import { createCipheriv, createDecipheriv, createHash, createHmac, hash, randomBytes } from 'node:crypto';

/**
 * Symmetric encryption for secrets at rest (signing secrets, webhook secrets, payout account
 * numbers): AES-256-GCM under the platform master key. Output: `v1.<iv>.<tag>.<ciphertext>` (base64url).
 */
export interface SecretBox {
  seal(plaintext: string): string;
  open(sealed: string): string;
  /** Keyed hash for values that must be matched but never read back (IP addresses). */
  keyedHash(value: string): string;
}

export function createSecretBox(masterKeyHex: string): SecretBox {
  if (!/^[0-9a-f]{64}$/i.test(masterKeyHex)) throw new Error('The master key must be 64 hex characters (32 bytes)');
  const master = Buffer.from(masterKeyHex, 'hex');
  // Separate keys per purpose, derived from the one master key.
  const encryptionKey = createHash('sha256').update(master).update('influencemart:encryption').digest();
  const hashKey = createHash('sha256').update(master).update('influencemart:keyed-hash').digest();
  const keyedHash = hmacSha256(hashKey);
  return {
    seal(plaintext) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', encryptionKey, iv);
      const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ciphertext.toString('base64url')].join('.');
    },
    open(sealed) {
      const [version, iv, tag, ciphertext] = sealed.split('.');
      if (version !== 'v1' || !iv || !tag || ciphertext === undefined) throw new Error('Not a sealed secret');
      const decipher = createDecipheriv('aes-256-gcm', encryptionKey, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
    },
    keyedHash,
  };
}

const BLOCK = 64;
const SHORT_VALUE_BYTES = 256;

/**
 * HMAC-SHA256 (RFC 2104) as base64url, built from two one-shot hashes over the padded key: the same
 * result as `createHmac`, at about half the cost on the redirect, which hashes every visitor's IP.
 * Values too long for the scratch block take the ordinary path.
 */
function hmacSha256(key: Buffer): (value: string) => string {
  if (key.length > BLOCK) throw new Error('HMAC keys longer than one block must be hashed first');
  const inner = Buffer.alloc(BLOCK + SHORT_VALUE_BYTES);
  const outer = Buffer.alloc(BLOCK + 32);
  for (let i = 0; i < BLOCK; i++) {
    inner[i] = (key[i] ?? 0) ^ 0x36;
    outer[i] = (key[i] ?? 0) ^ 0x5c;
  }
  return (value) => {
    // Three bytes per UTF-16 unit is the most UTF-8 can take, so a short value always fits.
    if (value.length * 3 > SHORT_VALUE_BYTES) return createHmac('sha256', key).update(value).digest('base64url');
    const end = BLOCK + inner.write(value, BLOCK, 'utf8');
    hash('sha256', inner.subarray(0, end), 'buffer').copy(outer, BLOCK);
    return hash('sha256', outer, 'base64url');
  };
}
