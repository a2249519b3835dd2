import { Type } from '@sinclair/typebox';
import type { ModuleRegister } from '../../app.ts';
import { Money, Nullable, StringEnum } from '../../platform/http/schemas.ts';
import { COMMISSION_TYPES, formatCommissionValue } from '../commissions/commission-rule.ts';
import { changePlatformSettings } from './change-platform-settings.ts';
import { getPlatformSettings, type PlatformSettings } from './platform-settings.repository.ts';

const Settings = Type.Object({
  defaultCommissionType: StringEnum(COMMISSION_TYPES, { description: 'The platform default: the last fallback of commission resolution.' }),
  defaultCommissionValue: Type.String({ description: 'Percentage ("5") or money ("50.00") in `currency`.' }),
  currency: Type.String(),
  updatedAt: Nullable(Type.String({ format: 'date-time' })),
});

const SettingsPatch = Type.Object(
  {
    defaultCommissionType: Type.Optional(StringEnum(COMMISSION_TYPES)),
    defaultCommissionValue: Type.Optional(Money('Percentage 0–100 with at most 2 decimals, or money for FIXED')),
  },
  { additionalProperties: false },
);

const view = (s: PlatformSettings) => ({
  defaultCommissionType: s.defaultCommissionType,
  defaultCommissionValue: formatCommissionValue(s.defaultCommissionType, s.defaultCommissionValue, s.currency),
  currency: s.currency,
  updatedAt: s.updatedAt?.toISOString() ?? null,
});

/** Platform settings the admin edits in the dashboard. */
export const registerPlatformSettings: ModuleRegister = (app, { db }) => {
  app.get(
    '/api/admin/settings',
    { config: { auth: 'session', roles: ['admin'] }, schema: { tags: ['admin'], summary: 'Platform settings', response: { 200: Settings } } },
    async () => view(await getPlatformSettings(db)),
  );

  app.patch(
    '/api/admin/settings',
    { config: { auth: 'session', roles: ['admin'] }, schema: { tags: ['admin'], summary: 'Change platform settings (the platform default commission)', body: SettingsPatch, response: { 200: Settings } } },
    async (request) => view(await changePlatformSettings(db, request.body, request.session!.userId)),
  );
};
