import type { FastifyRequest } from 'fastify';
import type { UserRole } from './roles.ts';
import type { Principal } from './route-auth.types.ts';

/** The dashboard session cookie. */
export const SESSION_COOKIE = 'im_session';

/** URL prefixes whose routes must declare the principals they accept. */
export const PROTECTED_PREFIXES = ['/api/v1/', '/api/merchant/', '/api/affiliate/', '/api/admin/'] as const;

const SESSION_ROLE: Record<Exclude<Principal, 'merchantKey'>, UserRole> = {
  merchantSession: 'merchant',
  affiliateSession: 'affiliate',
  adminSession: 'admin',
};

/** The dashboard roles a route accepts (empty when it takes only signed keys). */
export function sessionRolesOf(principals: readonly Principal[]): UserRole[] {
  return principals.filter((p): p is Exclude<Principal, 'merchantKey'> => p !== 'merchantKey').map((p) => SESSION_ROLE[p]);
}

/**
 * How this request is to be authenticated. A route that takes both keys and sessions treats a
 * request with an Authorization header, or without a session cookie, as a signed API call, so an
 * integrator who forgot the key hears about the key rather than about signing in.
 */
export function authenticationFor(request: FastifyRequest): 'merchantKey' | 'session' | 'none' {
  const principals = request.routeOptions.config.principals;
  if (!principals || principals.length === 0) return 'none';
  const takesKey = principals.includes('merchantKey');
  const takesSession = sessionRolesOf(principals).length > 0;
  if (!takesSession) return 'merchantKey';
  if (!takesKey) return 'session';
  return request.headers.authorization !== undefined || request.cookies[SESSION_COOKIE] === undefined ? 'merchantKey' : 'session';
}

/** Refuse, at start-up, a route under an API prefix that does not say who may call it. */
export function assertRouteDeclaresPrincipals(route: { method: string | string[]; url: string; config?: unknown }): void {
  if (!PROTECTED_PREFIXES.some((prefix) => route.url.startsWith(prefix))) return;
  const config = (route.config ?? {}) as { principals?: readonly Principal[]; public?: boolean };
  if (config.public === true || (config.principals && config.principals.length > 0)) return;
  const methods = Array.isArray(route.method) ? route.method.join(',') : route.method;
  throw new Error(
    `${methods} ${route.url} must declare config.principals (or public: true): every route under ${PROTECTED_PREFIXES.join(', ')} says who may call it`,
  );
}
