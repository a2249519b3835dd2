import { and, count, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { pageWindow, toPage, type Page } from '../../platform/http/pagination.ts';
import { orders } from '../orders/orders.tables.ts';
import { commissionView } from './commission-record.ts';
import type { CommissionListQuery, CommissionView } from './commissions.schemas.ts';
import { commissions } from './commissions.tables.ts';

/** A merchant's commissions in one mode, or an affiliate's live commissions, newest first. */
export async function listCommissions(db: Db, scope: { merchantId: string; livemode: boolean } | { affiliateId: string }, query: CommissionListQuery): Promise<Page<CommissionView>> {
  const filters: SQL[] =
    'merchantId' in scope
      ? [eq(commissions.merchantId, scope.merchantId), eq(commissions.livemode, scope.livemode)]
      : [eq(commissions.affiliateId, scope.affiliateId), eq(commissions.livemode, true)];
  if (query.status) filters.push(eq(commissions.status, query.status));
  if (query.affiliateId) filters.push(eq(commissions.affiliateId, query.affiliateId));
  if (query.orderId) filters.push(eq(orders.orderId, query.orderId));
  if (query.from) filters.push(gte(commissions.createdAt, new Date(query.from)));
  if (query.to) filters.push(lt(commissions.createdAt, new Date(query.to)));
  const where = and(...filters);
  const { limit, offset } = pageWindow(query);
  const rows = await db
    .select({ commission: commissions, orderId: orders.orderId })
    .from(commissions)
    .innerJoin(orders, eq(orders.id, commissions.orderRef))
    .where(where)
    .orderBy(desc(commissions.createdAt), desc(commissions.id))
    .limit(limit)
    .offset(offset);
  const [total] = await db.select({ total: count() }).from(commissions).innerJoin(orders, eq(orders.id, commissions.orderRef)).where(where);
  return toPage(
    query,
    rows.map((row) => commissionView({ ...row.commission, orderId: row.orderId })),
    total?.total ?? 0,
  );
}
