import { Type } from '@sinclair/typebox';
import { resolveSessionUser } from '../../platform/auth/resolve-principal.ts';
import type { Db } from '../../platform/db/client.ts';
import { Paginated, PageQuery } from '../../platform/http/pagination.ts';
import { errorResponses } from '../../platform/http/schemas.ts';
import type { App } from '../../platform/module.ts';
import { approveCampaign } from './approve-campaign.ts';
import { Campaign, CampaignParams, ListingBody } from './campaigns.schemas.ts';
import { listCampaignsAwaitingApproval } from './list-campaigns.ts';
import { setCampaignListing } from './set-campaign-listing.ts';

const adminSession = { principals: ['adminSession'] } as const;
const admin = { tags: ['admin'] };
const errors = errorResponses(400, 404, 409, 422);

/** The admin's side of campaigns: the approval queue and the public listing of any campaign. */
export function registerCampaignReview(app: App, db: Db): void {
  app.get(
    '/api/admin/campaigns/pending',
    { config: adminSession, schema: { ...admin, summary: 'Campaigns waiting for approval, oldest first', querystring: PageQuery, response: { 200: Paginated(Type.Ref(Campaign)) } } },
    async (request) => listCampaignsAwaitingApproval(db, request.query),
  );
  app.post(
    '/api/admin/campaigns/:id/approve',
    { config: adminSession, schema: { ...admin, summary: 'Approve a campaign that requires approval', params: CampaignParams, response: { 200: Type.Ref(Campaign), ...errors } } },
    async (request) => approveCampaign(db, request.params.id, resolveSessionUser(request).userId),
  );
  app.post(
    '/api/admin/campaigns/:id/listing',
    { config: adminSession, schema: { ...admin, summary: 'Opt any campaign in or out of the public listing', params: CampaignParams, body: ListingBody, response: { 200: Type.Ref(Campaign), ...errors } } },
    async (request) => setCampaignListing(db, { merchantId: null }, request.params.id, request.body.public),
  );
}
