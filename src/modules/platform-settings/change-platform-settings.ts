import { inTransaction, type Db } from '../../platform/db/client.ts';
import { validationError } from '../../platform/http/validation.ts';
import { readCommissionInput, type CommissionType } from '../commissions/commission-rule.ts';
import { getPlatformSettings, savePlatformSettings, type PlatformSettings } from './platform-settings.repository.ts';

export interface PlatformSettingsPatch {
  defaultCommissionType?: CommissionType | undefined;
  defaultCommissionValue?: string | undefined;
}

/** The admin changes the platform default commission (a value alone keeps the stored type). */
export async function changePlatformSettings(db: Db, patch: PlatformSettingsPatch, adminUserId: string): Promise<PlatformSettings> {
  return inTransaction(db, async (tx) => {
    const current = await getPlatformSettings(tx);
    const commission = readCommissionInput(
      { type: patch.defaultCommissionType, value: patch.defaultCommissionValue },
      { currency: current.currency, typeField: 'defaultCommissionType', valueField: 'defaultCommissionValue', current: { type: current.defaultCommissionType } },
    );
    if (!commission.ok) throw validationError(commission.details);
    if (commission.change.kind !== 'set') return current;
    return savePlatformSettings({ defaultCommissionType: commission.change.type, defaultCommissionValue: commission.change.value, updatedBy: adminUserId }, tx);
  });
}
