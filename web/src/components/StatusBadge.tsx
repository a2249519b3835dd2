const TONES: Record<string, 'good' | 'warn' | 'bad' | 'neutral'> = {
  APPROVED: 'good',
  ACTIVE: 'good',
  ENABLED: 'good',
  SUCCEEDED: 'good',
  JOINED: 'good',
  PAID: 'good',
  PAYABLE: 'good',
  SENT: 'good',
  QUEUED: 'warn',
  LOGGED: 'neutral',
  SKIPPED: 'neutral',
  PENDING: 'warn',
  PENDING_REVIEW: 'warn',
  REQUESTED: 'warn',
  HOLD: 'warn',
  DRAFT: 'neutral',
  PAUSED: 'neutral',
  EXPIRED: 'neutral',
  ARCHIVED: 'neutral',
  DISABLED: 'neutral',
  CANCELLED: 'neutral',
  EXPIRING: 'warn',
  REJECTED: 'bad',
  SUSPENDED: 'bad',
  REVOKED: 'bad',
  FAILED: 'bad',
  REVERSED: 'bad',
};

/** `PENDING_REVIEW` → "Pending review", coloured by what it means for the reader. */
export function StatusBadge({ status }: { status: string }) {
  const key = status.toUpperCase();
  const label = key.charAt(0) + key.slice(1).toLowerCase().replaceAll('_', ' ');
  return <span className={`badge badge--${TONES[key] ?? 'neutral'}`}>{label}</span>;
}
