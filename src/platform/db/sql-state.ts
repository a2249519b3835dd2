/** PostgreSQL's SQLSTATE for a failed statement, wherever the driver put it (drizzle wraps the driver's error). */
export function sqlState(error: unknown): string | undefined {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e.code;
  }
  return undefined;
}

export const isUniqueViolation = (error: unknown): boolean => sqlState(error) === '23505';

/**
 * The statement was refused for what a row holds — a data exception (class 22: a character it
 * cannot store, a bad value) or a broken constraint (class 23) — rather than because the database
 * is unreachable or busy; sending the same rows again will fail again.
 */
export function isRefusedData(error: unknown): boolean {
  const state = sqlState(error);
  return state !== undefined && (state.startsWith('22') || state.startsWith('23'));
}
