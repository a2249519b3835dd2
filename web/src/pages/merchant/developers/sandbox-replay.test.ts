import { describe, expect, it } from 'vitest';
import { webhookOutcome, type SandboxDelivery } from './sandbox-replay.ts';

const delivery = (status: SandboxDelivery['status'], attempts: Array<Partial<SandboxDelivery['attempts'][number]>> = []): SandboxDelivery => ({
  id: 'whd_1',
  endpointId: 'whe_1',
  eventId: 'evt_1',
  eventType: 'conversion.attributed',
  status,
  attemptCount: attempts.length,
  nextAttemptAt: null,
  redeliveryOf: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  completedAt: null,
  attempts: attempts.map((a, i) => ({
    attempt: i + 1,
    startedAt: '2026-01-01T00:00:00.000Z',
    outcome: 'succeeded',
    statusCode: 200,
    error: null,
    latencyMs: 12,
    responseExcerpt: null,
    ...a,
  })),
});

describe('the sandbox webhook step', () => {
  it('says there is no test endpoint, with a link to add one', () => {
    expect(webhookOutcome({ endpointCount: 0, deliveries: [] })).toMatchObject({ state: 'noted', addEndpoint: true });
  });

  it('notes endpoints that did not take the event', () => {
    expect(webhookOutcome({ endpointCount: 2, deliveries: [] })).toMatchObject({ state: 'noted', summary: expect.stringContaining('subscribed') });
  });

  it('passes a delivered event, naming the endpoint by its URL', () => {
    const outcome = webhookOutcome({ endpointCount: 1, deliveries: [delivery('succeeded', [{}])] }, new Map([['whe_1', 'https://shop.example/hook']]));
    expect(outcome).toMatchObject({ state: 'passed', details: [['https://shop.example/hook', '200 in 12 ms']] });
  });

  it('fails on a failed attempt with its error code, or the HTTP status when the endpoint answered', () => {
    const timedOut = delivery('pending', [{ outcome: 'failed', statusCode: null, error: { code: 'TIMEOUT', message: 'No answer within 10 s' } }]);
    expect(webhookOutcome({ endpointCount: 1, deliveries: [timedOut] })).toEqual({ state: 'failed', code: 'TIMEOUT', message: 'No answer within 10 s' });
    const refused = delivery('failed', [{ outcome: 'failed', statusCode: 500 }]);
    expect(webhookOutcome({ endpointCount: 1, deliveries: [refused] })).toMatchObject({ state: 'failed', code: 'HTTP_500' });
  });

  it('notes a delivery still queued or cancelled', () => {
    expect(webhookOutcome({ endpointCount: 1, deliveries: [delivery('pending')] })).toMatchObject({
      state: 'noted',
      summary: expect.stringContaining('queued'),
    });
    expect(webhookOutcome({ endpointCount: 1, deliveries: [delivery('cancelled')] })).toMatchObject({
      state: 'noted',
      summary: expect.stringContaining('cancelled'),
    });
  });
});
