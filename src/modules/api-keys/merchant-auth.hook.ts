import type { FastifyRequest } from 'fastify';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import { checkFileSignature, checkSignature } from '../../platform/auth/request-signature.ts';
import type { MerchantPrincipal } from '../../platform/auth/route-auth.types.ts';
import type { KeyStore, VerifiedKey } from './api-keys.service.ts';

const BEARER = /^Bearer\s+(pk_(?:test|live)_[A-Za-z0-9_-]+)$/;

const identified = new WeakMap<FastifyRequest, VerifiedKey>();

/**
 * First half, on arrival and before the body is read: the key must exist, so that a caller without
 * one cannot make the server read, parse and hold a large body. Sets `request.apiKeyOwner`.
 */
export async function identifyMerchantKey(request: FastifyRequest, keys: KeyStore): Promise<void> {
  const header = request.headers.authorization;
  if (!header) throw new AppError('MISSING_API_KEY', 'Authorization header is required: "Bearer pk_test_…" or "Bearer pk_live_…"');
  const publishableKey = BEARER.exec(header)?.[1];
  if (!publishableKey) {
    throw new AppError(
      'INVALID_API_KEY',
      'Authorization must be "Bearer <publishable key>" with a pk_test_ or pk_live_ key (never send the sk_ signing secret)',
    );
  }
  const found = await keys.find(publishableKey);
  if (!found) throw new AppError('INVALID_API_KEY', 'This API key does not exist, was revoked, or its rotation grace period has ended');
  request.apiKeyOwner = { merchantId: found.key.merchantId, livemode: found.key.livemode, keyId: found.key.id };
  identified.set(request, found);
}

/** Second half, once the body is in: the signature over the exact bytes, then the merchant's standing. Sets `request.merchant`. */
export async function authenticateMerchant(request: FastifyRequest, keys: KeyStore, clock: Clock): Promise<MerchantPrincipal> {
  const found = identified.get(request);
  const principal = request.apiKeyOwner;
  if (!found || !principal) throw new AppError('MISSING_API_KEY', 'Authorization header is required: "Bearer pk_test_…" or "Bearer pk_live_…"');

  const header1 = (name: string) => {
    const value = request.headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  // The signature covers the exact bytes sent. A body that some parser consumed without keeping
  // its text (e.g. text/plain) cannot be checked, so it must not pass as an empty body would.
  if (request.rawBody === undefined && request.spooledBody === undefined && hasBody(request)) {
    throw new AppError('SIGNATURE_MISMATCH', 'The request body cannot be verified: send it as application/json');
  }
  const signed = { timestamp: header1('x-timestamp'), signature: header1('x-signature'), method: request.method, pathWithQuery: request.url };
  const now = Math.floor(clock.now() / 1000);
  const check = request.spooledBody
    ? await checkFileSignature({ ...signed, bodyFile: request.spooledBody.path }, found.signingSecret, now)
    : checkSignature({ ...signed, rawBody: request.rawBody ?? '' }, found.signingSecret, now);
  if (!check.ok) throw new AppError(check.code, check.message);
  if (found.merchantStatus !== 'APPROVED') {
    throw new AppError(
      'MERCHANT_NOT_APPROVED',
      `This merchant account is ${found.merchantStatus.toLowerCase().replace('_', ' ')}; the API is available once it is approved`,
    );
  }
  request.merchant = principal;
  keys.touch(found.key.id);
  return principal;
}

function hasBody(request: FastifyRequest): boolean {
  const length = request.headers['content-length'];
  return (length !== undefined && length !== '0') || request.headers['transfer-encoding'] !== undefined;
}
