import type { UserRole } from './roles.ts';

/** Who is calling the signed merchant API: the key decides the merchant and the mode. */
export interface MerchantPrincipal {
  merchantId: string;
  livemode: boolean;
  keyId: string;
}

/** Who is signed in to the dashboard. */
export interface SessionPrincipal {
  userId: string;
  email: string;
  role: UserRole;
  merchantId: string | null;
  affiliateId: string | null;
  csrfToken: string;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** `merchant`: signed API key (SPEC §3). `session`: dashboard cookie session (+ CSRF on writes). */
    auth?: 'merchant' | 'session';
    /** With `auth: 'session'`: the roles allowed; any signed-in user when omitted. */
    roles?: readonly UserRole[];
    /** Honour X-Idempotency-Key (merchant API only). */
    idempotent?: boolean;
  }
  interface FastifyRequest {
    /** The body exactly as received; a content-type parser used on signed routes must set it. */
    rawBody?: string;
    merchant?: MerchantPrincipal;
    /** The owner of the key named in Authorization once it is found, even if the signature then fails (request log). */
    apiKeyOwner?: MerchantPrincipal;
    session?: SessionPrincipal;
  }
}
