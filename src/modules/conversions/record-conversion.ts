import type { TenantActor } from '../../platform/auth/resolve-principal.ts';
import { inTransaction, type Db, type Tx } from '../../platform/db/client.ts';
import { notFound } from '../../platform/errors.ts';
import { recordEvent } from '../../platform/events/record-event.ts';
import { validationError } from '../../platform/http/validation.ts';
import { newId } from '../../platform/ids.ts';
import { formatMoney } from '../../platform/money.ts';
import { findCampaign, type CampaignRow } from '../campaigns/index.ts';
import { computeCommission, loadCommissionRules, toCommissionRule, type CommissionRules } from '../commissions/index.ts';
import { createCommission } from '../commissions/index.ts';
import type { PlatformDefaults } from '../commissions/index.ts';
import { startHold } from '../commissions/index.ts';
import { findMerchantCommissionDefault } from '../merchants/index.ts';
import { createOrder } from '../orders/index.ts';
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
  const [merchant, click] = await Promise.all([
    findMerchantCommissionDefault(deps.db, principal.merchantId),
    body.clickId ? deps.findClick(body.clickId) : Promise.resolve(null),
  ]);
  if (!merchant) throw notFound('Merchant');
  const parsed = parseConversionInput(body, merchant.currency, now);
  if (!parsed.ok) throw validationError(parsed.details);
  const input = parsed.value;
  const ownClick = click && click.merchantId === principal.merchantId && click.livemode === principal.livemode ? click : null;
  // Also read up front: the click's campaign and the commission rules (the merchant's is known), so
  // the transaction only writes (and stays short).
  const [campaign, rules] = await Promise.all([
    ownClick ? findCampaign(principal, ownClick.campaignId, deps.db) : Promise.resolve(undefined),
    ownClick
      ? loadCommissionRules(
          deps.db,
          { merchantId: principal.merchantId, livemode: principal.livemode, campaignId: null, skus: input.items.map((item) => item.sku) },
          { merchant: toCommissionRule(merchant.type, merchant.value, merchant.currency) },
        )
      : Promise.resolve(null),
  ]);

  return inTransaction(deps.db, async (tx) => {
    const actor = principal.actor;
    const stored = await createOrder(tx, {
      merchantId: principal.merchantId,
      livemode: principal.livemode,
      orderId: input.orderId,
      status: input.status,
      amount: input.amount,
      currency: input.currency,
      occurredAt: input.occurredAt,
      items: input.items,
      actor,
    });
    // Reported before: answered with the first report's conversion.
    if (!stored.created) return { response: await loadConversionView(tx, stored.id, true), created: false };
    const { order } = stored;

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
      attributedClick && campaign && rules
        ? await commissionFor(tx, deps.defaults, {
            merchantId: principal.merchantId,
            campaign,
            rules,
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

async function commissionFor(
  tx: Tx,
  defaults: PlatformDefaults,
  ctx: {
    merchantId: string;
    campaign: CampaignRow;
    rules: CommissionRules;
    click: NonNullable<Awaited<ReturnType<FindClick>>>;
    input: ConversionInput;
    orderRef: string;
    conversionId: string;
    actor: string;
  },
) {
  const { campaign, rules, input } = ctx;
  const computed = computeCommission({
    currency: input.currency,
    orderAmount: input.amount,
    lines: input.items.map((item) => ({ ...item, productRate: rules.products.get(item.sku)?.rule ?? null })),
    campaignRate: toCommissionRule(campaign.defaultCommissionType, campaign.defaultCommissionValue, campaign.currency),
    merchantRate: rules.merchant,
    platformRate: rules.platform,
  });
  const risk = await assessConversionRisk(tx, {
    conversionId: ctx.conversionId,
    orderRef: ctx.orderRef,
    merchantId: ctx.merchantId,
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
      merchantId: ctx.merchantId,
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
