import type { ApiKey } from '../../resources.ts';

/** A key pair is revoked, rotated out but still working until it expires, expired, or active. */
export function keyState(key: ApiKey, now = Date.now()): 'ACTIVE' | 'EXPIRING' | 'EXPIRED' | 'REVOKED' {
  if (key.revokedAt) return 'REVOKED';
  if (key.expiresAt) return Date.parse(key.expiresAt) > now ? 'EXPIRING' : 'EXPIRED';
  return 'ACTIVE';
}
