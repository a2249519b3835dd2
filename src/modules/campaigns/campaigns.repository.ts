import { and, count, desc, eq, gt, isNull, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.ts';
import { notFound } from '../../platform/errors.ts';
import { pageWindow, type PageQuery } from '../../platform/http/pagination.ts';
import type { CampaignColumns } from './campaign-input.ts';
import { campaigns, type CampaignRow, type CampaignStatus } from './campaigns.tables.ts';
import { isUuid } from '../../platform/ids.ts';
import type { Tenant } from '../../platform/tenant.ts';

export type { Tenant };

const ownedBy = (tenant: Tenant) => and(eq(campaigns.merchantId, tenant.merchantId), eq(campaigns.livemode, tenant.livemode));

/** Insert a campaign; null when its campaignCode is taken (the caller picks another code). */
export async function insertCampaign(values: typeof campaigns.$inferInsert, executor: Executor): Promise<CampaignRow | null> {
  const [row] = await executor.insert(campaigns).values(values).onConflictDoNothing({ target: campaigns.campaignCode }).returning();
  return row ?? null;
}

/** One of the tenant's campaigns, or undefined: another merchant's or mode's campaign is not theirs. */
export async function findCampaign(tenant: Tenant, id: string, executor: Executor, options: { forUpdate?: boolean } = {}): Promise<CampaignRow | undefined> {
  if (!isUuid(id)) return undefined;
  const query = executor
    .select()
    .from(campaigns)
    .where(and(ownedBy(tenant), eq(campaigns.id, id)));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row;
}

/** One of the tenant's campaigns; another merchant's or mode's campaign is simply not found. */
export async function getCampaignOrThrow(tenant: Tenant, id: string, executor: Executor, options: { forUpdate?: boolean } = {}): Promise<CampaignRow> {
  const row = await findCampaign(tenant, id, executor, options);
  if (!row) throw notFound('Campaign');
  return row;
}

/** Any merchant's campaign (admin and session routes check ownership themselves). */
export async function getAnyCampaignOrThrow(id: string, executor: Executor, options: { forUpdate?: boolean } = {}): Promise<CampaignRow> {
  if (!isUuid(id)) throw notFound('Campaign');
  const query = executor.select().from(campaigns).where(eq(campaigns.id, id));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound('Campaign');
  return row;
}

/** The stored-column condition for a status as the API reads it (EXPIRED is derived from endDate). */
export function readStatusCondition(status: CampaignStatus, now: Date): SQL | undefined {
  const notExpired = or(isNull(campaigns.endDate), gt(campaigns.endDate, now));
  if (status === 'ARCHIVED') return eq(campaigns.status, 'ARCHIVED');
  if (status === 'EXPIRED') return and(ne(campaigns.status, 'ARCHIVED'), lte(campaigns.endDate, now));
  return and(eq(campaigns.status, status), notExpired);
}

export async function listCampaigns(
  tenant: Tenant,
  query: PageQuery & { status?: CampaignStatus | undefined },
  now: Date,
  executor: Executor,
): Promise<{ rows: CampaignRow[]; total: number }> {
  const where = and(ownedBy(tenant), query.status ? readStatusCondition(query.status, now) : undefined);
  const { limit, offset } = pageWindow(query);
  const [rows, [totals]] = await Promise.all([
    executor.select().from(campaigns).where(where).orderBy(desc(campaigns.createdAt), desc(campaigns.id)).limit(limit).offset(offset),
    executor.select({ total: count() }).from(campaigns).where(where),
  ]);
  return { rows, total: totals?.total ?? 0 };
}

export async function updateCampaign(id: string, values: CampaignColumns, executor: Executor): Promise<CampaignRow> {
  const [row] = await executor
    .update(campaigns)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(campaigns.id, id))
    .returning();
  if (!row) throw notFound('Campaign');
  return row;
}

/** Campaigns that need an admin's approval and have not had it, oldest first. */
export async function listCampaignRowsAwaitingApproval(query: PageQuery, executor: Executor): Promise<{ rows: CampaignRow[]; total: number }> {
  const where = and(eq(campaigns.approvalRequired, true), isNull(campaigns.approvedAt), ne(campaigns.status, 'ARCHIVED'));
  const { limit, offset } = pageWindow(query);
  const [rows, [totals]] = await Promise.all([
    executor.select().from(campaigns).where(where).orderBy(campaigns.createdAt, campaigns.id).limit(limit).offset(offset),
    executor.select({ total: count() }).from(campaigns).where(where),
  ]);
  return { rows, total: totals?.total ?? 0 };
}
