import { Type } from '@sinclair/typebox';
import { Money } from '../../platform/http/schemas.ts';

export const WalletBalance = Type.Object({
  currency: Type.String(),
  pending: Money('Earned, not yet settled by the merchant (pending, on hold, approved)'),
  payable: Money('Settled and available to withdraw; negative after a clawback'),
  processing: Money('In a payout that is requested, approved or being paid'),
  paid: Money('Paid out, after tax withheld and clawbacks netted'),
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
  minimumPayout: Money('The smallest payable balance a payout request accepts (platform setting)'),
  balances: Type.Array(WalletBalance),
  recentEntries: Type.Array(WalletEntry),
  adjustments: Type.Array(
    Type.Composite([
      WalletEntry,
      Type.Object({ orderId: Type.Union([Type.String(), Type.Null()], { description: "The merchant's order the adjustment came from" }) }),
    ]),
    {
      description: 'Money taken back after settlement: refunds and reversals of payable commissions, clawbacks after payment (newest first)',
    },
  ),
});
