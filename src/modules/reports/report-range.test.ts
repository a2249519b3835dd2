import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.ts';
import { MAX_REPORT_DAYS, parseCalendarDate, parseReportRange } from './report-range.ts';

function refusal(query: Parameters<typeof parseReportRange>[0]) {
  try {
    parseReportRange(query);
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, field: error.details[0]?.field, detail: error.details[0]?.code };
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('parseReportRange', () => {
  it('lists every day of an inclusive range', () => {
    expect(parseReportRange({ from: '2026-02-27', to: '2026-03-02', tz: 'UTC' })).toEqual({
      from: '2026-02-27',
      to: '2026-03-02',
      tz: 'UTC',
      days: ['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02'],
    });
  });

  it('defaults to the 30 days ending today in Asia/Kathmandu', () => {
    // 2026-06-14T20:00Z is already 01:45 on the 15th in Kathmandu.
    const range = parseReportRange({}, new Date('2026-06-14T20:00:00Z'));
    expect(range).toMatchObject({ tz: 'Asia/Kathmandu', to: '2026-06-15', from: '2026-05-17' });
    expect(range.days).toHaveLength(30);
  });

  it.each([
    [{ from: '2026-02-30', to: '2026-03-01' }, 'from', 'INVALID_DATE'],
    [{ from: '2026-3-1', to: '2026-03-01' }, 'from', 'INVALID_DATE'],
    [{ from: '2026-03-01', to: 'tomorrow' }, 'to', 'INVALID_DATE'],
    [{ from: '2026-03-02', to: '2026-03-01' }, 'from', 'FROM_AFTER_TO'],
    [{ from: '2025-01-01', to: '2026-01-02' }, 'to', 'RANGE_TOO_LONG'],
    [{ from: '2026-03-01', to: '2026-03-01', tz: 'Mars/Olympus' }, 'tz', 'UNKNOWN_TIME_ZONE'],
    [{ from: '2026-03-01', to: '2026-03-01', tz: '+05:45' }, 'tz', 'UNKNOWN_TIME_ZONE'],
  ] as const)('refuses %j on %s with %s', (query, field, detail) => {
    expect(refusal(query)).toEqual({ code: 'VALIDATION_FAILED', field, detail });
  });

  it(`answers exactly ${MAX_REPORT_DAYS} days`, () => {
    expect(parseReportRange({ from: '2025-01-01', to: '2026-01-01', tz: 'UTC' }).days).toHaveLength(MAX_REPORT_DAYS);
  });

  it('knows real calendar dates', () => {
    expect(parseCalendarDate('2028-02-29')?.toISOString()).toBe('2028-02-29T00:00:00.000Z');
    expect(parseCalendarDate('2026-02-29')).toBeNull();
  });
});
