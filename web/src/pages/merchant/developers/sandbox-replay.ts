import { call, type ApiClient, type ResponseOf } from '../../../api.ts';

/** The five steps of a sandbox replay, in the order they run. */
export const REPLAY_STEPS = ['click', 'conversion', 'attribution', 'commission', 'webhook'] as const;
export type ReplayStep = (typeof REPLAY_STEPS)[number];

type Conversion = ResponseOf<'/api/v1/conversions', 'post'>;
type UnattributedReason = NonNullable<Conversion['unattributedReason']>;
type OrderDeliveries = ResponseOf<'/api/merchant/orders/{orderId}/webhook-deliveries', 'get'>;
export type SandboxDelivery = OrderDeliveries['deliveries'][number];

export type StepOutcome =
  | { state: 'passed'; summary: string; details?: Array<[string, string]> }
  | { state: 'failed'; code: string; message: string }
  | { state: 'noted'; summary: string; addEndpoint?: boolean };

/** Why an order earned nothing, for people (the codes are the server's UNATTRIBUTED_REASONS). */
const NOT_ATTRIBUTED: Record<UnattributedReason, string> = {
  NO_CLICK_ID: 'The order carried no click id.',
  UNKNOWN_CLICK: 'No click of yours in test mode has that id.',
  CLICK_NOT_ATTRIBUTABLE: 'The click could not earn: the campaign is not active, or the product is archived.',
  ORDER_BEFORE_CLICK: 'The order happened before the click.',
  EXPIRED_WINDOW: 'The order came after the campaign’s attribution window closed.',
  CAMPAIGN_INACTIVE: 'The campaign is not active.',
};

export interface ReplayInput {
  campaignId: string;
  product: { id: string; externalProductId: string; price: string; currency: string } | null;
}

export interface ReplayCallbacks {
  /** A step started (`null`) or finished with its outcome. */
  onStep(step: ReplayStep, outcome: StepOutcome | null): void;
}

/** A sample order of 49.90 in the store currency, or one unit of the chosen product at its price. */
const sampleOrder = (input: ReplayInput, clickId: string) => {
  const orderId = `sandbox-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  const { product } = input;
  return product
    ? { orderId, clickId, amount: product.price, currency: product.currency, items: [{ sku: product.externalProductId, qty: 1, price: product.price }] }
    : { orderId, clickId, amount: '49.90' };
};

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Replay a click and a conversion end to end in test mode through the routes an integration uses
 * (the sandbox click, the conversion report) and report each step as it finishes; the first failure
 * stops the run. `api` must act in test mode.
 */
export async function runSandboxReplay(api: ApiClient, input: ReplayInput, { onStep }: ReplayCallbacks, pollMs = 1000, pollFor = 20): Promise<void> {
  const fail = (step: ReplayStep, error: { code: string; message: string }) => onStep(step, { state: 'failed', code: error.code, message: error.message });
  const attempt = async <T>(step: ReplayStep, request: () => Promise<T>): Promise<T | null> => {
    onStep(step, null);
    try {
      return await request();
    } catch (error) {
      const known = error as { code?: string; message?: string };
      fail(step, { code: known.code ?? 'CLIENT', message: known.message ?? 'Something went wrong' });
      return null;
    }
  };

  const click = await attempt('click', () =>
    call(api.POST('/api/v1/sandbox/clicks', { body: { campaignId: input.campaignId, ...(input.product ? { productId: input.product.id } : {}) } })),
  );
  if (!click) return;
  onStep('click', {
    state: 'passed',
    summary: click.attributable ? 'A test click was recorded.' : 'A test click was recorded, but it cannot earn.',
    details: [
      ['Click id', click.clickId],
      ['Attributable', click.attributable ? 'yes' : 'no'],
    ],
  });

  const conversion = await attempt('conversion', () => call(api.POST('/api/v1/conversions', { body: sampleOrder(input, click.clickId) })));
  if (!conversion) return;
  onStep('conversion', {
    state: 'passed',
    summary: 'The order was reported with the click id.',
    details: [
      ['Order id', conversion.orderId],
      ['Conversion id', conversion.conversionId],
    ],
  });

  onStep('attribution', null);
  if (!conversion.attributed) {
    const reason = conversion.unattributedReason ?? 'NO_CLICK_ID';
    fail('attribution', { code: reason, message: NOT_ATTRIBUTED[reason] });
    return;
  }
  onStep('attribution', { state: 'passed', summary: 'Attributed to your sandbox affiliate.', details: [['Affiliate', conversion.affiliateRef ?? '—']] });

  onStep('commission', null);
  if (!conversion.commission) {
    fail('commission', { code: 'NO_COMMISSION', message: 'The order was attributed but no commission was created.' });
    return;
  }
  const { commission, risk } = conversion;
  onStep('commission', {
    state: 'passed',
    summary: risk?.reviewRequired ? 'A commission was created; it waits for a risk review.' : 'A commission was created.',
    details: [
      ['Amount', `${commission.amount} ${commission.currency}`],
      ['State', commission.status],
    ],
  });

  onStep('webhook', null);
  let answer: OrderDeliveries | null;
  for (let polls = 0; ; polls += 1) {
    answer = await attempt('webhook', () =>
      call(api.GET('/api/merchant/orders/{orderId}/webhook-deliveries', { params: { path: { orderId: conversion.orderId } } })),
    );
    if (!answer) return;
    const settled = answer.deliveries.every((d) => d.status !== 'pending' || d.attempts.length > 0);
    if (settled || polls >= pollFor) break;
    await wait(pollMs);
  }
  const endpoints =
    answer.deliveries.length > 0 ? await attempt('webhook', () => call(api.GET('/api/v1/webhook-endpoints', { params: { query: { pageSize: 100 } } }))) : null;
  const urls = new Map((endpoints?.data ?? []).map((e) => [e.id, e.url]));
  onStep('webhook', webhookOutcome(answer, urls));
}

/** The webhook step's outcome from the deliveries of the conversion's event. */
export function webhookOutcome({ endpointCount, deliveries }: OrderDeliveries, urls: Map<string, string> = new Map()): StepOutcome {
  if (endpointCount === 0) return { state: 'noted', summary: 'No test endpoint: nothing was sent.', addEndpoint: true };
  if (deliveries.length === 0) return { state: 'noted', summary: 'None of your test endpoints is enabled and subscribed to conversion events.' };
  for (const delivery of deliveries) {
    const last = delivery.attempts.at(-1);
    if (last && last.outcome === 'failed') {
      return {
        state: 'failed',
        code: last.error?.code ?? `HTTP_${last.statusCode ?? 0}`,
        message: last.error?.message ?? `Your endpoint answered ${last.statusCode}; retries follow (see the delivery log under Webhooks).`,
      };
    }
  }
  if (deliveries.some((d) => d.status === 'cancelled')) return { state: 'noted', summary: 'The delivery was cancelled: its endpoint was disabled.' };
  const queued = deliveries.filter((d) => d.status === 'pending');
  if (queued.length > 0)
    return {
      state: 'noted',
      summary: `${queued.length} of ${deliveries.length} deliveries still queued; the delivery log under Webhooks shows when they go out.`,
    };
  return {
    state: 'passed',
    summary: `Delivered ${deliveries[0]!.eventType} to ${deliveries.length === 1 ? 'your test endpoint' : `${deliveries.length} test endpoints`}.`,
    details: deliveries.map((d) => {
      const last = d.attempts.at(-1);
      return [urls.get(d.endpointId) ?? d.endpointId, last ? `${last.statusCode ?? '—'} in ${last.latencyMs} ms` : d.status] as [string, string];
    }),
  };
}
