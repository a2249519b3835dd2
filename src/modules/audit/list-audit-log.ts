import { and, count, desc, eq, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { pageWindow, toPage, type PageQuery } from '../../platform/http/pagination.ts';
import { userColumns } from '../accounts/index.ts';
import { auditLog } from './audit.tables.ts';

export interface AuditFilter extends PageQuery {
  action?: string | undefined;
  subjectType?: string | undefined;
  subjectId?: string | undefined;
  actorUserId?: string | undefined;
}

/** The audit log, newest first, for admins. */
export async function listAuditLog(db: Db, filter: AuditFilter) {
  const conditions: SQL[] = [];
  if (filter.action) conditions.push(eq(auditLog.action, filter.action));
  if (filter.subjectType) conditions.push(eq(auditLog.subjectType, filter.subjectType));
  if (filter.subjectId) conditions.push(eq(auditLog.subjectId, filter.subjectId));
  if (filter.actorUserId) conditions.push(eq(auditLog.actorUserId, filter.actorUserId));
  const where = conditions.length > 0 ? and(...conditions) : undefined;
  const { limit, offset } = pageWindow(filter);
  const rows = await db
    .select({
      id: auditLog.id,
      actorUserId: auditLog.actorUserId,
      actorEmail: userColumns.email,
      action: auditLog.action,
      subjectType: auditLog.subjectType,
      subjectId: auditLog.subjectId,
      details: auditLog.details,
      createdAt: auditLog.createdAt,
    })
    .from(auditLog)
    .leftJoin(userColumns, eq(userColumns.id, auditLog.actorUserId))
    .where(where)
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(limit)
    .offset(offset);
  const [total] = await db.select({ n: count() }).from(auditLog).where(where);
  return toPage(
    filter,
    rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() })),
    total?.n ?? 0,
  );
}
