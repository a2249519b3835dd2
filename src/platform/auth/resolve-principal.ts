import type { FastifyRequest } from 'fastify';
import { AppError, invalidField } from '../errors.ts';
import type { Tenant } from '../tenant.ts';
import type { SessionPrincipal } from './route-auth.types.ts';

/**
 * Checked principals for route handlers. Authentication has already run (the route's
 * `principals`); these only pick the right part of it and refuse a caller of the wrong kind.
 */

const MODE_HEADER = 'x-mode';

/** The dashboard picks test or live data with `X-Mode: test|live` (live when absent); a key carries its own mode. */
export function sessionLivemode(request: FastifyRequest): boolean {
  const raw = request.headers[MODE_HEADER];
  if (raw === undefined || raw === 'live') return true;
  if (raw === 'test') return false;
  throw invalidField('X-Mode', 'must be "test" or "live"');
}

/** The merchant and mode the caller acts for: the signed key's, or the merchant session's with X-Mode. */
export function resolveTenant(request: FastifyRequest): Tenant {
  if (request.merchant) return { merchantId: request.merchant.merchantId, livemode: request.merchant.livemode };
  return { merchantId: resolveMerchantId(request), livemode: sessionLivemode(request) };
}

/** A tenant plus who acted, as event and history rows record it (`merchant:<keyId>` or `user:<userId>`). */
export interface TenantActor extends Tenant {
  actor: string;
}

/** The tenant (see resolveTenant) and the actor to record on the changes made for it. */
export function resolveTenantActor(request: FastifyRequest): TenantActor {
  const actor = request.merchant ? `merchant:${request.merchant.keyId}` : `user:${resolveSessionUser(request).userId}`;
  return { ...resolveTenant(request), actor };
}

/** The merchant the caller acts for, in either mode (settings that are not per mode). */
export function resolveMerchantId(request: FastifyRequest): string {
  if (request.merchant) return request.merchant.merchantId;
  const merchantId = request.session?.merchantId;
  if (!merchantId) throw new AppError('FORBIDDEN', 'This needs a merchant account');
  return merchantId;
}

/** The signed-in affiliate. */
export function resolveAffiliateId(request: FastifyRequest): string {
  const affiliateId = request.session?.affiliateId;
  if (!affiliateId) throw new AppError('FORBIDDEN', 'This needs an affiliate account');
  return affiliateId;
}

/** The signed-in dashboard user (any role the route accepts). */
export function resolveSessionUser(request: FastifyRequest): SessionPrincipal {
  if (!request.session) throw new AppError('UNAUTHENTICATED', 'Sign in first: this needs a dashboard session');
  return request.session;
}
