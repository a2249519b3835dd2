import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { verifyWebhook, WebhookVerificationError } from './webhooks.ts';

const secret = `whsec_${randomBytes(32).toString('base64')}`;
const body = JSON.stringify({ id: 'evt_1', type: 'test.ping', createdAt: '2026-03-01T10:00:00.000Z', livemode: false, data: { hello: 'world' } });

function headersFor(payload: string, at = new Date(), key = secret) {
  return {
    'webhook-id': 'evt_1',
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': new Webhook(key).sign('evt_1', at, payload),
  };
}

describe('verifyWebhook', () => {
  it('returns the event for a valid signature, from Node headers or fetch Headers', () => {
    expect(verifyWebhook(secret, body, headersFor(body))).toMatchObject({ id: 'evt_1', type: 'test.ping', data: { hello: 'world' } });
    expect(verifyWebhook(secret, Buffer.from(body), new Headers(headersFor(body))).id).toBe('evt_1');
    const upper = Object.fromEntries(Object.entries(headersFor(body)).map(([k, v]) => [k.toUpperCase(), [v]]));
    expect(verifyWebhook(secret, body, upper).id).toBe('evt_1');
  });

  it('accepts any one of several space-separated signatures (secret rotation)', () => {
    const other = `whsec_${randomBytes(32).toString('base64')}`;
    const headers = headersFor(body, new Date(), other);
    headers['webhook-signature'] = `${headers['webhook-signature']} ${new Webhook(secret).sign('evt_1', new Date(), body)}`;
    expect(verifyWebhook(secret, body, headers).id).toBe('evt_1');
    expect(verifyWebhook(other, body, headers).id).toBe('evt_1');
  });

  it('refuses a changed body, another secret, a stale timestamp and missing headers', () => {
    expect(() => verifyWebhook(secret, body.replace('world', 'w0rld'), headersFor(body))).toThrow(WebhookVerificationError);
    expect(() => verifyWebhook(`whsec_${randomBytes(32).toString('base64')}`, body, headersFor(body))).toThrow(WebhookVerificationError);
    expect(() => verifyWebhook(secret, body, headersFor(body, new Date(Date.now() - 10 * 60_000)))).toThrow(/too old/);
    expect(() => verifyWebhook(secret, body, {})).toThrow(WebhookVerificationError);
  });
});
