import type { Tx } from '../../platform/db/client.ts';
import { newId } from '../../platform/ids.ts';
import { payoutMovements, type PayoutChange } from './payout-movements.ts';
import { ledgerEntries } from './ledger.tables.ts';

/**
 * Append a payout's own entries (reserve, release or post), in the transaction that changes the
 * payout. Payouts are live money only. Returns the entries written, so a payout can point at them.
 */
export async function postPayoutEntries(tx: Tx, payout: { id: string; affiliateId: string; currency: string }, change: PayoutChange) {
  const movements = payoutMovements(change);
  if (movements.length === 0) return [];
  return tx
    .insert(ledgerEntries)
    .values(
      movements.map((m) => ({
        id: newId('led'),
        affiliateId: payout.affiliateId,
        merchantId: null,
        livemode: true,
        currency: payout.currency,
        account: m.account,
        amount: m.amount,
        kind: m.kind,
        commissionId: null,
        payoutId: payout.id,
      })),
    )
    .returning();
}
