/**
 * What the platform emails about. Account emails (reset, verification) and decisions that change
 * what an account may do always go out; the optional ones are notifications a user may turn off.
 */
export const REQUIRED_EMAIL_KINDS = [
  'password_reset',
  'email_verification',
  'merchant_approved',
  'merchant_rejected',
  'payout_failed',
  'webhook_endpoint_disabled',
] as const;

export const OPTIONAL_EMAIL_KINDS = ['join_request_received', 'join_request_decided', 'commission_approved', 'payout_paid'] as const;

export type OptionalEmailKind = (typeof OPTIONAL_EMAIL_KINDS)[number];
export type EmailKind = (typeof REQUIRED_EMAIL_KINDS)[number] | OptionalEmailKind;

export const isOptionalEmailKind = (kind: string): kind is OptionalEmailKind => (OPTIONAL_EMAIL_KINDS as readonly string[]).includes(kind);

/** Account emails reach unverified addresses too: they are how an address gets verified or recovered. */
export const reachesUnverified = (kind: EmailKind) => kind === 'password_reset' || kind === 'email_verification';
