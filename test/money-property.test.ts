import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPayoutMethod } from '../src/modules/affiliates/payout-methods.service.ts';
import { issueStatement } from '../src/modules/billing/issue-statement.ts';
import { recordStatementPayment } from '../src/modules/billing/record-statement-payment.ts';
import { statements } from '../src/modules/billing/billing.tables.ts';
import { matureHeldCommissions } from '../src/modules/commissions/mature-held-commissions.ts';
import { loadPlatformDefaults } from '../src/modules/commissions/platform-defaults.ts';
import { findClickInDatabase } from '../src/modules/conversions/click-record.ts';
import { recordConversion } from '../src/modules/conversions/record-conversion.ts';
import { verifyLedger } from '../src/modules/ledger/verify-ledger.ts';
import { applyOrderStatus } from '../src/modules/orders/apply-order-status.ts';
import { REQUESTABLE_ORDER_STATUSES } from '../src/modules/orders/order-status.ts';
import { approvePayout, cancelPayout, rejectPayout } from '../src/modules/payouts/decide-payout.ts';
import { createPayoutBatch } from '../src/modules/payouts/payout-batches.ts';
import { payouts, type PayoutStatus } from '../src/modules/payouts/payouts.tables.ts';
import { requestPayout } from '../src/modules/payouts/request-payout.ts';
import { markPayoutFailed, markPayoutPaid } from '../src/modules/payouts/settle-payout.ts';
import { savePlatformSettings } from '../src/modules/platform-settings/platform-settings.repository.ts';
import { formatMoney } from '../src/platform/money.ts';
import { AppError } from '../src/platform/errors.ts';
import { backend } from './support/database.ts';
import { insertCampaign, insertClick, orderId } from './support/conversion-factories.ts';
import { makeAdmin, makeAffiliate, makeMerchant } from './support/factories.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

const DAY = 86_400_000;
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** Refusals a random history is expected to run into; anything else fails the property. */
const EXPECTED = ['INVALID_TRANSITION', 'REFUND_EXCEEDS_REMAINDER', 'UNPROCESSABLE', 'NOTHING_TO_PAY', 'PAYOUT_BELOW_MINIMUM', 'PAYMENT_EXCEEDS_BALANCE'];

