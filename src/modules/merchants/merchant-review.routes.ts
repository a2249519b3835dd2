import { Type } from '@sinclair/typebox';
import type { ModuleRegister } from '../../platform/module.ts';
import { Paginated, PageQuery } from '../../platform/http/pagination.ts';
import { approveMerchant } from './approve-merchant.ts';
import { getMerchantOrThrow, domainView, listMerchants } from './get-merchant.ts';
import { listDomainsForReview } from './list-domains-for-review.ts';
import { DomainReview, DomainStatusSchema, DomainView, IdParams, MerchantDetail, MerchantListQuery, RejectBody, SuspendBody } from './merchants.schemas.ts';
import { rejectMerchant } from './reject-merchant.ts';
import { reviewDomain } from './review-domain.ts';
import { reinstateMerchant, suspendMerchant } from './suspend-merchant.ts';
import { resolveSessionUser } from '../../platform/auth/resolve-principal.ts';

const admin = { principals: ['adminSession'] } as const;

/** The admin's merchant and domain approval queues. Every decision is written to the audit log. */
export const registerMerchantReview: ModuleRegister = (app, { db, secrets, changes }) => {
  app.get(
    '/api/admin/merchants',
    {
      config: admin,
      schema: {
        tags: ['admin'],
        summary: 'Merchants by status and name or email, oldest application first (status=PENDING_REVIEW is the approval queue)',
        querystring: Type.Composite([PageQuery, MerchantListQuery]),
        response: { 200: Paginated(MerchantDetail) },
      },
    },
    async (request) => listMerchants(db, request.query),
  );

  app.get(
    '/api/admin/merchants/:id',
    { config: admin, schema: { tags: ['admin'], summary: 'A merchant with its domains', params: IdParams, response: { 200: MerchantDetail } } },
    async (request) => getMerchantOrThrow(db, request.params.id),
  );

  app.post(
    '/api/admin/merchants/:id/approve',
    {
      config: admin,
      schema: {
        tags: ['admin'],
        summary: 'Approve a merchant pending review: its pending domains are approved and its test and live key pairs issued',
        params: IdParams,
        response: { 200: MerchantDetail },
      },
    },
    async (request) => {
      // The signing secrets are not shown to the admin: the merchant reveals each once in its dashboard.
      await approveMerchant(db, secrets, request.params.id, resolveSessionUser(request).userId, { secretsShown: false });
      return getMerchantOrThrow(db, request.params.id);
    },
  );

  app.post(
    '/api/admin/merchants/:id/reject',
    {
      config: admin,
      schema: {
        tags: ['admin'],
        summary: 'Reject a merchant pending review, with a reason shown to the merchant',
        params: IdParams,
        body: RejectBody,
        response: { 200: MerchantDetail },
      },
    },
    async (request) => {
      await rejectMerchant(db, request.params.id, resolveSessionUser(request).userId, request.body.reason);
      return getMerchantOrThrow(db, request.params.id);
    },
  );

  app.post(
    '/api/admin/merchants/:id/suspend',
    {
      config: admin,
      schema: {
        tags: ['admin'],
        summary:
          'Suspend an approved merchant, with a reason shown to it: its API keys stop working and its links redirect without minting attributable clicks',
        params: IdParams,
        body: SuspendBody,
        response: { 200: MerchantDetail },
      },
    },
    async (request) => {
      await suspendMerchant(db, request.params.id, resolveSessionUser(request).userId, request.body.reason);
      changes.announce({ kind: 'merchant', merchantId: request.params.id });
      return getMerchantOrThrow(db, request.params.id);
    },
  );

  app.post(
    '/api/admin/merchants/:id/reinstate',
    {
      config: admin,
      schema: {
        tags: ['admin'],
        summary: 'Reinstate a suspended merchant: its keys and links work again',
        params: IdParams,
        response: { 200: MerchantDetail },
      },
    },
    async (request) => {
      await reinstateMerchant(db, request.params.id, resolveSessionUser(request).userId);
      changes.announce({ kind: 'merchant', merchantId: request.params.id });
      return getMerchantOrThrow(db, request.params.id);
    },
  );

  app.get(
    '/api/admin/domains',
    {
      config: admin,
      schema: {
        tags: ['admin'],
        summary: 'Merchant domains by status, oldest request first (status=PENDING is the approval queue)',
        querystring: Type.Composite([PageQuery, Type.Object({ status: Type.Optional(DomainStatusSchema) })]),
        response: { 200: Paginated(DomainReview) },
      },
    },
    async (request) => listDomainsForReview(db, request.query),
  );

  app.post(
    '/api/admin/domains/:id/approve',
    {
      config: admin,
      schema: {
        tags: ['admin'],
        summary: 'Approve a domain: product URLs on it (and its subdomains) become valid',
        params: IdParams,
        response: { 200: DomainView },
      },
    },
    async (request) => domainView(await reviewDomain(db, request.params.id, 'APPROVED', resolveSessionUser(request).userId)),
  );

  app.post(
    '/api/admin/domains/:id/reject',
    {
      config: admin,
      schema: { tags: ['admin'], summary: 'Reject a domain, with a reason', params: IdParams, body: RejectBody, response: { 200: DomainView } },
    },
    async (request) => domainView(await reviewDomain(db, request.params.id, 'REJECTED', resolveSessionUser(request).userId, request.body.reason)),
  );
};
