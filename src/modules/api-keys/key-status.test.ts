import { describe, expect, it } from 'vitest';
import { keyStatus } from './key-status.ts';

const now = new Date('2026-01-01T12:00:00Z');
const later = new Date('2026-01-02T12:00:00Z');
const earlier = new Date('2026-01-01T11:59:59Z');

describe('keyStatus', () => {
  it.each([
    [{ revokedAt: null, expiresAt: null }, 'active'],
    [{ revokedAt: null, expiresAt: later }, 'expiring'],
    [{ revokedAt: null, expiresAt: earlier }, 'expired'],
    [{ revokedAt: null, expiresAt: now }, 'expired'],
    [{ revokedAt: earlier, expiresAt: later }, 'revoked'],
    [{ revokedAt: earlier, expiresAt: null }, 'revoked'],
  ])('%o → %s', (key, status) => expect(keyStatus(key, now)).toBe(status));
});
