import { sql } from 'drizzle-orm';
import { inTransaction, queryRows, type Db } from '../../platform/db/client.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { formatMoney, percentageOf } from '../../platform/money.ts';
import { findActivePayoutMethod, lockAffiliate } from '../affiliates/index.ts';
import { postPayoutEntries } from '../ledger/index.ts';
import { getPlatformSettings } from '../platform-settings/index.ts';
import { payoutItems, payouts, type PayoutRow } from './payouts.tables.ts';

export interface PayoutRequestInput {
  currency?: string | undefined;
  payoutMethodId?: string | undefined;
}

/**
 * The affiliate withdraws the whole payable balance of one currency: every payable commission not
 * in a live payout, minus every clawback not yet netted. The money moves payable → processing at
 * once. One affiliate's requests are serialised on their row, and the partial unique indexes on
 * payout items refuse anything carried by two live payouts, so concurrent requests (also from
 * several server processes) never reserve the same money twice.
 */
export async function requestPayout(db: Db, affiliateId: string, input: PayoutRequestInput): Promise<PayoutRow & { commissionCount: number }> {
  return inTransaction(db, async (tx) => {
    if (!(await lockAffiliate(tx, affiliateId))) throw notFound('Affiliate');
    const settings = await getPlatformSettings(tx);
    const currency = input.currency ?? settings.currency;

    const method = await findActivePayoutMethod(tx, affiliateId, input.payoutMethodId);
    if (!method) {
      if (input.payoutMethodId) throw notFound('Payout method');
      throw new AppError('NO_PAYOUT_METHOD', 'Add a payout method before requesting a payout', [
        { field: 'payoutMethodId', code: 'NO_PAYOUT_METHOD', message: 'no payout method' },
      ]);
    }

    const commissions = await queryRows<{ id: string; amount: string; merchant_id: string }>(
      tx,
      sql`select c.id, c.amount::text as amount, c.merchant_id from commissions c
          where c.affiliate_id = ${affiliateId} and c.livemode and c.status = 'payable' and c.currency = ${currency}
            and not exists (select 1 from payout_items i where i.commission_id = c.id and not i.released)
          order by c.id`,
    );
    const clawbacks = await queryRows<{ id: string; amount: string; merchant_id: string | null }>(
      tx,
      sql`select e.id, (-e.amount)::text as amount, e.merchant_id from ledger_entries e
          where e.affiliate_id = ${affiliateId} and e.livemode and e.currency = ${currency} and e.account = 'payable' and e.kind = 'clawback'
            and not exists (select 1 from payout_items i where i.clawback_entry_id = e.id and not i.released)
          order by e.seq`,
    );
    const amount = commissions.reduce((s, c) => s + BigInt(c.amount), 0n) - clawbacks.reduce((s, c) => s + BigInt(c.amount), 0n);
    if (amount < settings.minimumPayout || amount <= 0n) {
      const balance = formatMoney(amount, currency);
      const minimum = formatMoney(settings.minimumPayout, currency);
      throw new AppError('PAYOUT_BELOW_MINIMUM', `Your payable balance of ${balance} ${currency} is below the minimum payout of ${minimum}`, [
        { field: 'currency', code: 'PAYOUT_BELOW_MINIMUM', message: `balance ${balance}, minimum ${minimum}`, balance, minimum },
      ]);
    }

    const withheld = percentageOf(amount, settings.payoutWithholdingPercent);
    const [payout] = await tx
      .insert(payouts)
      .values({
        id: newId('po'),
        affiliateId,
        currency,
        amount,
        withholdingPercent: settings.payoutWithholdingPercent,
        withheldAmount: withheld,
        netAmount: amount - withheld,
        payoutMethodId: method.id,
        method: method.type,
        status: 'requested',
      })
      .returning();
    if (!payout) throw new Error('payout insert returned nothing');
    let itemNo = 0;
    const items: (typeof payoutItems.$inferInsert)[] = [
      ...commissions.map((c) => ({
        payoutId: payout.id,
        itemNo: ++itemNo,
        kind: 'commission' as const,
        commissionId: c.id,
        merchantId: c.merchant_id,
        amount: BigInt(c.amount),
      })),
      ...clawbacks.map((c) => ({
        payoutId: payout.id,
        itemNo: ++itemNo,
        kind: 'clawback' as const,
        clawbackEntryId: c.id,
        merchantId: c.merchant_id,
        amount: BigInt(c.amount),
      })),
    ];
    for (let i = 0; i < items.length; i += 1000) await tx.insert(payoutItems).values(items.slice(i, i + 1000));
    await postPayoutEntries(tx, payout, { kind: 'reserve', amount });
    return { ...payout, commissionCount: commissions.length };
  });
}
