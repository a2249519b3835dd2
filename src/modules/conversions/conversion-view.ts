import { eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.ts';
import { formatMoney } from '../../platform/money.ts';
import { commissions } from '../commissions/commissions.tables.ts';
import { orders } from '../orders/orders.tables.ts';
import { riskAssessments } from '../risk/risk.tables.ts';
import type { ConversionResponse } from './conversions.schemas.ts';
import { conversions } from './conversions.tables.ts';

/** The conversion answer for an order, as it stands now. */
export async function loadConversionView(executor: Executor, orderRef: string, deduplicated: boolean): Promise<ConversionResponse> {
  const [row] = await executor
    .select({
      conversion: conversions,
      orderId: orders.orderId,
      commission: { amount: commissions.amount, currency: commissions.currency, status: commissions.status },
      risk: { score: riskAssessments.score, reasons: riskAssessments.reasons, threshold: riskAssessments.threshold },
    })
    .from(conversions)
    .innerJoin(orders, eq(orders.id, conversions.orderRef))
    .leftJoin(commissions, eq(commissions.conversionId, conversions.id))
    .leftJoin(riskAssessments, eq(riskAssessments.conversionId, conversions.id))
    .where(eq(conversions.orderRef, orderRef));
  if (!row) throw new Error(`order ${orderRef} has no conversion`);
  const risk = row.risk ? { score: row.risk.score, reasons: row.risk.reasons, reviewRequired: row.risk.score >= row.risk.threshold } : null;
  return conversionView(row.conversion, row.orderId, row.commission, risk, deduplicated);
}

export type ConversionRisk = ConversionResponse['risk'];

export function conversionView(
  conversion: typeof conversions.$inferSelect,
  orderId: string,
  commission: { amount: bigint; currency: string; status: string } | null,
  risk: ConversionRisk,
  deduplicated: boolean,
): ConversionResponse {
  return {
    conversionId: conversion.id,
    orderId,
    livemode: conversion.livemode,
    attributed: conversion.attributed,
    ...(conversion.unattributedReason ? { unattributedReason: conversion.unattributedReason } : {}),
    affiliateRef: conversion.affiliateId,
    commission: commission ? { amount: formatMoney(commission.amount, commission.currency), currency: commission.currency, status: commission.status } : null,
    risk,
    deduplicated,
  };
}
