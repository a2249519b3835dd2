import { describe, expect, it } from 'vitest';
import { attemptResultOf, circuitGate, planAfterAttempt, retryDelayMs, type DeliverySettings } from './delivery-policy.ts';

const settings: DeliverySettings = { retryScheduleSeconds: [5, 300, 1800], circuitFailures: 3, circuitCooldownSeconds: 60 };
const mid = () => 0.5;

describe('attemptResultOf', () => {
  it.each([
    [200, 'succeeded'],
    [204, 'succeeded'],
    [299, 'succeeded'],
    [301, 'failed'],
    [400, 'failed'],
    [404, 'failed'],
    [410, 'gone'],
    [500, 'failed'],
    [null, 'failed'],
  ] as const)('%s is %s', (status, result) => expect(attemptResultOf(status)).toBe(result));
});

describe('retryDelayMs', () => {
  it('follows the schedule, one entry per retry, then stops', () => {
    expect([1, 2, 3, 4].map((retry) => retryDelayMs([5, 300, 1800], retry, mid))).toEqual([5000, 300_000, 1_800_000, null]);
  });

  it('keeps jitter within ±10 %', () => {
    expect(retryDelayMs([100], 1, () => 0)).toBe(90_000);
    expect(retryDelayMs([100], 1, () => 0.999999)).toBe(110_000);
  });

  it('takes fractional seconds and zero', () => {
    expect(retryDelayMs([0.25, 0], 1, mid)).toBe(250);
    expect(retryDelayMs([0.25, 0], 2, () => 0.9)).toBe(0);
  });
});

describe('planAfterAttempt', () => {
  it('a success ends the delivery and closes the circuit', () => {
    expect(planAfterAttempt('succeeded', 4, 7, settings, mid)).toEqual({
      delivery: { status: 'succeeded', retryInMs: null },
      endpoint: { consecutiveFailures: 0, circuit: 'close', disable: false },
    });
  });

  it('a failure retries on the schedule and counts against the endpoint', () => {
    expect(planAfterAttempt('failed', 1, 0, settings, mid)).toEqual({
      delivery: { status: 'pending', retryInMs: 5000 },
      endpoint: { consecutiveFailures: 1, circuit: 'keep', disable: false },
    });
    expect(planAfterAttempt('failed', 3, 0, settings, mid).delivery).toEqual({ status: 'pending', retryInMs: 1_800_000 });
  });

  it('the failure of the last scheduled attempt fails the delivery', () => {
    expect(planAfterAttempt('failed', 4, 0, settings, mid).delivery).toEqual({ status: 'failed', retryInMs: null });
  });

  it('opens the circuit at the threshold of consecutive failures, and keeps opening it after', () => {
    expect(planAfterAttempt('failed', 1, 1, settings, mid).endpoint.circuit).toBe('keep');
    expect(planAfterAttempt('failed', 1, 2, settings, mid).endpoint).toEqual({ consecutiveFailures: 3, circuit: 'open', disable: false });
    // A failed probe opens it again for another cool-down.
    expect(planAfterAttempt('failed', 2, 9, settings, mid).endpoint.circuit).toBe('open');
  });

  it('410 Gone fails the delivery without retry and disables the endpoint', () => {
    expect(planAfterAttempt('gone', 1, 0, settings, mid)).toEqual({
      delivery: { status: 'failed', retryInMs: null },
      endpoint: { consecutiveFailures: 0, circuit: 'keep', disable: true },
    });
  });
});

describe('circuitGate', () => {
  const now = new Date('2026-03-01T10:00:00Z');
  it('passes everything while closed', () => expect(circuitGate(null, now)).toEqual({ pass: true, probe: false }));
  it('holds deliveries back while open', () => {
    const until = new Date('2026-03-01T10:01:00Z');
    expect(circuitGate(until, now)).toEqual({ pass: false, until });
  });
  it('lets a probe through once the cool-down has passed', () => {
    expect(circuitGate(new Date('2026-03-01T09:59:59Z'), now)).toEqual({ pass: true, probe: true });
  });
});
