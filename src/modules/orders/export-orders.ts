import type { Db } from '../../platform/db/client.ts';
import { everyRow, type CsvRecord } from '../../platform/http/csv-export.ts';
import { orderPage } from './list-orders.ts';
import type { OrderListFilter, OrderView } from './orders.schemas.ts';

/** One row per order: its money, attribution and commission (items stay in the JSON API). */
export const ORDER_CSV_COLUMNS = [
  'orderId',
  'conversionId',
  'status',
  'amount',
  'refundedAmount',
  'currency',
  'occurredAt',
  'deliveredAt',
  'attributed',
  'unattributedReason',
  'clickId',
  'affiliateRef',
  'commissionId',
  'commissionStatus',
  'commissionAmount',
  'createdAt',
] as const;

const orderRecord = (order: OrderView): CsvRecord => {
  const { items: _items, commission, ...fields } = order;
  return { ...fields, commissionId: commission?.id ?? null, commissionStatus: commission?.status ?? null, commissionAmount: commission?.amount ?? null };
};

/** Every order matching the filter, read a page at a time. */
export async function* orderCsvRecords(db: Db, scope: { merchantId: string; livemode: boolean }, filter: OrderListFilter): AsyncGenerator<CsvRecord> {
  for await (const order of everyRow((window) => orderPage(db, scope, filter, window))) yield orderRecord(order);
}
