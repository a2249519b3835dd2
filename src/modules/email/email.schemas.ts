import { Type } from '@sinclair/typebox';
import { Nullable, StringEnum } from '../../platform/http/schemas.ts';
import { OPTIONAL_EMAIL_KINDS } from './email-kinds.ts';
import { EMAIL_STATUSES } from './email.tables.ts';

export const OutboxEmail = Type.Object({
  id: Type.String(),
  to: Type.String(),
  kind: Type.String(),
  status: StringEnum(EMAIL_STATUSES),
  error: Nullable(Type.String()),
  subject: Type.String(),
  text: Type.String({ description: 'The plain-text version; emails already delivered by SMTP no longer carry their secret links' }),
  html: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  sentAt: Nullable(Type.String({ format: 'date-time' })),
});

export const EmailSettings = Type.Object({
  emailVerified: Type.Boolean(),
  notifications: Type.Array(Type.Object({ kind: StringEnum(OPTIONAL_EMAIL_KINDS), enabled: Type.Boolean() })),
});

export const EmailSettingsPatch = Type.Object(
  {
    notifications: Type.Array(Type.Object({ kind: StringEnum(OPTIONAL_EMAIL_KINDS), enabled: Type.Boolean() }, { additionalProperties: false }), {
      maxItems: 20,
    }),
  },
  { additionalProperties: false },
);
