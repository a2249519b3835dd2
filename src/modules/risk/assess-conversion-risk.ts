import { and, eq, gte, ne, sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../../platform/db/client.ts';
import type { ClickRecord } from '../conversions/click-record.ts';
import { conversions } from '../conversions/conversions.tables.ts';
import { riskAssessments, affiliateIpSightings } from './risk.tables.ts';
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
  const [onClick] = await tx
    .select({ count: sql<number>`count(*)::int` })
    .from(conversions)
    .where(
      and(
        eq(conversions.merchantId, input.merchantId),
        eq(conversions.livemode, input.livemode),
        eq(conversions.clickId, input.click.id),
        eq(conversions.attributed, true),
        ne(conversions.id, input.conversionId),
      ),
    );
  const since = new Date(input.occurredAt.getTime() - SELF_REFERRAL_DAYS * 86_400_000);
  const sightings = await tx
    .select({ ipHash: affiliateIpSightings.ipHash })
    .from(affiliateIpSightings)
    .where(and(eq(affiliateIpSightings.affiliateId, input.click.affiliateId), eq(affiliateIpSightings.ipHash, input.click.ipHash), gte(affiliateIpSightings.lastSeenAt, since)))
    .limit(1);
  // percentile_disc returns one of the amounts itself (a bigint), not an interpolated float.
  const [history] = await queryRows<{ median: bigint | string | null; count: bigint | string | number }>(
    tx,
    sql`select percentile_disc(0.5) within group (order by amount) as median, count(*) as count
        from (select amount from orders
              where merchant_id = ${input.merchantId} and livemode = ${input.livemode} and currency = ${input.currency} and id <> ${input.orderRef}
              order by created_at desc limit ${HISTORY_ORDERS}) recent`,
  );
  const signals: RiskSignals = {
    secondsFromClick: Math.floor((input.occurredAt.getTime() - input.click.clickedAt.getTime()) / 1000),
    previousOrdersOnClick: onClick?.count ?? 0,
    selfReferral: sightings.length > 0,
    amount: input.amount,
    merchantMedianAmount: history?.median === null || history?.median === undefined ? null : BigInt(history.median),
    merchantOrderCount: Number(history?.count ?? 0),
  };
  const score = scoreConversionRisk(signals);
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
