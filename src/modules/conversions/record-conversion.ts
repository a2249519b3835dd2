import { and, eq, inArray } from 'drizzle-orm';
import type { TenantActor } from '../../platform/auth/resolve-principal.ts';
import { inTransaction, type Db, type Executor, type Tx } from '../../platform/db/client.ts';
import { notFound } from '../../platform/errors.ts';
import { recordEvent } from '../../platform/events/record-event.ts';
import { validationError } from '../../platform/http/validation.ts';
import { newId } from '../../platform/ids.ts';
import { formatMoney } from '../../platform/money.ts';
import { campaigns } from '../campaigns/campaigns.tables.ts';
import { computeCommission, type Rate } from '../commissions/index.ts';
import { getPlatformSettings } from '../platform-settings/index.ts';
import { createCommission } from '../commissions/index.ts';
import type { PlatformDefaults } from '../commissions/index.ts';
import { startHold } from '../commissions/index.ts';
import { merchants, type MerchantRow } from '../merchants/merchants.tables.ts';
import { orderEvents, orderItems, orders } from '../orders/orders.tables.ts';
import { products } from '../products/products.tables.ts';
import { assessConversionRisk } from '../risk/index.ts';
import { attributeConversion } from './attribute-conversion.ts';
import type { FindClick } from './click-record.ts';
import { parseConversionInput, type ConversionInput } from './conversion-input.ts';
import { conversionView, loadConversionView } from './conversion-view.ts';
import type { ConversionBody, ConversionResponse } from './conversions.schemas.ts';
import { conversions } from './conversions.tables.ts';

export interface ConversionDeps {
  db: Db;
  defaults: PlatformDefaults;
  findClick: FindClick;
}

const rateOf = (type: 'PERCENTAGE' | 'FIXED' | null, value: number | null, currency: string): Rate | null =>
  type && value !== null ? { type, value, currency } : null;

/**
 * Record a reported order (SPEC §2, §3): store it whatever happens, attribute it to a click, and
 * create its PENDING commission. The same order reported again — by a retry, another key or another
 * server process — is found by the unique (merchant, mode, orderId) key and answered with the first
 * conversion, `deduplicated: true`.
 */
export async function recordConversion(
  deps: ConversionDeps,
  principal: TenantActor,
  body: ConversionBody,
  now = new Date(),
): Promise<{ response: ConversionResponse; created: boolean }> {
  // Both read before the transaction (in parallel): the click lookup may consult clicks not yet
  // written to the table.
  const [[merchant], click] = await Promise.all([
    deps.db.select().from(merchants).where(eq(merchants.id, principal.merchantId)),
    body.clickId ? deps.findClick(body.clickId) : Promise.resolve(null),
  ]);
  if (!merchant) throw notFound('Merchant');
  const parsed = parseConversionInput(body, merchant.currency, now);
  if (!parsed.ok) throw validationError(parsed.details);
  const input = parsed.value;
  const ownClick = click && click.merchantId === principal.merchantId && click.livemode === principal.livemode ? click : null;
  // Also read up front: the click's campaign and the catalog rows of the SKUs, so the transaction
  // only writes (and stays short).
  const [[campaign], catalog] = await Promise.all([
    ownClick
      ? deps.db
          .select()
          .from(campaigns)
          .where(and(eq(campaigns.id, ownClick.campaignId), eq(campaigns.merchantId, principal.merchantId), eq(campaigns.livemode, principal.livemode)))
      : Promise.resolve([]),
    ownClick ? catalogRates(deps.db, principal.merchantId, principal.livemode, input) : Promise.resolve(new Map<string, Rate | null>()),
  ]);

  return inTransaction(deps.db, async (tx) => {
    const [order] = await tx
      .insert(orders)
      .values({
        id: newId('ord'),
        merchantId: principal.merchantId,
        livemode: principal.livemode,
        orderId: input.orderId,
        status: input.status,
        fulfilmentStatus: input.status,
        amount: input.amount,
        currency: input.currency,
        occurredAt: input.occurredAt,
        deliveredAt: input.status === 'delivered' ? input.occurredAt : null,
      })
      .onConflictDoNothing({ target: [orders.merchantId, orders.livemode, orders.orderId] })
      .returning();
    if (!order) {
      // Reported before. On PostgreSQL the insert above waited for the first report to commit.
      const [existing] = await tx
        .select({ id: orders.id })
        .from(orders)
        .where(and(eq(orders.merchantId, principal.merchantId), eq(orders.livemode, principal.livemode), eq(orders.orderId, input.orderId)));
      if (!existing) throw new Error('order vanished after a conflicting insert');
      return { response: await loadConversionView(tx, existing.id, true), created: false };
    }
    if (input.items.length > 0) {
      await tx
        .insert(orderItems)
        .values(input.items.map((item, lineNo) => ({ orderId: order.id, lineNo, sku: item.sku, qty: item.qty, unitPrice: item.unitPrice })));
    }
    const actor = principal.actor;
    await tx.insert(orderEvents).values({ orderId: order.id, fromStatus: null, toStatus: input.status, occurredAt: input.occurredAt, actor });

    const attribution = attributeConversion({
      merchantId: principal.merchantId,
      livemode: principal.livemode,
      clickId: input.clickId,
      click: ownClick,
      campaign: campaign ?? null,
      occurredAt: input.occurredAt,
      lastClickWindowMinutes: deps.defaults.lastClickWindowMinutes,
    });
    const attributedClick = attribution.attributed ? attribution.click : null;
    const [conversion] = await tx
      .insert(conversions)
      .values({
        id: newId('cv'),
        merchantId: principal.merchantId,
        livemode: principal.livemode,
        orderRef: order.id,
        clickId: input.clickId,
        attributed: attribution.attributed,
        unattributedReason: attribution.attributed ? null : attribution.reason,
        affiliateId: attributedClick?.affiliateId ?? null,
        linkId: attributedClick?.linkId ?? null,
        campaignId: attributedClick?.campaignId ?? null,
        productId: attributedClick?.productId ?? null,
        subId: attributedClick?.subIds.sub1 ?? null,
        clickedAt: attributedClick?.clickedAt ?? null,
        occurredAt: input.occurredAt,
      })
      .returning();
    if (!conversion) throw new Error('conversion insert returned nothing');

    const earned =
      attributedClick && campaign
        ? await commissionFor(tx, deps.defaults, {
            merchant,
            campaign,
            catalog,
            click: attributedClick,
            input,
            orderRef: order.id,
            conversionId: conversion.id,
            actor,
          })
        : null;
    const response = conversionView(conversion, order.orderId, earned?.commission ?? null, earned?.risk ?? null, false);
    await recordEvent(tx, {
      type: attribution.attributed ? 'conversion.attributed' : 'conversion.unattributed',
      merchantId: principal.merchantId,
      livemode: principal.livemode,
      data: {
        ...response,
        clickId: input.clickId,
        campaignId: conversion.campaignId,
        amount: formatMoney(input.amount, input.currency),
        currency: input.currency,
        occurredAt: input.occurredAt.toISOString(),
      },
    });
    return { response, created: true };
  });
}

