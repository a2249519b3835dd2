import { Type } from '@sinclair/typebox';
import { Money } from '../../platform/http/schemas.ts';

export const WalletBalance = Type.Object({
  currency: Type.String(),
  pending: Money('Earned, not yet settled by the merchant (pending, on hold, approved)'),
  payable: Money('Settled and available to withdraw; negative after a clawback'),
  paid: Money('Paid out'),
});

export const WalletEntry = Type.Object({
  id: Type.String(),
  account: Type.String(),
  kind: Type.String(),
  amount: Money(),
  currency: Type.String(),
  commissionId: Type.Union([Type.String(), Type.Null()]),
  payoutId: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
});

export const WalletResponse = Type.Object({
  livemode: Type.Literal(true),
  balances: Type.Array(WalletBalance),
  recentEntries: Type.Array(WalletEntry),
});
