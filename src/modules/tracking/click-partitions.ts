import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db/client.ts';

const monthStart = (date: Date, plusMonths: number) => new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + plusMonths, 1));
export const partitionName = (month: Date) => `clicks_${month.getUTCFullYear()}_${String(month.getUTCMonth() + 1).padStart(2, '0')}`;

/**
 * Make sure the clicks table has a partition for this month and the next `monthsAhead` months
 * (see migration 0004). Clicks that landed in the default partition for a month that now gets its
 * own partition are moved into it in the same transaction. Returns the partitions it created.
 */
export async function ensureClickPartitions(db: Db, now = new Date(), monthsAhead = 2): Promise<string[]> {
  const created: string[] = [];
  for (let i = 0; i <= monthsAhead; i++) {
    const from = monthStart(now, i);
    const to = monthStart(now, i + 1);
    const name = partitionName(from);
    const [exists] = await queryRows<{ found: boolean }>(db, sql`select to_regclass(${name}) is not null as found`);
    if (exists?.found) continue;
    const range = sql`clicked_at >= ${from.toISOString()}::timestamptz and clicked_at < ${to.toISOString()}::timestamptz`;
    await db.transaction(async (tx) => {
      await tx.execute(sql`create temporary table clicks_moving on commit drop as select * from clicks_default where ${range}`);
      await tx.execute(sql`delete from clicks_default where ${range}`);
      // DDL cannot take bind parameters; the name and bounds are built here from a Date, not from input.
      await tx.execute(sql.raw(`create table if not exists ${name} partition of clicks for values from ('${from.toISOString()}') to ('${to.toISOString()}')`));
      await tx.execute(sql`insert into clicks select * from clicks_moving`);
    });
    created.push(name);
  }
  return created;
}
