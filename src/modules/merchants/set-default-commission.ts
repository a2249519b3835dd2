import { eq } from 'drizzle-orm';
import { inTransaction, type Db } from '../../platform/db/client.ts';
import { notFound } from '../../platform/errors.ts';
import { validationError } from '../../platform/http/validation.ts';
import { readCommissionInput, type CommissionInput, type CommissionType } from '../commissions/index.ts';
import { merchants } from './merchants.tables.ts';

export interface MerchantDefaultCommission {
  defaultCommissionType: CommissionType | null;
  defaultCommissionValue: number | null;
  currency: string;
}

/**
 * Set (or clear, with both null) the merchant's default commission: the fallback for campaigns
 * without a default of their own. FIXED values are money in the merchant's currency.
 */
export async function setMerchantDefaultCommission(db: Db, merchantId: string, input: CommissionInput): Promise<MerchantDefaultCommission> {
  return inTransaction(db, async (tx) => {
    const [merchant] = await tx
      .select({ type: merchants.defaultCommissionType, value: merchants.defaultCommissionValue, currency: merchants.currency })
      .from(merchants)
      .where(eq(merchants.id, merchantId))
      .for('update');
    if (!merchant) throw notFound('Merchant');
    const read = readCommissionInput(input, {
      currency: merchant.currency,
      typeField: 'defaultCommissionType',
      valueField: 'defaultCommissionValue',
      current: { type: merchant.type },
    });
    if (!read.ok) throw validationError(read.details);
    const { change } = read;
    if (change.kind === 'unchanged') return { defaultCommissionType: merchant.type, defaultCommissionValue: merchant.value, currency: merchant.currency };
    const values =
      change.kind === 'clear'
        ? { defaultCommissionType: null, defaultCommissionValue: null }
        : { defaultCommissionType: change.type, defaultCommissionValue: change.value };
    await tx.update(merchants).set(values).where(eq(merchants.id, merchantId));
    return { ...values, currency: merchant.currency };
  });
}
