import { Type } from '@sinclair/typebox';
import type { ModuleRegister } from '../../app.ts';
import { Paginated } from '../../platform/http/pagination.ts';
import { errorResponses } from '../../platform/http/schemas.ts';
import { activateCampaign } from './activate-campaign.ts';
import { registerCampaignDashboard } from './campaign-dashboard.routes.ts';
import { Campaign, CampaignListQuery, CampaignParams, CreateCampaignBody, UpdateCampaignBody } from './campaigns.schemas.ts';
import { createCampaign } from './create-campaign.ts';
import { getCampaign, listCampaigns } from './list-campaigns.ts';
import { pauseCampaign } from './pause-campaign.ts';
import { updateCampaign } from './update-campaign.ts';

const signed = { tags: ['campaigns'], security: [{ apiKey: [] }] };
const errors = errorResponses(400, 404, 409, 422);

/** Campaigns in the signed merchant API (seed: Campaigns API reference). */
export const registerCampaigns: ModuleRegister = async (app, deps) => {
  const { db } = deps;
  app.addSchema(Campaign);

  app.post(
    '/api/v1/campaigns',
    {
      config: { auth: 'merchant', idempotent: true },
      schema: { ...signed, summary: 'Create a campaign (starts in DRAFT)', body: CreateCampaignBody, response: { 201: Type.Ref(Campaign), ...errors } },
    },
    async (request, reply) => reply.status(201).send(await createCampaign(db, request.merchant!, request.body)),
  );

  app.get(
    '/api/v1/campaigns',
    { config: { auth: 'merchant' }, schema: { ...signed, summary: 'List your campaigns', querystring: CampaignListQuery, response: { 200: Paginated(Type.Ref(Campaign)), ...errorResponses(400) } } },
    async (request) => listCampaigns(db, request.merchant!, request.query),
  );

  app.get(
    '/api/v1/campaigns/:id',
    { config: { auth: 'merchant' }, schema: { ...signed, summary: 'Get a campaign', params: CampaignParams, response: { 200: Type.Ref(Campaign), ...errorResponses(404) } } },
    async (request) => getCampaign(db, request.merchant!, request.params.id),
  );

  app.patch(
    '/api/v1/campaigns/:id',
    {
      config: { auth: 'merchant' },
      schema: { ...signed, summary: 'Update a campaign (partial; status ARCHIVED archives it)', params: CampaignParams, body: UpdateCampaignBody, response: { 200: Type.Ref(Campaign), ...errors } },
    },
    async (request) => updateCampaign(db, request.merchant!, request.params.id, request.body),
  );

  app.post(
    '/api/v1/campaigns/:id/pause',
    { config: { auth: 'merchant' }, schema: { ...signed, summary: 'Pause an active campaign', params: CampaignParams, response: { 200: Type.Ref(Campaign), ...errors } } },
    async (request) => pauseCampaign(db, request.merchant!, request.params.id),
  );

  app.post(
    '/api/v1/campaigns/:id/activate',
    {
      config: { auth: 'merchant' },
      schema: { ...signed, summary: 'Activate a campaign (blocked while it awaits approval)', params: CampaignParams, response: { 200: Type.Ref(Campaign), ...errors } },
    },
    async (request) => activateCampaign(db, request.merchant!, request.params.id),
  );

  await registerCampaignDashboard(app, deps);
};
