import { OutboundError, safeFetch } from '../../platform/outbound/safe-fetch.ts';
import { signWebhook } from './webhook-signature.ts';

export const WEBHOOK_USER_AGENT = 'Influencemart-Webhooks/1.0';
/** How much of a response body the delivery log keeps. */
export const RESPONSE_EXCERPT_BYTES = 1024;

export interface SendSettings {
  timeoutMs: number;
  allowPrivate: boolean;
}

export type SendResult =
  | { kind: 'answered'; statusCode: number; latencyMs: number; excerpt: string }
  | { kind: 'unreachable'; errorCode: string; errorMessage: string; latencyMs: number }
  | { kind: 'aborted' };

/** The stored event a delivery sends; `createdAt` is RFC 3339 with microseconds, so events of one transaction still sort. */
export interface OutgoingEvent {
  id: string;
  type: string;
  createdAt: string;
  livemode: boolean;
  data: Record<string, unknown>;
}

/** The body every attempt of an event sends: built from the stored event, so it is byte-identical on retries. */
export function webhookPayload(event: OutgoingEvent): string {
  return JSON.stringify({ id: event.id, type: event.type, createdAt: event.createdAt, livemode: event.livemode, data: event.data });
}

/** PostgreSQL text cannot hold NUL; a receiver's binary answer must not break the log. */
const storable = (text: string) => text.replaceAll('\u0000', '');

/** One signed POST of an event to a URL; network trouble is a result, not an exception. */
export async function sendWebhook(
  url: string,
  event: OutgoingEvent,
  secrets: readonly string[],
  settings: SendSettings,
  signal: AbortSignal,
): Promise<SendResult> {
  const body = webhookPayload(event);
  const headers = { ...signWebhook(secrets, event.id, new Date(), body), 'content-type': 'application/json', 'user-agent': WEBHOOK_USER_AGENT };
  const started = performance.now();
  try {
    const response = await safeFetch(url, {
      method: 'POST',
      headers,
      body,
      timeoutMs: settings.timeoutMs,
      maxResponseBytes: RESPONSE_EXCERPT_BYTES,
      allowPrivate: settings.allowPrivate,
      signal,
    });
    return {
      kind: 'answered',
      statusCode: response.status,
      latencyMs: response.latencyMs,
      excerpt: storable(response.body.toString('utf8')).slice(0, RESPONSE_EXCERPT_BYTES),
    };
  } catch (error) {
    if (signal.aborted) return { kind: 'aborted' };
    if (!(error instanceof OutboundError)) throw error;
    return {
      kind: 'unreachable',
      errorCode: error.code,
      errorMessage: storable(error.message).slice(0, 500),
      latencyMs: Math.round(performance.now() - started),
    };
  }
}
