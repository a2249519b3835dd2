import type { UserRole } from './roles.ts';

/**
 * Who may call a route: a signed merchant API key, or a dashboard session of one role. A route
 * names the principals it accepts (`config: { principals: [...] }`); the dashboard and the merchant
 * API share one route per resource.
 */
export const PRINCIPALS = ['merchantKey', 'merchantSession', 'affiliateSession', 'adminSession'] as const;
export type Principal = (typeof PRINCIPALS)[number];

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

/** A body written to disk as it arrived (a CSV import), so memory does not grow with its size. */
export interface SpooledBody {
  /** A temporary file holding the exact bytes received; removed when the response is sent. */
  path: string;
  bytes: number;
  /** What X-Idempotency-Key compares: the method, path and these bytes. */
  idempotencyHash: string;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The principals this route accepts; routes under the API prefixes must name at least one. */
    principals?: readonly Principal[];
    /** A route under an API prefix that deliberately needs no principal (the OpenAPI document). */
    public?: boolean;
    /** Honour X-Idempotency-Key (signed merchant API calls). */
    idempotent?: boolean;
    /** The body content types the route takes, when not JSON; any other answers 415 naming these. */
    bodyTypes?: readonly string[];
  }
  interface FastifyRequest {
    /** The body exactly as received; a content-type parser used on signed routes must set it. */
    rawBody?: string;
    /** Set instead of rawBody by a parser that spools the body to disk; signatures are checked over the file. */
    spooledBody?: SpooledBody;
    merchant?: MerchantPrincipal;
    /** The owner of the key named in Authorization once it is found, even if the signature then fails (request log). */
    apiKeyOwner?: MerchantPrincipal;
    session?: SessionPrincipal;
  }
}
