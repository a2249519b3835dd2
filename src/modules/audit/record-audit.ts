import type { Executor } from '../../platform/db/client.ts';
import { newId } from '../../platform/ids.ts';
import { auditLog } from './audit.tables.ts';

export interface AuditEntry {
  actorUserId: string | null;
  /** What happened, as `<subject>.<verb>`: `merchant.approved`, `api_key.revoked`, … */
  action: string;
  subjectType: string;
  subjectId: string;
  details?: Record<string, unknown>;
}

/** Append an audit row with the caller's executor: pass the transaction making the change. */
export async function recordAudit(executor: Executor, entry: AuditEntry): Promise<string> {
  const id = newId('aud');
  await executor.insert(auditLog).values({ id, ...entry, details: entry.details ?? {} });
  return id;
}
