import { describe, expect, it } from 'vitest';
import { statusRange } from './status-filter.ts';

describe('statusRange', () => {
  it.each([
    ['200', { min: 200, max: 200 }],
    ['404', { min: 404, max: 404 }],
    ['4xx', { min: 400, max: 499 }],
    ['5xx', { min: 500, max: 599 }],
  ])('%s → %o', (filter, range) => expect(statusRange(filter)).toEqual(range));

  it.each(['', '4x', '600', '40', '4XX', 'abc', '2000'])('rejects %j', (filter) => expect(statusRange(filter)).toBeNull());
});
