import { Type, type Static } from '@sinclair/typebox';
import { PageQuery } from '../../platform/http/pagination.ts';
import { Money, Nullable, StringEnum } from '../../platform/http/schemas.ts';
import { STATEMENT_LINE_KINDS, STATEMENT_STATUSES } from './billing.tables.ts';

export const StatementSchema = Type.Object({
  id: Type.String(),
  merchantId: Type.String(),
  number: Type.Integer({ description: 'Numbered per merchant: 1, 2, 3 …' }),
  status: StringEnum(STATEMENT_STATUSES),
  currency: Type.String(),
  periodStart: Type.String({ format: 'date-time' }),
  periodEnd: Type.String({ format: 'date-time' }),
  commissionCount: Type.Integer(),
  commissionTotal: Money(),
  platformFeePercent: Type.String({ description: 'The platform fee rate when it was issued' }),
  platformFee: Money(),
  credits: Money('Commissions reversed after an earlier statement billed them, with the fee charged on them'),
  total: Money('commissionTotal + platformFee − credits'),
  amountPaid: Money(),
  issuedAt: Type.String({ format: 'date-time' }),
  paidAt: Nullable(Type.String({ format: 'date-time' })),
});

export const StatementLineSchema = Type.Object({
  lineNo: Type.Integer(),
  kind: StringEnum(STATEMENT_LINE_KINDS),
  commissionId: Nullable(Type.String()),
  orderId: Nullable(Type.String()),
  affiliateId: Nullable(Type.String()),
  amount: Money('Signed: commissions and the fee are owed, credits (negative) are given back'),
});

export const StatementDetailSchema = Type.Composite([
  StatementSchema,
  Type.Object({
    lines: Type.Array(StatementLineSchema),
    payments: Type.Array(Type.Object({ id: Type.String(), amount: Money(), reference: Type.String(), paidAt: Type.String({ format: 'date-time' }) })),
  }),
]);

export const StatementParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
export const StatementFormatQuery = Type.Object({
  format: Type.Optional(StringEnum(['json', 'csv'] as const, { description: '`csv` answers text/csv, one row per line' })),
});

export const StatementListQuery = Type.Composite([PageQuery, Type.Object({ status: Type.Optional(StringEnum(STATEMENT_STATUSES)) })]);
export type StatementListQuery = Static<typeof StatementListQuery>;
export const AdminStatementListQuery = Type.Composite([StatementListQuery, Type.Object({ merchantId: Type.Optional(Type.String({ maxLength: 64 })) })]);
export type AdminStatementListQuery = Static<typeof AdminStatementListQuery>;

export const IssueStatementBody = Type.Object(
  { currency: Type.Optional(Type.String({ pattern: '^[A-Z]{3}$', description: 'The platform currency when omitted' })) },
  { additionalProperties: false },
);

export const PaymentBody = Type.Object(
  {
    amount: Money(),
    reference: Type.String({ minLength: 1, maxLength: 120, description: "The merchant's bank or wallet transfer reference" }),
    paidAt: Type.Optional(Type.String({ format: 'date-time', description: 'When the merchant paid; now when omitted' })),
  },
  { additionalProperties: false },
);
