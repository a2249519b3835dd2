import { Type, type Static } from '@sinclair/typebox';
import { DOMAIN_STATUSES, MERCHANT_STATUSES } from './merchants.tables.ts';

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);
const DateTime = Type.String({ format: 'date-time' });

export const MerchantStatusSchema = Type.Union([Type.Literal('PENDING_REVIEW'), Type.Literal('APPROVED'), Type.Literal('REJECTED'), Type.Literal('SUSPENDED')]);
export const DomainStatusSchema = Type.Union([Type.Literal('PENDING'), Type.Literal('APPROVED'), Type.Literal('REJECTED')]);

// The schemas above must list exactly the statuses the tables allow.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const _merchantStatuses: Same<Static<typeof MerchantStatusSchema>, (typeof MERCHANT_STATUSES)[number]> = true;
const _domainStatuses: Same<Static<typeof DomainStatusSchema>, (typeof DOMAIN_STATUSES)[number]> = true;
void _merchantStatuses;
void _domainStatuses;

export const DomainView = Type.Object({
  id: Type.String(),
  domain: Type.String(),
  status: DomainStatusSchema,
  rejectionReason: Nullable(Type.String()),
  createdAt: DateTime,
  reviewedAt: Nullable(DateTime),
});

export const MerchantSummary = Type.Object({
  id: Type.String(),
  businessName: Type.String(),
  website: Nullable(Type.String()),
  email: Type.String(),
  contactName: Nullable(Type.String()),
  contactPhone: Nullable(Type.String()),
  status: MerchantStatusSchema,
  rejectionReason: Nullable(Type.String()),
  suspensionReason: Nullable(Type.String()),
  createdAt: DateTime,
  reviewedAt: Nullable(DateTime),
});

export const MerchantDetail = Type.Composite([MerchantSummary, Type.Object({ domains: Type.Array(DomainView) })]);

export const DomainReview = Type.Composite([DomainView, Type.Object({ merchantId: Type.String(), businessName: Type.String() })]);

export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });

export const MerchantListQuery = Type.Object({
  status: Type.Optional(MerchantStatusSchema),
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Part of the store name or the sign-in email' })),
});

export const RejectBody = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 1000 }) }, { additionalProperties: false });

export const SuspendBody = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 1000, description: 'Shown to the merchant' }) },
  { additionalProperties: false },
);

export const StoreProfileBody = Type.Object(
  {
    businessName: Type.Optional(Type.String({ minLength: 1, maxLength: 160, pattern: '\\S' })),
    // One rule, one error: a web address, or empty to clear it.
    website: Type.Optional(Type.String({ maxLength: 500, pattern: '^$|^https?://[^\\s/]+\\.[^\\s]+$', description: 'https://… or empty to clear' })),
    contactName: Type.Optional(Type.Union([Type.String({ maxLength: 160 }), Type.Null()])),
    contactPhone: Type.Optional(Type.Union([Type.String({ maxLength: 40 }), Type.Null()])),
  },
  { additionalProperties: false },
);

export const DomainBody = Type.Object({ domain: Type.String({ minLength: 3, maxLength: 253 }) }, { additionalProperties: false });
