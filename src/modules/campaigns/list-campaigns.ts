import type { Db } from '../../platform/db/client.ts';
import { toPage, type Page } from '../../platform/http/pagination.ts';
import { toCampaignView } from './campaign-view.ts';
import type { PageQuery } from '../../platform/http/pagination.ts';
import { getCampaignOrThrow, listCampaignRowsAwaitingApproval, listCampaigns as listCampaignRows, type Tenant } from './campaigns.repository.ts';
import type { CampaignListQuery, CampaignView } from './campaigns.schemas.ts';

export async function listCampaigns(db: Db, tenant: Tenant, query: CampaignListQuery): Promise<Page<CampaignView>> {
  const now = new Date();
  const { rows, total } = await listCampaignRows(tenant, query, now, db);
  return toPage(
    query,
    rows.map((row) => toCampaignView(row, now)),
    total,
  );
}

export async function getCampaign(db: Db, tenant: Tenant, id: string): Promise<CampaignView> {
  return toCampaignView(await getCampaignOrThrow(tenant, id, db));
}

/** The admin's approval queue: campaigns that require approval and lack it, oldest first. */
export async function listCampaignsAwaitingApproval(db: Db, query: PageQuery): Promise<Page<CampaignView>> {
  const now = new Date();
  const { rows, total } = await listCampaignRowsAwaitingApproval(query, db);
  return toPage(
    query,
    rows.map((row) => toCampaignView(row, now)),
    total,
  );
}
