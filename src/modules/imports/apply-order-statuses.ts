import { and, count, eq } from 'drizzle-orm';
import type { Db, Tx } from '../../platform/db/client.ts';
import { compileValidator } from '../../platform/http/validation.ts';
import { parseMoney } from '../../platform/money.ts';
import type { TenantActor } from '../../platform/auth/resolve-principal.ts';
import { applyOrderStatus } from '../orders/index.ts';
import { OrderStatusBody } from '../orders/index.ts';
import { orderEvents, orders } from '../orders/orders.tables.ts';
import { failed, inSavepoint, rowErrors, type ApplyBatch, type RecordResult, type StagedRecord } from './import-batch.ts';

const validateStatus = compileValidator<OrderStatusBody>(OrderStatusBody);

const eventCount = async (tx: Tx, orderRef: string) => (await tx.select({ n: count() }).from(orderEvents).where(eq(orderEvents.orderId, orderRef)))[0]?.n ?? 0;

/**
 * Already applied: a full refund of a fully refunded order, or a refund with the same amount and
 * occurredAt as one on record. Other repeats are no-ops of the state machine itself.
 */
async function alreadyApplied(tx: Tx, order: typeof orders.$inferSelect, body: OrderStatusBody): Promise<boolean> {
  if (body.status !== 'refunded') return false;
  if (body.refundAmount === undefined) return order.status === 'refunded';
  if (body.occurredAt === undefined) return false;
  const amount = parseMoney(body.refundAmount, order.currency);
  if (!amount.ok) return false;
  const [event] = await tx
    .select({ id: orderEvents.id })
    .from(orderEvents)
    .where(and(eq(orderEvents.orderId, order.id), eq(orderEvents.refundAmount, amount.value), eq(orderEvents.occurredAt, new Date(body.occurredAt))));
  return event !== undefined;
}

async function applyOne(tx: Tx, tenant: TenantActor, record: StagedRecord, holdDays: number): Promise<RecordResult> {
  if (record.readErrors) return failed([record], () => record.readErrors!)[0]!;
  const body: Record<string, string> = {};
  for (const field of ['status', 'refundAmount', 'occurredAt'] as const) if (record.values[field]) body[field] = record.values[field];
  const shape = validateStatus(body);
  if (!shape.ok)
    return failed([record], () =>
      shape.details.map((d) => ({ column: d.field === '(root)' ? '' : (d.field ?? ''), code: d.code ?? 'VALIDATION_FAILED', message: d.message })),
    )[0]!;
  const orderId = record.values.orderId ?? '';
  if (orderId === '') return failed([record], () => [{ column: 'orderId', code: 'REQUIRED', message: 'is required' }])[0]!;
  const outcome = await inSavepoint(tx, async (sp) => {
    const [order] = await sp
      .select()
      .from(orders)
      .where(and(eq(orders.merchantId, tenant.merchantId), eq(orders.livemode, tenant.livemode), eq(orders.orderId, orderId)));
    if (order && (await alreadyApplied(sp, order, shape.value))) return 'deduplicated' as const;
    const before = order ? await eventCount(sp, order.id) : 0;
    await applyOrderStatus(sp as unknown as Db, tenant, orderId, shape.value, holdDays);
    return order && (await eventCount(sp, order.id)) === before ? ('deduplicated' as const) : ('succeeded' as const);
  });
  if (outcome.ok) return { seq: record.seq, outcome: outcome.value, errors: null };
  const columnOf = (field: string) => (field === 'amount' ? 'refundAmount' : field);
  const errors =
    outcome.error.code === 'NOT_FOUND'
      ? [{ column: 'orderId', code: 'NOT_FOUND', message: `no order ${orderId} in this mode` }]
      : rowErrors(outcome.error, columnOf);
  return { seq: record.seq, outcome: 'failed', errors };
}

/** Status rows go through PATCH /api/v1/orders/{orderId}'s own code, one after another in file order per order. */
export function applyOrderStatuses(holdDays: number): ApplyBatch {
  return async (tx, tenant, groups) => {
    const results: RecordResult[] = [];
    for (const records of groups) for (const record of records) results.push(await applyOne(tx, tenant, record, holdDays));
    return results;
  };
}
