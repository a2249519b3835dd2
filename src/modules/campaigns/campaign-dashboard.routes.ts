import { Type } from '@sinclair/typebox';
import type { ModuleRegister } from '../../app.ts';
import { Paginated, PageQuery } from '../../platform/http/pagination.ts';
import { errorResponses } from '../../platform/http/schemas.ts';
import { activateCampaign } from './activate-campaign.ts';
import { approveCampaign } from './approve-campaign.ts';
import { Campaign, CampaignListQuery, CampaignParams, CreateCampaignBody, ListingBody, PublicCampaign, PublicCampaignQuery, UpdateCampaignBody } from './campaigns.schemas.ts';
import { createCampaign } from './create-campaign.ts';
import { getCampaign, listCampaigns, listCampaignsAwaitingApproval, tenantOfCampaign } from './list-campaigns.ts';
import { listPublicCampaigns } from './list-public-campaigns.ts';
import { pauseCampaign } from './pause-campaign.ts';
import { setCampaignListing } from './set-campaign-listing.ts';
import { updateCampaign } from './update-campaign.ts';

const merchantSession = { auth: 'session' as const, roles: ['merchant' as const] };
const adminSession = { auth: 'session' as const, roles: ['admin' as const] };
const dashboard = { tags: ['merchant dashboard'] };
const admin = { tags: ['admin'] };
const errors = errorResponses(400, 404, 409, 422);
const ModeQuery = Type.Object({ livemode: Type.Boolean({ default: true, description: 'Live (true) or test (false) data.' }) });

/** Campaign routes for the dashboards (cookie session) and the public listing. */
export const registerCampaignDashboard: ModuleRegister = (app, { db }) => {
  const merchantOf = (request: { session?: { merchantId: string | null } }) => request.session!.merchantId!;

  app.post(
    '/api/merchant/campaigns/:id/listing',
    {
      config: merchantSession,
      schema: { ...dashboard, summary: 'Opt a campaign in or out of the public listing', params: CampaignParams, body: ListingBody, response: { 200: Type.Ref(Campaign), ...errors } },
    },
    async (request) => setCampaignListing(db, { merchantId: merchantOf(request) }, request.params.id, request.body.public),
  );

  // Dashboard mirrors of the signed API; the mode comes from the query (list, create) or the campaign.
  app.get(
    '/api/merchant/campaigns',
    { config: merchantSession, schema: { ...dashboard, summary: 'List campaigns', querystring: Type.Composite([CampaignListQuery, ModeQuery]), response: { 200: Paginated(Type.Ref(Campaign)), ...errorResponses(400) } } },
    async (request) => listCampaigns(db, { merchantId: merchantOf(request), livemode: request.query.livemode }, request.query),
  );
  app.post(
    '/api/merchant/campaigns',
    { config: merchantSession, schema: { ...dashboard, summary: 'Create a campaign', querystring: ModeQuery, body: CreateCampaignBody, response: { 201: Type.Ref(Campaign), ...errors } } },
    async (request, reply) => reply.status(201).send(await createCampaign(db, { merchantId: merchantOf(request), livemode: request.query.livemode }, request.body)),
  );
  app.get(
    '/api/merchant/campaigns/:id',
    { config: merchantSession, schema: { ...dashboard, summary: 'Get a campaign', params: CampaignParams, response: { 200: Type.Ref(Campaign), ...errorResponses(404) } } },
    async (request) => getCampaign(db, await tenantOfCampaign(db, merchantOf(request), request.params.id), request.params.id),
  );
  app.patch(
    '/api/merchant/campaigns/:id',
    { config: merchantSession, schema: { ...dashboard, summary: 'Update a campaign', params: CampaignParams, body: UpdateCampaignBody, response: { 200: Type.Ref(Campaign), ...errors } } },
    async (request) => updateCampaign(db, await tenantOfCampaign(db, merchantOf(request), request.params.id), request.params.id, request.body),
  );
  app.post(
    '/api/merchant/campaigns/:id/activate',
    { config: merchantSession, schema: { ...dashboard, summary: 'Activate a campaign', params: CampaignParams, response: { 200: Type.Ref(Campaign), ...errors } } },
    async (request) => activateCampaign(db, await tenantOfCampaign(db, merchantOf(request), request.params.id), request.params.id),
  );
  app.post(
    '/api/merchant/campaigns/:id/pause',
    { config: merchantSession, schema: { ...dashboard, summary: 'Pause a campaign', params: CampaignParams, response: { 200: Type.Ref(Campaign), ...errors } } },
    async (request) => pauseCampaign(db, await tenantOfCampaign(db, merchantOf(request), request.params.id), request.params.id),
  );

  app.get(
    '/api/admin/campaigns/pending',
    { config: adminSession, schema: { ...admin, summary: 'Campaigns waiting for approval, oldest first', querystring: PageQuery, response: { 200: Paginated(Type.Ref(Campaign)) } } },
    async (request) => listCampaignsAwaitingApproval(db, request.query),
  );
  app.post(
    '/api/admin/campaigns/:id/approve',
    { config: adminSession, schema: { ...admin, summary: 'Approve a campaign that requires approval', params: CampaignParams, response: { 200: Type.Ref(Campaign), ...errors } } },
    async (request) => approveCampaign(db, request.params.id, request.session!.userId),
  );
  app.post(
    '/api/admin/campaigns/:id/listing',
    { config: adminSession, schema: { ...admin, summary: 'Opt any campaign in or out of the public listing', params: CampaignParams, body: ListingBody, response: { 200: Type.Ref(Campaign), ...errors } } },
    async (request) => setCampaignListing(db, { merchantId: null }, request.params.id, request.body.public),
  );

  app.get(
    '/api/public/campaigns',
    { schema: { tags: ['public'], summary: 'Publicly listed campaigns with their commission and terms', querystring: PublicCampaignQuery, response: { 200: Paginated(PublicCampaign), ...errorResponses(400) } } },
    async (request) => listPublicCampaigns(db, request.query),
  );
};
