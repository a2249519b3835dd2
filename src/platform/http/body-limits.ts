/**
 * How many bytes a request body may have, chosen per route: Fastify stops reading past the limit
 * (413 PAYLOAD_TOO_LARGE), so a hostile body costs memory and time in proportion to what the route
 * can need, never more. Routes that need more or less than the default say so with `bodyLimit`.
 */
export const BODY_LIMIT = {
  /** Sign-up, login and other session routes: a few short fields. */
  auth: 16 * 1024,
  /** Every other route unless it says otherwise. */
  default: 256 * 1024,
  /** A conversion with up to its maximum number of line items. */
  conversion: 1024 * 1024,
  /** The 5000-item product calls. */
  bulk: 16 * 1024 * 1024,
} as const;

/** Objects and arrays nested deeper than this are refused before parsing (400 INVALID_JSON). */
export const MAX_JSON_DEPTH = 32;
