import { Type, type Static } from '@sinclair/typebox';
import { MIN_PASSWORD_LENGTH } from './passwords.ts';

const Email = Type.String({ format: 'email', maxLength: 254 });
const Password = Type.String({ minLength: MIN_PASSWORD_LENGTH, maxLength: 200 });

export const MerchantSignup = Type.Object(
  {
    role: Type.Literal('merchant'),
    email: Email,
    password: Password,
    businessName: Type.String({ minLength: 1, maxLength: 160 }),
    website: Type.String({ format: 'uri', maxLength: 500 }),
    contactName: Type.Optional(Type.String({ maxLength: 160 })),
    contactPhone: Type.Optional(Type.String({ maxLength: 40 })),
    domains: Type.Optional(Type.Array(Type.String({ minLength: 3, maxLength: 253 }), { maxItems: 20 })),
  },
  { additionalProperties: false },
);

export const AffiliateSignup = Type.Object(
  {
    role: Type.Literal('affiliate'),
    email: Email,
    password: Password,
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 120 })),
  },
  { additionalProperties: false },
);

export const SignupBody = Type.Union([MerchantSignup, AffiliateSignup]);
export type SignupBody = Static<typeof SignupBody>;

export const LoginBody = Type.Object({ email: Type.String({ maxLength: 254 }), password: Type.String({ maxLength: 200 }) }, { additionalProperties: false });

export const User = Type.Object({
  id: Type.String(),
  email: Type.String(),
  role: Type.Union([Type.Literal('merchant'), Type.Literal('affiliate'), Type.Literal('admin')]),
  merchantId: Type.Union([Type.String(), Type.Null()]),
  affiliateId: Type.Union([Type.String(), Type.Null()]),
});

export const SessionResponse = Type.Object({ user: User, csrfToken: Type.String() });

export const ForgotPasswordBody = Type.Object({ email: Email }, { additionalProperties: false });
export const ResetPasswordBody = Type.Object({ token: Type.String({ minLength: 1, maxLength: 200 }), password: Password }, { additionalProperties: false });
export const VerifyEmailBody = Type.Object({ token: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false });
