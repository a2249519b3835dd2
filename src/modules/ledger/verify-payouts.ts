import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../platform/db/client.ts';
import type { LedgerAccount } from './ledger.tables.ts';
import { LEDGER_ACCOUNTS } from './ledger.tables.ts';
import { expectedPayoutBalances, type PayoutLedgerState } from './payout-movements.ts';
import type { LedgerMismatch } from './verify-ledger.ts';

const OPEN = ['requested', 'approved', 'processing'];
const VOID = ['rejected', 'cancelled', 'failed'];

export const payoutLedgerState = (status: string): PayoutLedgerState => (OPEN.includes(status) ? 'open' : VOID.includes(status) ? 'void' : 'paid');

interface PayoutFacts extends Record<string, unknown> {
  id: string;
  affiliate_id: string;
  currency: string;
  status: string;
  amount: string;
  withheld_amount: string;
  shortfall: string;
  reference: string | null;
  commissions: string;
  clawbacks: string;
}

/**
 * The payout invariants: each payout's own entries match its state; its amount is its commissions
 * minus the clawbacks it nets; no commission is paid twice; no rail reference pays two payouts;
 * `processing` is exactly the open payouts. Adds what each payout's entries should be to the
 * expected wallet balances through `expect`.
 */
export async function verifyPayouts(
  db: Executor,
  expect: (affiliateId: string, livemode: boolean, currency: string, account: LedgerAccount, amount: bigint) => void,
  mismatches: LedgerMismatch[],
): Promise<number> {
  const payouts = await queryRows<PayoutFacts>(
    db,
    sql`select p.id, p.affiliate_id, p.currency, p.status, p.amount::text, p.withheld_amount::text, p.shortfall::text, p.reference,
          coalesce(sum(i.amount) filter (where i.kind = 'commission'), 0)::text as commissions,
          coalesce(sum(i.amount) filter (where i.kind = 'clawback'), 0)::text as clawbacks
        from payouts p left join payout_items i on i.payout_id = p.id
        group by p.id`,
  );
  const sums = await queryRows<{ payout_id: string; account: LedgerAccount; total: string }>(
    db,
    sql`select payout_id, account, sum(amount)::text as total from ledger_entries where commission_id is null group by payout_id, account`,
  );
  const actual = new Map(sums.map((s) => [`${s.payout_id}|${s.account}`, BigInt(s.total)]));
  const known = new Set<string>();
  const openByWallet = new Map<string, bigint>();
  for (const p of payouts) {
    known.add(p.id);
    const fail = (check: string, detail: string) => mismatches.push({ check, affiliateId: p.affiliate_id, payoutId: p.id, detail });
    const amount = BigInt(p.amount);
    const netted = BigInt(p.clawbacks);
    if (amount !== BigInt(p.commissions) - netted)
      fail('payout_amount', `amount ${amount} but its commissions ${p.commissions} minus its clawbacks ${p.clawbacks} give ${BigInt(p.commissions) - netted}`);
    const state = payoutLedgerState(p.status);
    const expected = expectedPayoutBalances({ state, amount, netted, shortfall: BigInt(p.shortfall), withheld: BigInt(p.withheld_amount) });
    for (const account of LEDGER_ACCOUNTS) {
      const got = actual.get(`${p.id}|${account}`) ?? 0n;
      if (got !== expected[account]) fail('payout_entries', `${account} entries sum to ${got}, its ${p.status} state says ${expected[account]}`);
      expect(p.affiliate_id, true, p.currency, account, expected[account]);
    }
    if (state === 'open') {
      const key = `${p.affiliate_id}|${p.currency}`;
      openByWallet.set(key, (openByWallet.get(key) ?? 0n) + amount);
    }
  }
  for (const s of sums) {
    if (!known.has(s.payout_id))
      mismatches.push({ check: 'entry_owner', payoutId: s.payout_id, detail: `entries point at payout ${s.payout_id ?? '(none)'}, which does not exist` });
  }

  const paidTwice = await queryRows<{ commission_id: string; n: string }>(
    db,
    sql`select commission_id, count(*)::text as n from ledger_entries where kind = 'commission_paid' and account = 'paid' group by commission_id having count(*) > 1`,
  );
  for (const r of paidTwice) mismatches.push({ check: 'paid_once', commissionId: r.commission_id, detail: `paid ${r.n} times` });
  const inTwo = await queryRows<{ commission_id: string; n: string }>(
    db,
    sql`select i.commission_id, count(*)::text as n from payout_items i join payouts p on p.id = i.payout_id
        where i.commission_id is not null and p.status not in ('rejected', 'cancelled', 'failed') group by i.commission_id having count(*) > 1`,
  );
  for (const r of inTwo) mismatches.push({ check: 'paid_once', commissionId: r.commission_id, detail: `carried by ${r.n} payouts that are not void` });

  const references = await queryRows<{ reference: string; n: string }>(
    db,
    sql`select reference, count(*)::text as n from payouts where reference is not null group by reference having count(*) > 1`,
  );
  for (const r of references) mismatches.push({ check: 'reference_once', detail: `rail reference ${r.reference} pays ${r.n} payouts` });

  // The processing balance of every wallet is exactly its open payouts.
  const processing = await queryRows<{ affiliate_id: string; currency: string; total: string }>(
    db,
    sql`select affiliate_id, currency, sum(amount)::text as total from ledger_entries where account = 'processing' and livemode group by affiliate_id, currency`,
  );
  const seen = new Set<string>();
  for (const w of processing) {
    const key = `${w.affiliate_id}|${w.currency}`;
    seen.add(key);
    const open = openByWallet.get(key) ?? 0n;
    if (BigInt(w.total) !== open)
      mismatches.push({
        check: 'processing_open_payouts',
        affiliateId: w.affiliate_id,
        detail: `${w.currency} processing is ${w.total}, open payouts ${open}`,
      });
  }
  for (const [key, open] of openByWallet) {
    if (!seen.has(key) && open !== 0n)
      mismatches.push({ check: 'processing_open_payouts', affiliateId: key.split('|')[0], detail: `no processing entries, open payouts ${open}` });
  }
  return payouts.length;
}
