import { and, count, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { pageWindow, toPage, type Page } from '../../platform/http/pagination.ts';
import { commissionColumns } from '../commissions/index.ts';
import { conversionColumns } from '../conversions/index.ts';
import { orderBundleSelection, orderViews } from './order-view.ts';
import type { OrderListFilter, OrderListQuery, OrderView } from './orders.schemas.ts';
import { orders } from './orders.tables.ts';

type Scope = { merchantId: string; livemode: boolean };

function listFilter(scope: Scope, query: OrderListFilter): SQL | undefined {
  const filters: SQL[] = [eq(orders.merchantId, scope.merchantId), eq(orders.livemode, scope.livemode)];
  if (query.status) filters.push(eq(orders.status, query.status));
  if (query.from) filters.push(gte(orders.occurredAt, new Date(query.from)));
  if (query.to) filters.push(lt(orders.occurredAt, new Date(query.to)));
  if (query.attributed !== undefined) filters.push(eq(conversionColumns.attributed, query.attributed));
  if (query.affiliateId) filters.push(eq(conversionColumns.affiliateId, query.affiliateId));
  if (query.clickId) filters.push(eq(conversionColumns.clickId, query.clickId));
  return and(...filters);
}

/** One window of the merchant's orders matching the filter, newest first, with their attribution and commission. */
export async function orderPage(db: Db, scope: Scope, query: OrderListFilter, window: { limit: number; offset: number }): Promise<OrderView[]> {
  const rows = await db
    .select(orderBundleSelection())
    .from(orders)
    .innerJoin(conversionColumns, eq(conversionColumns.orderRef, orders.id))
    .leftJoin(commissionColumns, eq(commissionColumns.orderRef, orders.id))
    .where(listFilter(scope, query))
    .orderBy(desc(orders.occurredAt), desc(orders.id))
    .limit(window.limit)
    .offset(window.offset);
  return orderViews(db, rows);
}

/** The merchant's orders in one mode, newest first, with their attribution and commission. */
export async function listOrders(db: Db, scope: Scope, query: OrderListQuery): Promise<Page<OrderView>> {
  const [data, [total]] = await Promise.all([
    orderPage(db, scope, query, pageWindow(query)),
    db.select({ total: count() }).from(orders).innerJoin(conversionColumns, eq(conversionColumns.orderRef, orders.id)).where(listFilter(scope, query)),
  ]);
  return toPage(query, data, total?.total ?? 0);
}
