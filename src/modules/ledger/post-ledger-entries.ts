import type { Tx } from '../../platform/db/client.ts';
import { newId } from '../../platform/ids.ts';
import type { CommissionRow } from '../commissions/commissions.tables.ts';
import type { LedgerMovement } from './ledger-movements.ts';
import { ledgerEntries } from './ledger.tables.ts';

/** Append the entries for one commission change, in the transaction that makes the change. */
export async function postLedgerEntries(
  tx: Tx,
  commission: Pick<CommissionRow, 'id' | 'affiliateId' | 'merchantId' | 'livemode' | 'currency'>,
  movements: LedgerMovement[],
  source: { commissionEventId: number; payoutId?: string | null },
): Promise<void> {
  if (movements.length === 0) return;
  await tx.insert(ledgerEntries).values(
    movements.map((m) => ({
      id: newId('led'),
      affiliateId: commission.affiliateId,
      merchantId: commission.merchantId,
      livemode: commission.livemode,
      currency: commission.currency,
      account: m.account,
      amount: m.amount,
      kind: m.kind,
      commissionId: commission.id,
      commissionEventId: source.commissionEventId,
      payoutId: source.payoutId ?? null,
    })),
  );
}
