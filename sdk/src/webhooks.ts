import { Webhook, WebhookVerificationError } from 'standardwebhooks';

export { WebhookVerificationError };

/** What every Influencemart webhook carries; `id` is the same on every retry of one event. */
export interface WebhookEvent<T = Record<string, unknown>> {
  id: string;
  type: 'conversion.attributed' | 'conversion.unattributed' | 'commission.status_changed' | 'payout.processed' | 'import.completed' | 'test.ping';
  createdAt: string;
  livemode: boolean;
  data: T;
}

type HeaderBag = Headers | Record<string, string | string[] | undefined>;

function standardHeaders(headers: HeaderBag): Record<string, string> {
  const pick = (name: string): string => {
    if (headers instanceof Headers) return headers.get(name) ?? '';
    const entry = Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1];
    return Array.isArray(entry) ? (entry[0] ?? '') : (entry ?? '');
  };
  return { 'webhook-id': pick('webhook-id'), 'webhook-timestamp': pick('webhook-timestamp'), 'webhook-signature': pick('webhook-signature') };
}

/**
 * Check a delivery's Standard Webhooks signature against your endpoint secret (`whsec_…`) and
 * return the event. Pass the body exactly as received (before any JSON parsing) and the request
 * headers (Node's `request.headers` or a fetch `Headers`). Throws WebhookVerificationError when the
 * signature does not match or the timestamp is more than five minutes away.
 */
export function verifyWebhook<T = Record<string, unknown>>(secret: string, rawBody: string | Buffer, headers: HeaderBag): WebhookEvent<T> {
  return new Webhook(secret).verify(rawBody, standardHeaders(headers)) as WebhookEvent<T>;
}
