import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../../platform/db/client.ts';
import type { ClickRecord } from '../conversions/index.ts';
import { riskAssessments } from './risk.tables.ts';
import { needsReview, scoreConversionRisk, type RiskScore, type RiskSignals } from './score-conversion-risk.ts';

/** How far back the affiliate's own addresses count for self-referral. */
const SELF_REFERRAL_DAYS = 30;
/** How many recent orders the amount-outlier median looks at. */
const HISTORY_ORDERS = 200;

export interface ConversionRiskInput {
  conversionId: string;
  orderRef: string;
  merchantId: string;
  livemode: boolean;
  click: ClickRecord;
  occurredAt: Date;
  amount: bigint;
  currency: string;
  threshold: number;
}

/** Gather the signals for an attributed conversion, score them, and store the assessment. */
export async function assessConversionRisk(tx: Tx, input: ConversionRiskInput): Promise<RiskScore & { reviewRequired: boolean }> {
  const since = new Date(input.occurredAt.getTime() - SELF_REFERRAL_DAYS * 86_400_000);
  // One round trip for all three signals; percentile_disc returns one of the amounts itself (a
  // bigint), never an interpolated float.
  const [row] = await queryRows<{
    on_click: bigint | string | number;
    self_referral: boolean;
    median: bigint | string | null;
    history: bigint | string | number;
  }>(
    tx,
    sql`select
          (select count(*) from conversions
            where merchant_id = ${input.merchantId} and livemode = ${input.livemode} and click_id = ${input.click.id}
              and attributed and id <> ${input.conversionId}) as on_click,
          exists (select 1 from affiliate_ip_sightings
            where affiliate_id = ${input.click.affiliateId} and ip_hash = ${input.click.ipHash} and last_seen_at >= ${since.toISOString()}::timestamptz) as self_referral,
          recent.median, recent.history
        from (select percentile_disc(0.5) within group (order by amount) as median, count(*) as history
              from (select amount from orders
                    where merchant_id = ${input.merchantId} and livemode = ${input.livemode} and currency = ${input.currency} and id <> ${input.orderRef}
                    order by created_at desc limit ${HISTORY_ORDERS}) last_orders) recent`,
  );
  const signals: RiskSignals = {
    secondsFromClick: Math.floor((input.occurredAt.getTime() - input.click.clickedAt.getTime()) / 1000),
    previousOrdersOnClick: Number(row?.on_click ?? 0),
    selfReferral: row?.self_referral === true,
    amount: input.amount,
    merchantMedianAmount: row?.median === null || row?.median === undefined ? null : BigInt(row.median),
    merchantOrderCount: Number(row?.history ?? 0),
  };
  const score = scoreConversionRisk(signals, { livemode: input.livemode });
  await tx.insert(riskAssessments).values({
    conversionId: input.conversionId,
    merchantId: input.merchantId,
    livemode: input.livemode,
    score: score.score,
    reasons: score.reasons,
    signals: { ...signals, amount: signals.amount.toString(), merchantMedianAmount: signals.merchantMedianAmount?.toString() ?? null },
    threshold: input.threshold,
  });
  return { ...score, reviewRequired: needsReview(score.score, input.threshold) };
}
