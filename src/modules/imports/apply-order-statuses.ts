import type { Tx } from '../../platform/db/client.ts';
import { compileValidator } from '../../platform/http/validation.ts';
import type { TenantActor } from '../../platform/auth/resolve-principal.ts';
import { changeOrderStatus } from '../orders/index.ts';
import { OrderStatusBody } from '../orders/index.ts';
import { failed, inSavepoint, rowErrors, type ApplyBatch, type RecordResult, type StagedRecord } from './import-batch.ts';

const validateStatus = compileValidator<OrderStatusBody>(OrderStatusBody);

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
    const { changed } = await changeOrderStatus(sp, tenant, orderId, shape.value, holdDays, { skipRepeatedRefund: true });
    return changed ? ('succeeded' as const) : ('deduplicated' as const);
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
