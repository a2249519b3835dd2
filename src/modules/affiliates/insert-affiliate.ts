import type { Executor } from '../../platform/db/client.ts';
import { newId } from '../../platform/ids.ts';
import { affiliates } from './affiliates.tables.ts';

/** The affiliate profile of an existing user, in the caller's transaction; returns its id. */
export async function insertAffiliate(executor: Executor, input: { userId: string; displayName: string }): Promise<string> {
  const id = newId('aff');
  await executor.insert(affiliates).values({ id, userId: input.userId, displayName: input.displayName });
  return id;
}
