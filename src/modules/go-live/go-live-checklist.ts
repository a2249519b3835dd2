import type { Db } from '../../platform/db/client.ts';
import { lastKeyUseAt } from '../api-keys/index.ts';
import { lastConversionAt } from '../conversions/index.ts';
import { lastClickAt } from '../tracking/index.ts';
import { lastSucceededDeliveryAt } from '../webhooks/index.ts';

/** The steps from a first test request to live traffic, in the order a merchant takes them. */
export const GO_LIVE_STEPS = ['testKeyUsed', 'testClickRecorded', 'testConversionRecorded', 'testWebhookDelivered', 'liveKeyUsed'] as const;
export type GoLiveStep = (typeof GO_LIVE_STEPS)[number];

export interface GoLiveChecklist {
  steps: Array<{ step: GoLiveStep; done: boolean; at: string | null }>;
  complete: boolean;
}

/**
 * Where the merchant stands on the way to going live, read from what really happened: each step is
 * ticked by the latest activity of its kind, as the module owning that activity reports it.
 */
export async function goLiveChecklist(db: Db, merchantId: string): Promise<GoLiveChecklist> {
  const test = { merchantId, livemode: false };
  const live = { merchantId, livemode: true };
  const latest: Record<GoLiveStep, Promise<Date | null>> = {
    testKeyUsed: lastKeyUseAt(db, test),
    testClickRecorded: lastClickAt(db, test),
    testConversionRecorded: lastConversionAt(db, test),
    testWebhookDelivered: lastSucceededDeliveryAt(db, test),
    liveKeyUsed: lastKeyUseAt(db, live),
  };
  const times = await Promise.all(GO_LIVE_STEPS.map((step) => latest[step]));
  const steps = GO_LIVE_STEPS.map((step, i) => {
    const at = times[i] ?? null;
    return { step, done: at !== null, at: at?.toISOString() ?? null };
  });
  return { steps, complete: steps.every((s) => s.done) };
}
