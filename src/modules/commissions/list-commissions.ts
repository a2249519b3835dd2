import { and, count, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { pageWindow, toPage, type Page } from '../../platform/http/pagination.ts';
import { orders } from '../orders/orders.tables.ts';
import { commissionView } from './commission-record.ts';
import type { CommissionListFilter, CommissionListQuery, CommissionView } from './commissions.schemas.ts';
import { commissions } from './commissions.tables.ts';

type Scope = { merchantId: string; livemode: boolean } | { affiliateId: string };

function listFilter(scope: Scope, query: CommissionListFilter): SQL | undefined {
  const filters: SQL[] =
    'merchantId' in scope
      ? [eq(commissions.merchantId, scope.merchantId), eq(commissions.livemode, scope.livemode)]
      : [eq(commissions.affiliateId, scope.affiliateId), eq(commissions.livemode, true)];
  if (query.status) filters.push(eq(commissions.status, query.status));
  if (query.affiliateId) filters.push(eq(commissions.affiliateId, query.affiliateId));
  if (query.orderId) filters.push(eq(orders.orderId, query.orderId));
  if (query.from) filters.push(gte(commissions.createdAt, new Date(query.from)));
  if (query.to) filters.push(lt(commissions.createdAt, new Date(query.to)));
  return and(...filters);
}

/** One window of the commissions matching the filter, newest first. */
export async function commissionPage(db: Db, scope: Scope, query: CommissionListFilter, window: { limit: number; offset: number }): Promise<CommissionView[]> {
  const rows = await db
    .select({ commission: commissions, orderId: orders.orderId })
    .from(commissions)
    .innerJoin(orders, eq(orders.id, commissions.orderRef))
    .where(listFilter(scope, query))
    .orderBy(desc(commissions.createdAt), desc(commissions.id))
    .limit(window.limit)
    .offset(window.offset);
  return rows.map((row) => commissionView({ ...row.commission, orderId: row.orderId }));
}

/** A merchant's commissions in one mode, or an affiliate's live commissions, newest first. */
export async function listCommissions(db: Db, scope: Scope, query: CommissionListQuery): Promise<Page<CommissionView>> {
  const [data, [total]] = await Promise.all([
    commissionPage(db, scope, query, pageWindow(query)),
    db.select({ total: count() }).from(commissions).innerJoin(orders, eq(orders.id, commissions.orderRef)).where(listFilter(scope, query)),
  ]);
  return toPage(query, data, total?.total ?? 0);
}
