import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { notFound } from '../../platform/errors.ts';
import { merchants } from './merchants.tables.ts';

export interface StoreProfilePatch {
  businessName?: string | undefined;
  website?: string | null | undefined;
  contactName?: string | null | undefined;
  contactPhone?: string | null | undefined;
}

/** The merchant edits its store profile; an empty optional text clears it. Standing and domains are not touched here. */
export async function updateStoreProfile(db: Db, merchantId: string, patch: StoreProfilePatch): Promise<void> {
  const blankToNull = (value: string | null | undefined) => (value === undefined ? undefined : value?.trim() || null);
  const values = {
    businessName: patch.businessName?.trim(),
    website: blankToNull(patch.website),
    contactName: blankToNull(patch.contactName),
    contactPhone: blankToNull(patch.contactPhone),
  };
  const set = Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined));
  if (Object.keys(set).length === 0) {
    const [exists] = await db.select({ id: merchants.id }).from(merchants).where(eq(merchants.id, merchantId));
    if (!exists) throw notFound('Merchant');
    return;
  }
  const [updated] = await db.update(merchants).set(set).where(eq(merchants.id, merchantId)).returning({ id: merchants.id });
  if (!updated) throw notFound('Merchant');
}
