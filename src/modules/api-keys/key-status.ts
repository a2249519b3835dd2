export type KeyStatus = 'active' | 'expiring' | 'expired' | 'revoked';

/** How the dashboard describes a key: revoked wins; a rotated-out key is expiring until its grace ends. */
export function keyStatus(key: { revokedAt: Date | null; expiresAt: Date | null }, now: Date): KeyStatus {
  if (key.revokedAt) return 'revoked';
  if (!key.expiresAt) return 'active';
  return key.expiresAt.getTime() > now.getTime() ? 'expiring' : 'expired';
}
