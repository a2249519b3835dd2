/**
 * What happens after a webhook attempt, as pure rules: whether the delivery is done, when it is
 * retried, and what the endpoint's circuit breaker does. No I/O; deliver-webhook.ts applies them.
 */

/** What one attempt came to. `gone` is an HTTP 410 answer. */
export type AttemptResult = 'succeeded' | 'failed' | 'gone';

export interface DeliverySettings {
  /** Seconds to wait before each retry; the first attempt is immediate, so there are length + 1 attempts. */
  retryScheduleSeconds: readonly number[];
  /** Consecutive failures that open an endpoint's circuit. */
  circuitFailures: number;
  circuitCooldownSeconds: number;
}

export interface AttemptPlan {
  delivery: { status: 'succeeded' | 'pending' | 'failed'; retryInMs: number | null };
  endpoint: {
    consecutiveFailures: number;
    /** `close`: a success closes the circuit. `open`: open it for the cool-down. `keep`: leave it as it is. */
    circuit: 'close' | 'open' | 'keep';
    disable: boolean;
  };
}

/** ±10 % around each scheduled delay, so retries of many deliveries do not arrive in lockstep. */
export const RETRY_JITTER = 0.1;

export function attemptResultOf(statusCode: number | null): AttemptResult {
  if (statusCode === null) return 'failed';
  if (statusCode === 410) return 'gone';
  return statusCode >= 200 && statusCode < 300 ? 'succeeded' : 'failed';
}

/** Milliseconds before retry number `retry` (1-based), or null when the schedule has no more. */
export function retryDelayMs(schedule: readonly number[], retry: number, random: () => number = Math.random): number | null {
  const seconds = schedule[retry - 1];
  if (seconds === undefined) return null;
  const factor = 1 - RETRY_JITTER + random() * 2 * RETRY_JITTER;
  return Math.max(0, Math.round(seconds * 1000 * factor));
}

/**
 * Plan the consequences of attempt number `attempt` of a delivery whose endpoint had
 * `consecutiveFailures` failures before it.
 */
export function planAfterAttempt(
  result: AttemptResult,
  attempt: number,
  consecutiveFailures: number,
  settings: DeliverySettings,
  random: () => number = Math.random,
): AttemptPlan {
  if (result === 'succeeded') {
    return { delivery: { status: 'succeeded', retryInMs: null }, endpoint: { consecutiveFailures: 0, circuit: 'close', disable: false } };
  }
  if (result === 'gone') {
    // The receiver says the URL is gone for good: no retry, and the endpoint stops receiving.
    return { delivery: { status: 'failed', retryInMs: null }, endpoint: { consecutiveFailures, circuit: 'keep', disable: true } };
  }
  const failures = consecutiveFailures + 1;
  const retryInMs = retryDelayMs(settings.retryScheduleSeconds, attempt, random);
  return {
    delivery: retryInMs === null ? { status: 'failed', retryInMs: null } : { status: 'pending', retryInMs },
    endpoint: { consecutiveFailures: failures, circuit: failures >= settings.circuitFailures ? 'open' : 'keep', disable: false },
  };
}

export type CircuitGate = { pass: true; probe: boolean } | { pass: false; until: Date };

/**
 * May an attempt go to an endpoint now? A closed circuit lets everything through. An open one holds
 * deliveries back (unattempted, their retry schedule untouched) until the cool-down has passed;
 * then one attempt goes through as a probe, claimed by moving the cool-down on (see claimProbe).
 */
export function circuitGate(circuitOpenUntil: Date | null, now: Date): CircuitGate {
  if (circuitOpenUntil === null) return { pass: true, probe: false };
  if (circuitOpenUntil.getTime() > now.getTime()) return { pass: false, until: circuitOpenUntil };
  return { pass: true, probe: true };
}
