import { and, between, count, desc, eq, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { queryRows } from '../../platform/db/client.ts';
import { pageWindow, toPage, type PageQuery } from '../../platform/http/pagination.ts';
import { apiRequestLog } from './request-log.tables.ts';
import { statusRange } from './status-filter.ts';

export interface RequestLogFilter extends PageQuery {
  mode?: 'test' | 'live' | undefined;
  status?: string | undefined;
  errorCode?: string | undefined;
}

/** One merchant's API calls, newest first. */
export async function listRequestLog(db: Db, merchantId: string, filter: RequestLogFilter) {
  const conditions: SQL[] = [eq(apiRequestLog.merchantId, merchantId)];
  if (filter.mode) conditions.push(eq(apiRequestLog.livemode, filter.mode === 'live'));
  const range = filter.status ? statusRange(filter.status) : null;
  if (range) conditions.push(between(apiRequestLog.status, range.min, range.max));
  if (filter.errorCode) conditions.push(eq(apiRequestLog.errorCode, filter.errorCode));
  const where = and(...conditions);
  const { limit, offset } = pageWindow(filter);
  const rows = await db.select().from(apiRequestLog).where(where).orderBy(desc(apiRequestLog.createdAt), desc(apiRequestLog.id)).limit(limit).offset(offset);
  const [total] = await db.select({ n: count() }).from(apiRequestLog).where(where);
  return toPage(
    filter,
    rows.map((row) => ({
      id: String(row.id),
      requestId: row.requestId,
      mode: row.livemode ? ('live' as const) : ('test' as const),
      keyId: row.keyId,
      method: row.method,
      path: row.path,
      status: row.status,
      errorCode: row.errorCode,
      latencyMs: row.latencyMs,
      createdAt: row.createdAt.toISOString(),
    })),
    total?.n ?? 0,
  );
}

const PURGE_BATCH = 5000;

/** Delete rows older than the retention, a batch at a time so no statement holds locks for long. */
export async function purgeRequestLog(db: Db, retentionDays: number): Promise<number> {
  let purged = 0;
  for (;;) {
    const deleted = await queryRows<{ id: bigint }>(
      db,
      sql`delete from ${apiRequestLog} where ${apiRequestLog.id} in (
            select ${apiRequestLog.id} from ${apiRequestLog}
            where ${lt(apiRequestLog.createdAt, sql`now() - make_interval(days => ${retentionDays})`)}
            limit ${PURGE_BATCH})
          returning ${apiRequestLog.id}`,
    );
    purged += deleted.length;
    if (deleted.length < PURGE_BATCH) return purged;
  }
}
