/** Seconds to wait before retry number `attempt` (1-based): 2, 4, 8 … capped at one hour, ±20 % jitter. */
export function retryDelaySeconds(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(3600, 2 ** Math.max(1, attempt));
  const jitter = 0.8 + random() * 0.4;
  return Math.max(1, Math.round(base * jitter));
}
