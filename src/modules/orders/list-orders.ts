import { and, count, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { pageWindow, toPage, type Page } from '../../platform/http/pagination.ts';
import { commissions } from '../commissions/commissions.tables.ts';
import { conversions } from '../conversions/conversions.tables.ts';
import { orderBundleSelection, orderViews } from './order-view.ts';
import type { OrderListQuery, OrderView } from './orders.schemas.ts';
import { orders } from './orders.tables.ts';

/** The merchant's orders in one mode, newest first, with their attribution and commission. */
export async function listOrders(db: Db, scope: { merchantId: string; livemode: boolean }, query: OrderListQuery): Promise<Page<OrderView>> {
  const filters: SQL[] = [eq(orders.merchantId, scope.merchantId), eq(orders.livemode, scope.livemode)];
  if (query.status) filters.push(eq(orders.status, query.status));
  if (query.from) filters.push(gte(orders.occurredAt, new Date(query.from)));
  if (query.to) filters.push(lt(orders.occurredAt, new Date(query.to)));
  if (query.attributed !== undefined) filters.push(eq(conversions.attributed, query.attributed));
  if (query.affiliateId) filters.push(eq(conversions.affiliateId, query.affiliateId));
  if (query.clickId) filters.push(eq(conversions.clickId, query.clickId));
  const where = and(...filters);
  const { limit, offset } = pageWindow(query);
  const rows = await db
    .select(orderBundleSelection)
    .from(orders)
    .innerJoin(conversions, eq(conversions.orderRef, orders.id))
    .leftJoin(commissions, eq(commissions.orderRef, orders.id))
    .where(where)
    .orderBy(desc(orders.occurredAt), desc(orders.id))
    .limit(limit)
    .offset(offset);
  const [total] = await db.select({ total: count() }).from(orders).innerJoin(conversions, eq(conversions.orderRef, orders.id)).where(where);
  return toPage(query, await orderViews(db, rows), total?.total ?? 0);
}
