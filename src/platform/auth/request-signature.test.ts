import { describe, expect, it } from 'vitest';
import { canonicalRequest, checkSignature, signRequest } from './request-signature.ts';

const secret = 'sk_test_secret';
const now = 1_767_225_600;
const base = { timestamp: String(now), method: 'POST', pathWithQuery: '/api/v1/campaigns?x=1', rawBody: '{"title":"A"}' };
const signed = { ...base, signature: signRequest(secret, base.timestamp, base.method, base.pathWithQuery, base.rawBody) };

describe('request signatures', () => {
  it('builds the canonical string from timestamp, method, path with query and raw body', () => {
    expect(canonicalRequest('1', 'post', '/a?b=c', '{}')).toBe('1.POST./a?b=c.{}');
  });

  it('accepts a correct signature, in either hex case, within the skew', () => {
    expect(checkSignature(signed, secret, now)).toEqual({ ok: true });
    expect(checkSignature({ ...signed, signature: signed.signature.toUpperCase() }, secret, now + 300)).toEqual({ ok: true });
  });

  it.each([
    ['no timestamp', { timestamp: undefined }, 'MISSING_SIGNATURE'],
    ['a non-numeric timestamp', { timestamp: '2026-01-01' }, 'MISSING_SIGNATURE'],
    ['no signature', { signature: undefined }, 'MISSING_SIGNATURE'],
    ['another body', { rawBody: '{"title":"B"}' }, 'SIGNATURE_MISMATCH'],
    ['another path', { pathWithQuery: '/api/v1/campaigns?x=2' }, 'SIGNATURE_MISMATCH'],
    ['another method', { method: 'PATCH' }, 'SIGNATURE_MISMATCH'],
    ['a truncated signature', { signature: signed.signature.slice(0, 10) }, 'SIGNATURE_MISMATCH'],
  ])('rejects %s', (_name, change, code) => {
    const result = checkSignature({ ...signed, ...change }, secret, now);
    expect(result).toMatchObject({ ok: false, code });
  });

  it('rejects a request signed with another secret', () => {
    expect(checkSignature(signed, 'sk_test_other', now)).toMatchObject({ ok: false, code: 'SIGNATURE_MISMATCH' });
  });

  it('rejects timestamps more than 300 s away in either direction', () => {
    expect(checkSignature(signed, secret, now + 301)).toMatchObject({ ok: false, code: 'STALE_TIMESTAMP' });
    expect(checkSignature(signed, secret, now - 301)).toMatchObject({ ok: false, code: 'STALE_TIMESTAMP' });
  });
});
