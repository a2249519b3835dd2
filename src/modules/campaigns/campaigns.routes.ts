import { Type } from '@sinclair/typebox';
import type { ModuleRegister } from '../../platform/module.ts';
import { Paginated } from '../../platform/http/pagination.ts';
import { errorResponses } from '../../platform/http/schemas.ts';
import { activateCampaign } from './activate-campaign.ts';
import { registerCampaignReview } from './campaign-review.routes.ts';
import {
  Campaign,
  CampaignListQuery,
  CampaignParams,
  CreateCampaignBody,
  ListingBody,
  PublicCampaign,
  PublicCampaignQuery,
  UpdateCampaignBody,
} from './campaigns.schemas.ts';
import { createCampaign } from './create-campaign.ts';
import { getCampaign, listCampaigns } from './list-campaigns.ts';
import { listListedCampaigns } from './campaign-listing.ts';
import { pauseCampaign } from './pause-campaign.ts';
import { setCampaignListing } from './set-campaign-listing.ts';
import { updateCampaign } from './update-campaign.ts';
import { resolveMerchantId, resolveTenant } from '../../platform/auth/resolve-principal.ts';

const signed = { tags: ['campaigns'], security: [{ apiKey: [] }] };
const notFound = { NOT_FOUND: 'No campaign with this id in this mode.' } as const;
const transition = { INVALID_TRANSITION: 'The campaign is not in a status that allows this (e.g. archived, or already active).' } as const;

/** Campaigns (seed: Campaigns API reference), for signed keys and the merchant dashboard alike, and the public listing. */
export const registerCampaigns: ModuleRegister = (app, { db, changes }) => {
  app.addSchema(Campaign);
  // Committed by the time the service returns: links cached for redirects forget the campaign now.
  const announced = <T extends { id: string }>(campaign: T): T => {
    changes.announce({ kind: 'campaign', campaignId: campaign.id });
    return campaign;
  };

  app.post(
    '/api/v1/campaigns',
    {
      config: { principals: ['merchantKey', 'merchantSession'], idempotent: true },
      schema: {
        ...signed,
        summary: 'Create a campaign (starts in DRAFT)',
        body: CreateCampaignBody,
        response: { 201: Type.Ref(Campaign), ...errorResponses(400) },
      },
    },
    async (request, reply) => reply.status(201).send(await createCampaign(db, resolveTenant(request), request.body)),
  );

  app.get(
    '/api/v1/campaigns',
    {
      config: { principals: ['merchantKey', 'merchantSession'] },
      schema: {
        ...signed,
        summary: 'List your campaigns',
        querystring: CampaignListQuery,
        response: { 200: Paginated(Type.Ref(Campaign)), ...errorResponses(400) },
      },
    },
    async (request) => listCampaigns(db, resolveTenant(request), request.query),
  );

  app.get(
    '/api/v1/campaigns/:id',
    {
      config: { principals: ['merchantKey', 'merchantSession'] },
      schema: { ...signed, summary: 'Get a campaign', params: CampaignParams, response: { 200: Type.Ref(Campaign), ...errorResponses(notFound) } },
    },
    async (request) => getCampaign(db, resolveTenant(request), request.params.id),
  );

  app.patch(
    '/api/v1/campaigns/:id',
    {
      config: { principals: ['merchantKey', 'merchantSession'] },
      schema: {
        ...signed,
        summary: 'Update a campaign (partial; status ARCHIVED archives it)',
        params: CampaignParams,
        body: UpdateCampaignBody,
        response: { 200: Type.Ref(Campaign), ...errorResponses(400, notFound, transition) },
      },
    },
    async (request) => announced(await updateCampaign(db, resolveTenant(request), request.params.id, request.body)),
  );

  app.post(
    '/api/v1/campaigns/:id/pause',
    {
      config: { principals: ['merchantKey', 'merchantSession'] },
      schema: {
        ...signed,
        summary: 'Pause an active campaign',
        params: CampaignParams,
        response: { 200: Type.Ref(Campaign), ...errorResponses(notFound, transition) },
      },
    },
    async (request) => announced(await pauseCampaign(db, resolveTenant(request), request.params.id)),
  );

  app.post(
    '/api/v1/campaigns/:id/activate',
    {
      config: { principals: ['merchantKey', 'merchantSession'] },
      schema: {
        ...signed,
        summary: 'Activate a campaign (blocked while it awaits approval)',
        params: CampaignParams,
        response: { 200: Type.Ref(Campaign), ...errorResponses(notFound, transition, 'CAMPAIGN_APPROVAL_REQUIRED') },
      },
    },
    async (request) => announced(await activateCampaign(db, resolveTenant(request), request.params.id)),
  );

  app.post(
    '/api/merchant/campaigns/:id/listing',
    {
      config: { principals: ['merchantSession'] },
      schema: {
        tags: ['merchant'],
        summary: 'Opt a campaign in or out of the public listing',
        params: CampaignParams,
        body: ListingBody,
        response: { 200: Type.Ref(Campaign), ...errorResponses(400, 404, 409, 422) },
      },
    },
    async (request) => setCampaignListing(db, { merchantId: resolveMerchantId(request) }, request.params.id, request.body.public),
  );

  app.get(
    '/api/public/campaigns',
    {
      schema: {
        tags: ['public'],
        summary: 'Publicly listed campaigns with their commission and terms',
        querystring: PublicCampaignQuery,
        response: { 200: Paginated(PublicCampaign), ...errorResponses(400) },
      },
    },
    async (request) => listListedCampaigns(db, request.query),
  );

  registerCampaignReview(app, db);
};
