import { and, count, desc, eq } from 'drizzle-orm';
import type { Tenant } from '../../platform/tenant.ts';
import type { Db } from '../../platform/db/client.ts';
import { notFound } from '../../platform/errors.ts';
import { pageWindow, toPage, type Page } from '../../platform/http/pagination.ts';
import { importView } from './import-view.ts';
import { imports, type ImportRow } from './imports.tables.ts';
import type { ImportListQuery, ImportView } from './imports.schemas.ts';

export async function findImport(db: Db, tenant: Tenant, id: string): Promise<ImportRow> {
  const [row] = await db
    .select()
    .from(imports)
    .where(and(eq(imports.id, id), eq(imports.merchantId, tenant.merchantId), eq(imports.livemode, tenant.livemode)));
  if (!row) throw notFound('Import');
  return row;
}

export async function listImports(db: Db, tenant: Tenant, query: ImportListQuery): Promise<Page<ImportView>> {
  const where = and(eq(imports.merchantId, tenant.merchantId), eq(imports.livemode, tenant.livemode), query.type ? eq(imports.type, query.type) : undefined);
  const { limit, offset } = pageWindow(query);
  const [rows, [total]] = await Promise.all([
    db.select().from(imports).where(where).orderBy(desc(imports.createdAt), desc(imports.id)).limit(limit).offset(offset),
    db.select({ n: count() }).from(imports).where(where),
  ]);
  return toPage(query, rows.map(importView), total?.n ?? 0);
}
