import { Type } from '@sinclair/typebox';
import { eq } from 'drizzle-orm';
import type { ModuleRegister } from '../../app.ts';
import { notFound } from '../../platform/errors.ts';
import { merchantDomains, merchants } from './merchants.tables.ts';

const MerchantAccount = Type.Object({
  merchantId: Type.String(),
  businessName: Type.String(),
  website: Type.Union([Type.String(), Type.Null()]),
  contactName: Type.Union([Type.String(), Type.Null()]),
  contactPhone: Type.Union([Type.String(), Type.Null()]),
  status: Type.String(),
  currency: Type.String(),
  holdDays: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
  reviewedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  domains: Type.Array(Type.Object({ domain: Type.String(), status: Type.String() })),
});

/** The signed-in merchant's own account, for the dashboard (the session twin of GET /api/v1/account). */
export const registerMerchantAccount: ModuleRegister = (app, { db }) => {
  app.get(
    '/api/merchant/account',
    {
      config: { auth: 'session', roles: ['merchant'] },
      schema: { tags: ['session'], summary: 'The signed-in merchant’s store and its review status', response: { 200: MerchantAccount } },
    },
    async (request) => {
      const merchantId = request.session!.merchantId;
      const [merchant] = merchantId ? await db.select().from(merchants).where(eq(merchants.id, merchantId)) : [];
      if (!merchant) throw notFound('Merchant');
      const domains = await db
        .select({ domain: merchantDomains.domain, status: merchantDomains.status })
        .from(merchantDomains)
        .where(eq(merchantDomains.merchantId, merchant.id))
        .orderBy(merchantDomains.createdAt);
      return {
        merchantId: merchant.id,
        businessName: merchant.businessName,
        website: merchant.website,
        contactName: merchant.contactName,
        contactPhone: merchant.contactPhone,
        status: merchant.status,
        currency: merchant.currency,
        holdDays: merchant.holdDays,
        createdAt: merchant.createdAt.toISOString(),
        reviewedAt: merchant.reviewedAt?.toISOString() ?? null,
        domains,
      };
    },
  );
};
