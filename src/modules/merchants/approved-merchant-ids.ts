import { eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.ts';
import { merchants } from './merchants.tables.ts';

/**
 * The approved merchants' ids as a subquery, for `inArray(column, approvedMerchantIds(executor))`:
 * a reader keeps to approved merchants inside its own statement, with no round trip of its own.
 */
export const approvedMerchantIds = (executor: Executor) => executor.select({ id: merchants.id }).from(merchants).where(eq(merchants.status, 'APPROVED'));
