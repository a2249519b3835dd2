import type { Executor } from '../../platform/db/client.ts';
import { newId } from '../../platform/ids.ts';
import { users, type UserRole } from './accounts.tables.ts';

/**
 * A user nobody can sign in as (e.g. the sandbox's affiliate), in the caller's transaction; returns
 * its id. The stored hash is not a password hash, so no password ever verifies against it.
 */
export async function insertLoginlessUser(executor: Executor, input: { email: string; role: UserRole; name: string }): Promise<string> {
  const id = newId('usr');
  await executor.insert(users).values({ id, email: input.email, passwordHash: '!no-login', role: input.role, name: input.name });
  return id;
}
