import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { eq } from 'drizzle-orm';
import type { ModuleRegister } from '../../app.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { Money, Nullable, StringEnum } from '../../platform/http/schemas.ts';
import { COMMISSION_TYPES, formatCommissionValue } from '../commissions/commission-rule.ts';
import { setMerchantDefaultCommission } from '../commissions/set-merchant-default-commission.ts';
import { getMerchantOrThrow } from './get-merchant.ts';
import { registerMerchantReview } from './merchant-review.routes.ts';
import { DomainBody, MerchantDetail } from './merchants.schemas.ts';
import { merchantDomains, merchants } from './merchants.tables.ts';
import { requestDomain } from './request-domain.ts';

const Domain = Type.Object({ id: Type.String(), domain: Type.String(), status: Type.String() });

const Account = Type.Object({
  merchantId: Type.String(),
  livemode: Type.Boolean(),
  businessName: Type.String(),
  website: Type.Union([Type.String(), Type.Null()]),
  status: Type.String(),
  currency: Type.String(),
  holdDays: Type.Integer(),
  domains: Type.Array(Type.Object({ domain: Type.String(), status: Type.String() })),
  defaultCommissionType: Nullable(StringEnum(COMMISSION_TYPES)),
  defaultCommissionValue: Nullable(Type.String({ description: 'Percentage ("8") or money in the account currency ("50.00").' })),
});

const AccountPatch = Type.Object(
  {
    defaultCommissionType: Type.Optional(Nullable(StringEnum(COMMISSION_TYPES))),
    defaultCommissionValue: Type.Optional(Nullable(Money('Percentage 0–100 with at most 2 decimals, or money for FIXED'))),
  },
  { additionalProperties: false },
);

const merchantSession = { auth: 'session', roles: ['merchant'] } as const;

function sessionMerchantId(request: FastifyRequest): string {
  const merchantId = request.session?.merchantId;
  if (!merchantId) throw new AppError('FORBIDDEN', 'This needs a merchant account');
  return merchantId;
}

export const registerMerchants: ModuleRegister = (app, deps) => {
  const { db } = deps;
  app.get(
    '/api/v1/account',
    {
      config: { auth: 'merchant' },
      schema: { tags: ['account'], summary: 'The merchant and mode this key belongs to', security: [{ apiKey: [] }], response: { 200: Account } },
    },
    async (request) => {
      const { merchantId, livemode } = request.merchant!;
      const [merchant] = await db.select().from(merchants).where(eq(merchants.id, merchantId));
      if (!merchant) throw notFound('Merchant');
      const domains = await db.select({ domain: merchantDomains.domain, status: merchantDomains.status }).from(merchantDomains).where(eq(merchantDomains.merchantId, merchantId));
      const defaultCommissionValue = merchant.defaultCommissionType && merchant.defaultCommissionValue !== null ? formatCommissionValue(merchant.defaultCommissionType, merchant.defaultCommissionValue, merchant.currency) : null;
      return { merchantId, livemode, businessName: merchant.businessName, website: merchant.website, status: merchant.status, currency: merchant.currency, holdDays: merchant.holdDays, domains, defaultCommissionType: merchant.defaultCommissionType, defaultCommissionValue };
    },
  );

  app.patch(
    '/api/v1/account',
    {
      config: { auth: 'merchant' },
      schema: {
        tags: ['account'],
        summary: 'Set the merchant default commission (the fallback for campaigns without their own); null clears it',
        security: [{ apiKey: [] }],
        body: AccountPatch,
        response: { 200: Type.Object({ defaultCommissionType: Nullable(StringEnum(COMMISSION_TYPES)), defaultCommissionValue: Nullable(Type.String()), currency: Type.String() }) },
      },
    },
    async (request) => {
      const saved = await setMerchantDefaultCommission(db, request.merchant!.merchantId, { type: request.body.defaultCommissionType, value: request.body.defaultCommissionValue });
      const value = saved.defaultCommissionType && saved.defaultCommissionValue !== null ? formatCommissionValue(saved.defaultCommissionType, saved.defaultCommissionValue, saved.currency) : null;
      return { defaultCommissionType: saved.defaultCommissionType, defaultCommissionValue: value, currency: saved.currency };
    },
  );

  app.post(
    '/api/v1/domains',
    {
      config: { auth: 'merchant', idempotent: true },
      schema: {
        tags: ['account'],
        summary: 'Ask to sell on another domain; product URLs may use it once an admin approves it',
        security: [{ apiKey: [] }],
        body: DomainBody,
        response: { 201: Domain },
      },
    },
    async (request, reply) => reply.status(201).send(await requestDomain(db, request.merchant!.merchantId, request.body.domain)),
  );

  app.get(
    '/api/merchant/account',
    {
      config: merchantSession,
      schema: { tags: ['merchant'], summary: 'Your store profile, review status (with the reason if rejected) and domains', response: { 200: MerchantDetail } },
    },
    async (request) => getMerchantOrThrow(db, sessionMerchantId(request)),
  );

  app.post(
    '/api/merchant/domains',
    {
      config: merchantSession,
      schema: { tags: ['merchant'], summary: 'Ask to sell on another domain (also possible before approval)', body: DomainBody, response: { 201: Domain } },
    },
    async (request, reply) => reply.status(201).send(await requestDomain(db, sessionMerchantId(request), request.body.domain)),
  );

  registerMerchantReview(app, deps);
};
