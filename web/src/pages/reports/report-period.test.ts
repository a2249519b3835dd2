import { describe, expect, it } from 'vitest';
import { describeChange, lastDays, minorUnits, previousPeriod, todayIn } from './report-period.ts';

describe('report periods', () => {
  it('counts today in the last N days and measures against the N days before', () => {
    expect(lastDays(7, '2026-03-10')).toEqual({ from: '2026-03-04', to: '2026-03-10' });
    expect(previousPeriod({ from: '2026-03-04', to: '2026-03-10' })).toEqual({ from: '2026-02-25', to: '2026-03-03' });
    expect(previousPeriod({ from: '2026-03-01', to: '2026-03-01' })).toEqual({ from: '2026-02-28', to: '2026-02-28' });
  });

  it("knows today's date in Kathmandu (UTC+5:45)", () => {
    expect(todayIn('Asia/Kathmandu', new Date('2026-03-09T18:14:59Z'))).toBe('2026-03-09');
    expect(todayIn('Asia/Kathmandu', new Date('2026-03-09T18:15:00Z'))).toBe('2026-03-10');
  });

  it('reads money exactly and describes changes without floats', () => {
    expect(minorUnits('2999.5')).toBe(299950n);
    expect(minorUnits('-0.01')).toBe(-1n);
    expect(describeChange(minorUnits('150.00'), minorUnits('100.00'))).toBe('+50%');
    expect(describeChange(2, 3)).toBe('−33.3%');
    expect(describeChange(5, 0)).toBe('new');
    expect(describeChange(0, 0)).toBe('no change');
  });
});
