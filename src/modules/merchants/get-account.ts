import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { notFound } from '../../platform/errors.ts';
import type { Tenant } from '../../platform/tenant.ts';
import { formatCommissionValue } from '../commissions/index.ts';
import { merchantDomains, merchants } from './merchants.tables.ts';

/** The merchant API's view of the caller's account in one mode: settings, domains and default commission. */
export async function getAccount(db: Db, { merchantId, livemode }: Tenant) {
  const [merchant] = await db.select().from(merchants).where(eq(merchants.id, merchantId));
  if (!merchant) throw notFound('Merchant');
  const domains = await db
    .select({ domain: merchantDomains.domain, status: merchantDomains.status })
    .from(merchantDomains)
    .where(eq(merchantDomains.merchantId, merchantId));
  const defaultCommissionValue =
    merchant.defaultCommissionType && merchant.defaultCommissionValue !== null
      ? formatCommissionValue(merchant.defaultCommissionType, merchant.defaultCommissionValue, merchant.currency)
      : null;
  return {
    merchantId,
    livemode,
    businessName: merchant.businessName,
    website: merchant.website,
    status: merchant.status,
    currency: merchant.currency,
    holdDays: merchant.holdDays,
    domains,
    defaultCommissionType: merchant.defaultCommissionType,
    defaultCommissionValue,
  };
}