describe(`ledger verify stays clean under random lifecycle, billing and payout histories on ${backend}`, () => {
  it('any interleaving of orders, refunds, maturation, statements, payments, payout requests, reviews, batches, payments and failures', async () => {
    const db = t.platform.db;
    // Small minimum, a fee and withholding: every money path (fees, credits, netting, tax) runs.
    await savePlatformSettings({ minimumPayout: 1n, platformFeePercent: 250, payoutWithholdingPercent: 1500 }, db);
    const m = await makeMerchant(t);
    const adminId = (await makeAdmin(t)).userId;
    const affiliates = [(await makeAffiliate(t)).affiliateId, (await makeAffiliate(t)).affiliateId];
    for (const [i, affiliateId] of affiliates.entries()) {
      await addPayoutMethod(db, t.platform.secrets, affiliateId, { type: 'ESEWA', accountHolderName: 'Asha Gurung', mobileNumber: `981000000${i}` });
    }
    const campaign = await insertCampaign(db, { merchantId: m.merchantId, livemode: true, defaultCommissionType: 'PERCENTAGE', defaultCommissionValue: 1000 });
    const principal = { merchantId: m.merchantId, livemode: true, actor: 'merchant:key_property' };
    const deps = { db, defaults: loadPlatformDefaults(t.config), findClick: findClickInDatabase(db) };
    const orderIds: string[] = [];
    const payoutIn = async (status: PayoutStatus, pick: number) => {
      const rows = await db
        .select({ id: payouts.id })
        .from(payouts)
        .where(sql`${payouts.status} = ${status}`)
        .orderBy(payouts.id);
      return rows.length ? rows[pick % rows.length]!.id : undefined;
    };

    const step = fc.oneof(
      { weight: 4, arbitrary: fc.record({ op: fc.constant('convert' as const), affiliate: fc.nat(1), cents: fc.integer({ min: 100, max: 5_000_000 }) }) },
      {
        weight: 4,
        arbitrary: fc.record({
          op: fc.constant('status' as const),
          order: fc.nat(),
          status: fc.constantFrom(...REQUESTABLE_ORDER_STATUSES),
          partial: fc.boolean(),
        }),
      },
      { weight: 2, arbitrary: fc.record({ op: fc.constant('mature' as const) }) },
      { weight: 2, arbitrary: fc.record({ op: fc.constant('bill' as const), pay: fc.constantFrom('none', 'part', 'full') }) },
      { weight: 3, arbitrary: fc.record({ op: fc.constant('request' as const), affiliate: fc.nat(1) }) },
      {
        weight: 3,
        arbitrary: fc.record({
          op: fc.constantFrom('approve' as const, 'reject' as const, 'cancel' as const, 'paid' as const, 'fail' as const),
          pick: fc.nat(),
        }),
      },
      { weight: 2, arbitrary: fc.record({ op: fc.constant('batch' as const) }) },
    );

    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 8, maxLength: 30 }), async (steps) => {
        for (const s of steps) {
          try {
            switch (s.op) {
              case 'convert': {
                const id = orderId('MP');
                const clickId = await insertClick(db, campaign, affiliates[s.affiliate]!, { clickedAt: new Date(Date.now() - 3_600_000) });
                await recordConversion(deps, principal, { orderId: id, clickId, amount: formatMoney(BigInt(s.cents)), status: 'delivered' });
                orderIds.push(id);
                break;
              }
              case 'status': {
                if (orderIds.length === 0) break;
                const target = orderIds[s.order % orderIds.length]!;
                const refund = s.status === 'refunded' && s.partial ? { refundAmount: '0.50' } : {};
                await applyOrderStatus(db, principal, target, { status: s.status, ...refund, occurredAt: new Date(Date.now() - 20 * DAY).toISOString() }, 14);
                break;
              }
              case 'mature':
                await matureHeldCommissions(db, { now: new Date(Date.now() + 30 * DAY) });
                break;
              case 'bill': {
                const statement = await issueStatement(db, { merchantId: m.merchantId, currency: 'NPR', actor: 'system' });
                const open =
                  statement ??
                  (
                    await db
                      .select()
                      .from(statements)
                      .where(sql`${statements.merchantId} = ${m.merchantId} and ${statements.status} = 'issued'`)
                  )[0];
                if (!open || s.pay === 'none') break;
                const owed = open.total - open.amountPaid;
                const amount = s.pay === 'part' && owed > 1n ? owed / 2n : owed;
                if (amount > 0n)
                  await recordStatementPayment(db, open.id, { amount: formatMoney(amount), reference: `PAY-${open.id}-${open.amountPaid}` }, adminId);
                break;
              }
              case 'request':
                await requestPayout(db, affiliates[s.affiliate]!, {});
                break;
              case 'batch':
                await createPayoutBatch(db, 'ESEWA', { adminUserId: null });
                break;
              case 'approve': {
                const id = await payoutIn('requested', s.pick);
                if (id) await approvePayout(db, id, adminId);
                break;
              }
              case 'reject': {
                const id = (await payoutIn('requested', s.pick)) ?? (await payoutIn('approved', s.pick));
                if (id) await rejectPayout(db, id, 'random rejection', adminId);
                break;
              }
              case 'cancel': {
                const id = await payoutIn('requested', s.pick);
                const [row] = id
                  ? await db
                      .select({ affiliateId: payouts.affiliateId })
                      .from(payouts)
                      .where(sql`${payouts.id} = ${id}`)
                  : [];
                if (id && row) await cancelPayout(db, row.affiliateId, id);
                break;
              }
              case 'paid': {
                const id = await payoutIn('processing', s.pick);
                if (id) await markPayoutPaid(db, id, `REF-${id}`, adminId);
                break;
              }
              case 'fail': {
                const id = await payoutIn('processing', s.pick);
                if (id) await markPayoutFailed(db, id, 'rail refused', adminId);
                break;
              }
            }
          } catch (error) {
            if (!(error instanceof AppError && EXPECTED.includes(error.code))) throw error;
          }
        }
        expect((await verifyLedger(db)).mismatches).toEqual([]);
      }),
      { numRuns: 15 },
    );
    // The histories left payouts in several states (random: which ones varies), so more than one path ran.
    const reached = await db.selectDistinct({ status: payouts.status }).from(payouts);
    expect(reached.length).toBeGreaterThanOrEqual(3);
  }, 600_000);
});
