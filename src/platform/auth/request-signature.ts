import { createHmac, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';

/** Requests signed more than this far from our clock are refused. */
export const MAX_CLOCK_SKEW_SECONDS = 300;

/** The exact string a merchant signs: `<timestamp>.<METHOD>.<path with query>.<raw body>`. */
export function canonicalRequest(timestamp: string, method: string, pathWithQuery: string, rawBody: string): string {
  return `${timestamp}.${method.toUpperCase()}.${pathWithQuery}.${rawBody}`;
}

export function signRequest(secret: string, timestamp: string, method: string, pathWithQuery: string, rawBody: string): string {
  return createHmac('sha256', secret)
    .update(canonicalRequest(timestamp, method, pathWithQuery, rawBody))
    .digest('hex');
}

/** The same signature over a body held in a file, read in chunks (a large CSV upload). */
export async function signRequestFile(secret: string, timestamp: string, method: string, pathWithQuery: string, bodyFile: string): Promise<string> {
  const hmac = createHmac('sha256', secret).update(canonicalRequest(timestamp, method, pathWithQuery, ''));
  for await (const chunk of createReadStream(bodyFile)) hmac.update(chunk as Buffer);
  return hmac.digest('hex');
}

export type SignatureCheck = { ok: true } | { ok: false; code: 'MISSING_SIGNATURE' | 'STALE_TIMESTAMP' | 'SIGNATURE_MISMATCH'; message: string };

export interface SignedRequest {
  timestamp: string | undefined;
  signature: string | undefined;
  method: string;
  pathWithQuery: string;
  rawBody: string;
}

/** Check a request's timestamp and signature against one secret, in constant time. */
export function checkSignature(request: SignedRequest, secret: string, nowSeconds: number): SignatureCheck {
  const early = checkHeaders(request, nowSeconds);
  if (early) return early;
  return compareSignature(request.signature!, signRequest(secret, request.timestamp!, request.method, request.pathWithQuery, request.rawBody));
}

/** checkSignature for a body spooled to a file. */
export async function checkFileSignature(
  request: Omit<SignedRequest, 'rawBody'> & { bodyFile: string },
  secret: string,
  nowSeconds: number,
): Promise<SignatureCheck> {
  const early = checkHeaders({ ...request, rawBody: '' }, nowSeconds);
  if (early) return early;
  return compareSignature(request.signature!, await signRequestFile(secret, request.timestamp!, request.method, request.pathWithQuery, request.bodyFile));
}

function checkHeaders(request: SignedRequest, nowSeconds: number): SignatureCheck | undefined {
  if (!request.timestamp) return { ok: false, code: 'MISSING_SIGNATURE', message: 'X-Timestamp header is required (unix seconds)' };
  if (!/^\d{1,12}$/.test(request.timestamp)) {
    return { ok: false, code: 'MISSING_SIGNATURE', message: 'X-Timestamp must be whole unix seconds, e.g. 1767225600' };
  }
  const skew = Math.abs(nowSeconds - Number(request.timestamp));
  if (skew > MAX_CLOCK_SKEW_SECONDS) {
    return { ok: false, code: 'STALE_TIMESTAMP', message: `X-Timestamp is ${skew} s away from server time; at most ${MAX_CLOCK_SKEW_SECONDS} s is accepted` };
  }
  if (!request.signature) return { ok: false, code: 'MISSING_SIGNATURE', message: 'X-Signature header is required' };
  return undefined;
}

function compareSignature(signature: string, expectedHex: string): SignatureCheck {
  const expected = Buffer.from(expectedHex, 'utf8');
  const given = Buffer.from(signature.toLowerCase(), 'utf8');
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    return {
      ok: false,
      code: 'SIGNATURE_MISMATCH',
      message: 'X-Signature does not match: sign "<X-Timestamp>.<METHOD>.<path with query>.<raw body>" with HMAC-SHA256 and your signing secret, hex-encoded',
    };
  }
  return { ok: true };
}
