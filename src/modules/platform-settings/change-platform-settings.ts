import { inTransaction, type Db } from '../../platform/db/client.ts';
import type { ErrorDetail } from '../../platform/errors.ts';
import { validationError } from '../../platform/http/validation.ts';
import { parseMoney, parsePercentage } from '../../platform/money.ts';
import { recordAudit } from '../audit/index.ts';
import { readCommissionInput, type CommissionType } from '../commissions/index.ts';
import { getPlatformSettings, savePlatformSettings, type PlatformSettings } from './platform-settings.repository.ts';
import type { PlatformSettingsRow } from './platform-settings.tables.ts';

export interface PlatformSettingsPatch {
  defaultCommissionType?: CommissionType | undefined;
  defaultCommissionValue?: string | undefined;
  minimumPayout?: string | undefined;
  platformFeePercent?: string | undefined;
  payoutWithholdingPercent?: string | undefined;
  billingPeriod?: 'weekly' | 'monthly' | undefined;
  walletTransferLimit?: string | undefined;
  bankTransferLimit?: string | undefined;
}

const MONEY_FIELDS = ['minimumPayout', 'walletTransferLimit', 'bankTransferLimit'] as const;
const PERCENT_FIELDS = ['platformFeePercent', 'payoutWithholdingPercent'] as const;

/** The admin changes platform settings; every bad field is reported at once and nothing is saved. */
export async function changePlatformSettings(db: Db, patch: PlatformSettingsPatch, adminUserId: string): Promise<PlatformSettings> {
  return inTransaction(db, async (tx) => {
    const current = await getPlatformSettings(tx);
    const details: ErrorDetail[] = [];
    const values: Partial<PlatformSettingsRow> = {};
    const commission = readCommissionInput(
      { type: patch.defaultCommissionType, value: patch.defaultCommissionValue },
      {
        currency: current.currency,
        typeField: 'defaultCommissionType',
        valueField: 'defaultCommissionValue',
        current: { type: current.defaultCommissionType },
      },
    );
    if (!commission.ok) details.push(...commission.details);
    else if (commission.change.kind === 'set')
      Object.assign(values, { defaultCommissionType: commission.change.type, defaultCommissionValue: commission.change.value });
    for (const field of MONEY_FIELDS) {
      const input = patch[field];
      if (input === undefined) continue;
      const parsed = parseMoney(input, current.currency);
      if (!parsed.ok) details.push({ field, code: parsed.error, message: parsed.message });
      else if (parsed.value <= 0n) details.push({ field, code: 'MUST_BE_POSITIVE', message: 'must be more than zero' });
      else values[field] = parsed.value;
    }
    for (const field of PERCENT_FIELDS) {
      const input = patch[field];
      if (input === undefined) continue;
      const parsed = parsePercentage(input);
      if (!parsed.ok) details.push({ field, code: parsed.error, message: parsed.message });
      else values[field] = parsed.value;
    }
    if (patch.billingPeriod !== undefined) values.billingPeriod = patch.billingPeriod;
    if (details.length > 0) throw validationError(details);
    if (Object.keys(values).length === 0) return current;
    // The audit row names the settings as the admin wrote them (decimal strings, never bigints).
    const changed = Object.fromEntries(Object.keys(values).map((field) => [field, patch[field as keyof PlatformSettingsPatch]]));
    await recordAudit(tx, {
      actorUserId: adminUserId,
      action: 'platform_settings.changed',
      subjectType: 'platform_settings',
      subjectId: 'platform',
      details: changed,
    });
    return savePlatformSettings({ ...values, updatedBy: adminUserId }, tx);
  });
}
