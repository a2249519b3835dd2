import { Type } from '@sinclair/typebox';
import type { ModuleRegister } from '../../platform/module.ts';
import { errorResponses, Money, Nullable, StringEnum } from '../../platform/http/schemas.ts';
import { COMMISSION_TYPES, formatCommissionValue } from '../commissions/index.ts';
import { setMerchantDefaultCommission } from './set-default-commission.ts';
import { getMerchantOrThrow } from './get-merchant.ts';
import { registerMerchantReview } from './merchant-review.routes.ts';
import { DomainBody, MerchantDetail, StoreProfileBody } from './merchants.schemas.ts';
import { updateStoreProfile } from './update-store-profile.ts';
import { getAccount } from './get-account.ts';
import { requestDomain } from './request-domain.ts';
import { resolveTenant, resolveMerchantId } from '../../platform/auth/resolve-principal.ts';

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

const merchantSession = { principals: ['merchantSession'] } as const;

export const registerMerchants: ModuleRegister = (app, deps) => {
  const { db } = deps;
  app.get(
    '/api/v1/account',
    {
      config: { principals: ['merchantKey', 'merchantSession'] },
      schema: { tags: ['account'], summary: 'The merchant and mode this key belongs to', security: [{ apiKey: [] }], response: { 200: Account } },
    },
    async (request) => getAccount(db, resolveTenant(request)),
  );

  app.patch(
    '/api/v1/account',
    {
      config: { principals: ['merchantKey', 'merchantSession'] },
      schema: {
        tags: ['account'],
        summary: 'Set the merchant default commission (the fallback for campaigns without their own); null clears it',
        security: [{ apiKey: [] }],
        body: AccountPatch,
        response: {
          200: Type.Object({
            defaultCommissionType: Nullable(StringEnum(COMMISSION_TYPES)),
            defaultCommissionValue: Nullable(Type.String()),
            currency: Type.String(),
          }),
        },
      },
    },
    async (request) => {
      const saved = await setMerchantDefaultCommission(db, resolveMerchantId(request), {
        type: request.body.defaultCommissionType,
        value: request.body.defaultCommissionValue,
      });
      const value =
        saved.defaultCommissionType && saved.defaultCommissionValue !== null
          ? formatCommissionValue(saved.defaultCommissionType, saved.defaultCommissionValue, saved.currency)
          : null;
      return { defaultCommissionType: saved.defaultCommissionType, defaultCommissionValue: value, currency: saved.currency };
    },
  );

  app.post(
    '/api/v1/domains',
    {
      config: { principals: ['merchantKey', 'merchantSession'], idempotent: true },
      schema: {
        tags: ['account'],
        summary: 'Ask to sell on another domain (also possible before approval, from the dashboard); product URLs may use it once an admin approves it',
        security: [{ apiKey: [] }],
        body: DomainBody,
        response: {
          201: Domain,
          ...errorResponses(
            {
              VALIDATION_FAILED: {
                when: '`domain` is not a domain name.',
                message: 'domain: must be a domain name such as shop.example.com',
                details: [{ field: 'domain', code: 'INVALID_DOMAIN', message: 'must be a domain name such as shop.example.com' }],
              },
            },
            {
              ALREADY_EXISTS: {
                when: 'The domain is already on this account (pending, approved or rejected).',
                message: 'shop.example.com is already on this account (APPROVED)',
              },
            },
          ),
        },
      },
    },
    async (request, reply) => reply.status(201).send(await requestDomain(db, resolveMerchantId(request), request.body.domain)),
  );

  app.get(
    '/api/merchant/account',
    {
      config: merchantSession,
      schema: { tags: ['merchant'], summary: 'Your store profile, review status (with the reason if rejected) and domains', response: { 200: MerchantDetail } },
    },
    async (request) => getMerchantOrThrow(db, resolveMerchantId(request)),
  );

  app.patch(
    '/api/merchant/account',
    {
      config: merchantSession,
      schema: {
        tags: ['merchant'],
        summary: 'Edit your store profile (name, website, contact); null or an empty text clears an optional field',
        body: StoreProfileBody,
        response: { 200: MerchantDetail },
      },
    },
    async (request) => {
      const merchantId = resolveMerchantId(request);
      await updateStoreProfile(db, merchantId, request.body);
      return getMerchantOrThrow(db, merchantId);
    },
  );

  registerMerchantReview(app, deps);
};
