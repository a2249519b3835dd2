import { Type } from '@sinclair/typebox';
import type { ModuleRegister } from '../../platform/module.ts';
import { Money, Nullable, StringEnum } from '../../platform/http/schemas.ts';
import { formatMoney, formatPercentage } from '../../platform/money.ts';
import { COMMISSION_TYPES, formatCommissionValue } from '../commissions/index.ts';
import { changePlatformSettings } from './change-platform-settings.ts';
import { getPlatformSettings, type PlatformSettings } from './platform-settings.repository.ts';
import { resolveSessionUser } from '../../platform/auth/resolve-principal.ts';

const BILLING_PERIODS = ['weekly', 'monthly'] as const;
const Percent = (description: string) => Type.String({ description: `${description} Decimal string 0–100 with at most 2 decimals.` });

const Settings = Type.Object({
  defaultCommissionType: StringEnum(COMMISSION_TYPES, { description: 'The platform default: the last fallback of commission resolution.' }),
  defaultCommissionValue: Type.String({ description: 'Percentage ("5") or money ("50.00") in `currency`.' }),
  currency: Type.String(),
  minimumPayout: Money('The smallest payable balance an affiliate may withdraw.'),
  platformFeePercent: Percent('Charged to merchants on each statement, of its commissions.'),
  payoutWithholdingPercent: Percent('Tax withheld from each payout.'),
  billingPeriod: StringEnum(BILLING_PERIODS, { description: 'How often statements are issued.' }),
  walletTransferLimit: Money('Largest single transfer on eSewa, Khalti and IME Pay; larger payouts are split.'),
  bankTransferLimit: Money('Largest single transfer on bank and ConnectIPS; larger payouts are split.'),
  updatedAt: Nullable(Type.String({ format: 'date-time' })),
});

const SettingsPatch = Type.Object(
  {
    defaultCommissionType: Type.Optional(StringEnum(COMMISSION_TYPES)),
    defaultCommissionValue: Type.Optional(Money('Percentage 0–100 with at most 2 decimals, or money for FIXED')),
    minimumPayout: Type.Optional(Money()),
    platformFeePercent: Type.Optional(Money('Percentage 0–100 with at most 2 decimals')),
    payoutWithholdingPercent: Type.Optional(Money('Percentage 0–100 with at most 2 decimals')),
    billingPeriod: Type.Optional(StringEnum(BILLING_PERIODS)),
    walletTransferLimit: Type.Optional(Money()),
    bankTransferLimit: Type.Optional(Money()),
  },
  { additionalProperties: false },
);

const view = (s: PlatformSettings) => ({
  defaultCommissionType: s.defaultCommissionType,
  defaultCommissionValue: formatCommissionValue(s.defaultCommissionType, s.defaultCommissionValue, s.currency),
  currency: s.currency,
  minimumPayout: formatMoney(s.minimumPayout, s.currency),
  platformFeePercent: formatPercentage(s.platformFeePercent),
  payoutWithholdingPercent: formatPercentage(s.payoutWithholdingPercent),
  billingPeriod: s.billingPeriod,
  walletTransferLimit: formatMoney(s.walletTransferLimit, s.currency),
  bankTransferLimit: formatMoney(s.bankTransferLimit, s.currency),
  updatedAt: s.updatedAt?.toISOString() ?? null,
});

/** Platform settings the admin edits in the dashboard. */
export const registerPlatformSettings: ModuleRegister = (app, { db }) => {
  app.get(
    '/api/admin/settings',
    { config: { principals: ['adminSession'] }, schema: { tags: ['admin'], summary: 'Platform settings', response: { 200: Settings } } },
    async () => view(await getPlatformSettings(db)),
  );

  app.patch(
    '/api/admin/settings',
    {
      config: { principals: ['adminSession'] },
      schema: { tags: ['admin'], summary: 'Change platform settings (default commission, payouts, billing)', body: SettingsPatch, response: { 200: Settings } },
    },
    async (request) => view(await changePlatformSettings(db, request.body, resolveSessionUser(request).userId)),
  );
};
