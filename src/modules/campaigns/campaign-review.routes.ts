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
import { merchantBusinessNames } from '../merchants/index.ts';

const adminSession = { principals: ['adminSession'] } as const;
const admin = { tags: ['admin'] };
const errors = errorResponses(400, 404, 409, 422);

/** The admin's side of campaigns: the approval queue and the public listing of any campaign. */
export function registerCampaignReview(app: App, db: Db): void {
  app.get(
    '/api/admin/campaigns/pending',
    {
      config: adminSession,
      schema: {
        ...admin,
        summary: 'Campaigns waiting for approval, oldest first, each with its store’s name',
        querystring: PageQuery,
        response: { 200: Paginated(Type.Intersect([Type.Ref(Campaign), Type.Object({ merchantName: Type.String() })])) },
      },
    },
    async (request) => {
      const page = await listCampaignsAwaitingApproval(db, request.query);
      const names = await merchantBusinessNames(db, [...new Set(page.data.map((c) => c.merchantId))]);
      return { ...page, data: page.data.map((c) => ({ ...c, merchantName: names.get(c.merchantId) ?? '' })) };
    },
  );
  app.post(
    '/api/admin/campaigns/:id/approve',
    {
      config: adminSession,
      schema: { ...admin, summary: 'Approve a campaign that requires approval', params: CampaignParams, response: { 200: Type.Ref(Campaign), ...errors } },
    },
    async (request) => approveCampaign(db, request.params.id, resolveSessionUser(request).userId),
  );
  app.post(
    '/api/admin/campaigns/:id/listing',
    {
      config: adminSession,
      schema: {
        ...admin,
        summary: 'Opt any campaign in or out of the public listing',
        params: CampaignParams,
        body: ListingBody,
        response: { 200: Type.Ref(Campaign), ...errors },
      },
    },
    async (request) => setCampaignListing(db, { merchantId: null }, request.params.id, request.body.public),
  );
}