/** The commission rate of each reported SKU that is in the catalog (null when the product sets none). */
async function catalogRates(db: Db, merchantId: string, livemode: boolean, input: ConversionInput): Promise<Map<string, Rate | null>> {
  const skus = [...new Set(input.items.map((item) => item.sku))];
  if (skus.length === 0) return new Map();
  const rows = await db
    .select({ sku: products.externalProductId, type: products.commissionType, value: products.commissionValue, currency: products.currency })
    .from(products)
    .where(and(eq(products.merchantId, merchantId), eq(products.livemode, livemode), inArray(products.externalProductId, skus)));
  return new Map(rows.map((p) => [p.sku, rateOf(p.type, p.value, p.currency)]));
}

async function platformCommissionRule(executor: Executor): Promise<Rate> {
  const settings = await getPlatformSettings(executor);
  return { type: settings.defaultCommissionType, value: settings.defaultCommissionValue, currency: settings.currency };
}

async function commissionFor(
  tx: Tx,
  defaults: PlatformDefaults,
  ctx: {
    merchant: MerchantRow;
    campaign: typeof campaigns.$inferSelect;
    catalog: Map<string, Rate | null>;
    click: NonNullable<Awaited<ReturnType<FindClick>>>;
    input: ConversionInput;
    orderRef: string;
    conversionId: string;
    actor: string;
  },
) {
  const { merchant, campaign, input } = ctx;
  const computed = computeCommission({
    currency: input.currency,
    orderAmount: input.amount,
    lines: input.items.map((item) => ({ ...item, productRate: ctx.catalog.get(item.sku) ?? null })),
    campaignRate: rateOf(campaign.defaultCommissionType, campaign.defaultCommissionValue, campaign.currency),
    merchantRate: rateOf(merchant.defaultCommissionType, merchant.defaultCommissionValue, merchant.currency),
    platformRate: await platformCommissionRule(tx),
  });
  const risk = await assessConversionRisk(tx, {
    conversionId: ctx.conversionId,
    orderRef: ctx.orderRef,
    merchantId: merchant.id,
    livemode: campaign.livemode,
    click: ctx.click,
    occurredAt: input.occurredAt,
    amount: input.amount,
    currency: input.currency,
    threshold: defaults.riskReviewThreshold,
  });
  let commission = await createCommission(
    tx,
    {
      merchantId: merchant.id,
      livemode: campaign.livemode,
      conversionId: ctx.conversionId,
      orderRef: ctx.orderRef,
      orderId: input.orderId,
      affiliateId: ctx.click.affiliateId,
      campaignId: campaign.id,
      currency: input.currency,
      computed,
      riskScore: risk.score,
      reviewRequired: risk.reviewRequired,
    },
    { actor: ctx.actor, reason: 'order_reported' },
  );
  if (input.status === 'delivered') {
    commission = await startHold(tx, commission, input.occurredAt, defaults.holdDays, { actor: ctx.actor, reason: 'order_delivered' });
  }
  return { commission, risk: { score: risk.score, reasons: risk.reasons, reviewRequired: risk.reviewRequired } };
}
