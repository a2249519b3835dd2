import { Type, type Static, type TSchema } from '@sinclair/typebox';

export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

// Literal unions are spelled out (not mapped from the constant lists) so response types infer.
export const Channel = Type.Union([
  Type.Literal('instagram'),
  Type.Literal('tiktok'),
  Type.Literal('youtube'),
  Type.Literal('facebook'),
  Type.Literal('x'),
  Type.Literal('blog'),
  Type.Literal('website'),
  Type.Literal('newsletter'),
  Type.Literal('whatsapp'),
  Type.Literal('telegram'),
  Type.Literal('podcast'),
  Type.Literal('other'),
]);
/** One optional entry per social network (SOCIAL_NETWORKS). */
const HandleMap = <T extends TSchema>(value: T) =>
  Type.Object(
    {
      instagram: Type.Optional(value),
      tiktok: Type.Optional(value),
      youtube: Type.Optional(value),
      facebook: Type.Optional(value),
      x: Type.Optional(value),
      telegram: Type.Optional(value),
    },
    { additionalProperties: false },
  );

export const Profile = Type.Object({
  affiliateId: Type.String(),
  email: Type.String(),
  displayName: Type.String(),
  bio: Nullable(Type.String()),
  channels: Type.Array(Channel),
  website: Nullable(Type.String()),
  socialHandles: HandleMap(Type.String()),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});

export const ProfilePatchBody = Type.Object(
  {
    displayName: Type.Optional(Type.String({ maxLength: 120 })),
    bio: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
    channels: Type.Optional(Type.Array(Channel, { maxItems: 24 })),
    website: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
    /** Set a handle with a string (a profile URL is accepted too), remove it with null. */
    socialHandles: Type.Optional(HandleMap(Nullable(Type.String({ maxLength: 200 })))),
  },
  { additionalProperties: false },
);
export type ProfilePatchBody = Static<typeof ProfilePatchBody>;

export const PayoutMethodType = Type.Union([
  Type.Literal('BANK_ACCOUNT'),
  Type.Literal('ESEWA'),
  Type.Literal('KHALTI'),
  Type.Literal('IME_PAY'),
  Type.Literal('CONNECT_IPS'),
]);

export const PayoutMethodBody = Type.Object(
  {
    type: PayoutMethodType,
    accountHolderName: Type.Optional(Type.String({ maxLength: 200 })),
    mobileNumber: Type.Optional(Type.String({ maxLength: 40, description: 'eSewa, Khalti, IME Pay: 98xxxxxxxx or 97xxxxxxxx' })),
    bankName: Type.Optional(Type.String({ maxLength: 200, description: 'Bank account, ConnectIPS: bank name or bankCode' })),
    bankCode: Type.Optional(Type.String({ maxLength: 40 })),
    branch: Type.Optional(Type.String({ maxLength: 200 })),
    accountNumber: Type.Optional(Type.String({ maxLength: 60, description: 'Bank account, ConnectIPS: 8–20 digits' })),
    isDefault: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type PayoutMethodBody = Static<typeof PayoutMethodBody>;

/** A payout method as shown back: the account is masked, never returned in full. */
export const PayoutMethod = Type.Object({
  id: Type.String(),
  type: PayoutMethodType,
  accountHolderName: Type.String(),
  bankName: Nullable(Type.String()),
  bankCode: Nullable(Type.String()),
  branch: Nullable(Type.String()),
  accountMasked: Type.String({ description: 'Last four digits of the account number or wallet mobile number' }),
  isDefault: Type.Boolean(),
  createdAt: Type.String({ format: 'date-time' }),
});

export const PayoutMethodList = Type.Object({ data: Type.Array(PayoutMethod) });
