import { Type } from '@sinclair/typebox';

export const Mode = Type.Union([Type.Literal('test'), Type.Literal('live')]);

/** A key as the dashboard lists it: an allow-list without the signing secret. */
export const ApiKeySummary = Type.Object({
  id: Type.String(),
  mode: Mode,
  publishableKey: Type.String(),
  secretHint: Type.String({ description: 'The last characters of the signing secret, e.g. sk_test_…x9Qa' }),
  secretRevealable: Type.Boolean({ description: 'The secret has never been shown and may be revealed once' }),
  status: Type.Union([Type.Literal('active'), Type.Literal('expiring'), Type.Literal('expired'), Type.Literal('revoked')]),
  createdAt: Type.String({ format: 'date-time' }),
  lastUsedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  expiresAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  revokedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});

/** The only responses that carry a signing secret: rotation and the one-time reveal. */
export const RotatedKey = Type.Object({
  id: Type.String(),
  mode: Mode,
  publishableKey: Type.String(),
  signingSecret: Type.String({ description: 'Shown only in this response; store it on your server' }),
  createdAt: Type.String({ format: 'date-time' }),
  retired: Type.Array(Type.Object({ id: Type.String(), publishableKey: Type.String(), expiresAt: Type.String({ format: 'date-time' }) })),
});

export const RevealedSecret = Type.Object({ id: Type.String(), mode: Mode, publishableKey: Type.String(), signingSecret: Type.String() });

export const KeyIdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });
