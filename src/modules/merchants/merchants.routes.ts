import { Type } from '@sinclair/typebox';
import { and, eq } from 'drizzle-orm';
import type { ModuleRegister } from '../../app.ts';
import { notFound } from '../../platform/errors.ts';
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
});

export const registerMerchants: ModuleRegister = (app, { db }) => {
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
      const domains = await db
        .select({ domain: merchantDomains.domain, status: merchantDomains.status })
        .from(merchantDomains)
        .where(and(eq(merchantDomains.merchantId, merchantId)));
      return { merchantId, livemode, businessName: merchant.businessName, website: merchant.website, status: merchant.status, currency: merchant.currency, holdDays: merchant.holdDays, domains };
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
        body: Type.Object({ domain: Type.String({ minLength: 3, maxLength: 253 }) }, { additionalProperties: false }),
        response: { 201: Domain },
      },
    },
    async (request, reply) => reply.status(201).send(await requestDomain(db, request.merchant!.merchantId, request.body.domain)),
  );
};
