import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';

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
    keyedHash(value) {
      return createHmac('sha256', hashKey).update(value).digest('base64url');
    },
  };
}
