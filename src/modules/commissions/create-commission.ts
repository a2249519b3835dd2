import type { Tx } from '../../platform/db/client.ts';
import { newId } from '../../platform/ids.ts';
import { ledgerMovements } from '../ledger/index.ts';
import { postLedgerEntries } from '../ledger/index.ts';
import { emitStatusChanged, insertEvent, type ChangeContext } from './change-commission.ts';
import type { CommissionRecord } from './commission-record.ts';
import type { ComputedCommission } from './compute-commission.ts';
import { commissionLines, commissions } from './commissions.tables.ts';

export interface NewCommission {
  merchantId: string;
  livemode: boolean;
  conversionId: string;
  orderRef: string;
  /** The merchant's order id, for the view and the events. */
  orderId: string;
  affiliateId: string;
  campaignId: string;
  currency: string;
  computed: ComputedCommission;
  riskScore: number;
  reviewRequired: boolean;
}

/** A new PENDING commission with its lines, its first history row, its ledger credit and event. */
export async function createCommission(tx: Tx, input: NewCommission, ctx: ChangeContext): Promise<CommissionRecord> {
  const id = newId('com');
  const [row] = await tx
    .insert(commissions)
    .values({
      id,
      merchantId: input.merchantId,
      livemode: input.livemode,
      conversionId: input.conversionId,
      orderRef: input.orderRef,
      affiliateId: input.affiliateId,
      campaignId: input.campaignId,
      currency: input.currency,
      originalAmount: input.computed.total,
      amount: input.computed.total,
      status: 'pending',
      rateType: input.computed.rate.type,
      rateValue: input.computed.rate.value,
      rateSource: input.computed.rate.source,
      riskScore: input.riskScore,
      reviewStatus: input.reviewRequired ? 'required' : 'not_required',
    })
    .returning();
  if (!row) throw new Error('commission insert returned nothing');
  await tx.insert(commissionLines).values(
    input.computed.lines.map((line, lineNo) => ({
      commissionId: id,
      lineNo,
      sku: line.sku,
      qty: line.qty,
      baseAmount: line.baseAmount,
      rateType: line.rate.type,
      rateValue: line.rate.value,
      rateSource: line.rate.source,
      amount: line.amount,
    })),
  );
  const record: CommissionRecord = { ...row, orderId: input.orderId };
  const eventId = await insertEvent(tx, {
    commissionId: id,
    kind: 'status',
    fromStatus: null,
    toStatus: 'pending',
    amountBefore: null,
    amountAfter: row.amount,
    ...ctx,
  });
  await postLedgerEntries(tx, record, ledgerMovements({ kind: 'created', amount: row.amount }), { commissionEventId: eventId });
  await emitStatusChanged(tx, null, record, ctx);
  return record;
}
