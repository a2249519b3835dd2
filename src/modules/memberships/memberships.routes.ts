import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import type { ModuleRegister } from '../../platform/module.ts';
import { approveJoinRequest, inviteAffiliate, rejectJoinRequest } from './decide-membership.ts';
import { joinCampaign } from './join-campaign.ts';
import { listJoinRequests } from './list-join-requests.ts';
import { listAffiliateCampaigns, listMarketplace, listMarketplaceCategories } from './list-marketplace.ts';
import {
  AffiliateCampaignsQuery,
  CampaignOfferPage,
  CampaignParams,
  InviteBody,
  JoinRequestPage,
  JoinRequestQuery,
  JoinResult,
  MarketplaceQuery,
  MembershipParams,
  MembershipResult,
} from './memberships.schemas.ts';
import { resolveAffiliateId, resolveMerchantId, resolveSessionUser } from '../../platform/auth/resolve-principal.ts';

const affiliateOnly = { principals: ['affiliateSession'] } as const;
const merchantOnly = { principals: ['merchantSession'] } as const;

/** The marketplace and joining (affiliates), join requests and invitations (merchants). */
export const registerMemberships: ModuleRegister = (app, { db }) => {
  app.get(
    '/api/affiliate/marketplace',
    {
      config: affiliateOnly,
      schema: {
        tags: ['affiliate'],
        summary: 'Public campaigns you can join, with commission and terms',
        querystring: MarketplaceQuery,
        response: { 200: CampaignOfferPage },
      },
    },
    async (request) => listMarketplace(db, resolveAffiliateId(request), request.query),
  );

  app.get(
    '/api/affiliate/marketplace/categories',
    {
      config: affiliateOnly,
      schema: { tags: ['affiliate'], summary: 'Categories of the listed campaigns', response: { 200: Type.Object({ data: Type.Array(Type.String()) }) } },
    },
    async () => ({ data: await listMarketplaceCategories(db) }),
  );

  app.post(
    '/api/affiliate/campaigns/:id/join',
    {
      config: affiliateOnly,
      schema: { tags: ['affiliate'], summary: 'Join a listed campaign, or accept an invitation', params: CampaignParams, response: { 200: JoinResult } },
    },
    async (request) => joinCampaign(db, resolveAffiliateId(request), request.params.id),
  );

  app.get(
    '/api/affiliate/campaigns',
    {
      config: affiliateOnly,
      schema: {
        tags: ['affiliate'],
        summary: 'Campaigns you joined, asked to join or were invited to',
        querystring: AffiliateCampaignsQuery,
        response: { 200: CampaignOfferPage },
      },
    },
    async (request) => listAffiliateCampaigns(db, resolveAffiliateId(request), request.query),
  );

  const actor = (request: FastifyRequest) => ({ merchantId: resolveMerchantId(request), userId: resolveSessionUser(request).userId });

  app.get(
    '/api/merchant/join-requests',
    {
      config: merchantOnly,
      schema: {
        tags: ['merchant'],
        summary: 'Affiliates by membership status (default: pending join requests)',
        querystring: JoinRequestQuery,
        response: { 200: JoinRequestPage },
      },
    },
    async (request) => listJoinRequests(db, resolveMerchantId(request), { status: 'PENDING', ...request.query }),
  );

  app.post(
    '/api/merchant/campaigns/:id/join-requests/:affiliateId/approve',
    {
      config: merchantOnly,
      schema: { tags: ['merchant'], summary: 'Approve an affiliate’s request to join', params: MembershipParams, response: { 200: MembershipResult } },
    },
    async (request) => approveJoinRequest(db, actor(request), request.params.id, request.params.affiliateId),
  );

  app.post(
    '/api/merchant/campaigns/:id/join-requests/:affiliateId/reject',
    {
      config: merchantOnly,
      schema: { tags: ['merchant'], summary: 'Reject a join request or withdraw an invitation', params: MembershipParams, response: { 200: MembershipResult } },
    },
    async (request) => rejectJoinRequest(db, actor(request), request.params.id, request.params.affiliateId),
  );

  app.post(
    '/api/merchant/campaigns/:id/invites',
    {
      config: merchantOnly,
      schema: {
        tags: ['merchant'],
        summary: 'Invite an affiliate (by their sign-up email) to a campaign',
        params: CampaignParams,
        body: InviteBody,
        response: { 201: MembershipResult },
      },
    },
    async (request, reply) => reply.status(201).send(await inviteAffiliate(db, actor(request), request.params.id, request.body.affiliateEmail)),
  );
};
