import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { getPlatformSettings } from '../platform-settings/index.ts';
import { statements } from './billing.tables.ts';
import { issueStatement, merchantsToBill } from './issue-statement.ts';
import { periodStartOf } from './statement-math.ts';

export const ISSUE_STATEMENTS_JOB = 'billing.issue-statements';

/**
 * The periodic run: once a billing period (weekly or monthly setting) has ended, issue each
 * merchant's statement per currency for it, if anything is approved and unbilled or owed back.
 * Safe to run often and from several workers: a period already billed is skipped, and issuing
 * locks the merchant.
 */
export async function issueDueStatements(db: Db, now = new Date()): Promise<number> {
  const settings = await getPlatformSettings(db);
  const periodEnd = periodStartOf(now, settings.billingPeriod);
  let issued = 0;
  for (const { merchantId, currency } of await merchantsToBill(db)) {
    const [last] = await db
      .select({ periodEnd: statements.periodEnd })
      .from(statements)
      .where(and(eq(statements.merchantId, merchantId), eq(statements.currency, currency)))
      .orderBy(desc(statements.periodEnd))
      .limit(1);
    if (last && last.periodEnd >= periodEnd) continue;
    if (await issueStatement(db, { merchantId, currency, actor: 'system', periodEnd })) issued++;
  }
  return issued;
}
