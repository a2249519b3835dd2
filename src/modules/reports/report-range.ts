import { invalidField } from '../../platform/errors.ts';

/** The longest range one report answers, in days (both ends included). */
export const MAX_REPORT_DAYS = 366;
export const DEFAULT_REPORT_TIME_ZONE = 'Asia/Kathmandu';
/** Without `from`, a report covers this many days ending with `to`. */
const DEFAULT_DAYS = 30;
const DAY_MS = 86_400_000;

export interface ReportRange {
  from: string;
  to: string;
  tz: string;
  /** Every day of the range, oldest first. */
  days: string[];
}

/** A calendar date `YYYY-MM-DD` that exists, as UTC midnight; null when it is not one. */
export function parseCalendarDate(value: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const date = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value ? null : date;
}

/**
 * An IANA zone name the runtime knows. Offsets such as `+05:45` are refused: PostgreSQL reads a bare
 * offset with the POSIX sign (east negative), so they would silently shift every day the wrong way.
 */
export function isTimeZone(value: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(value)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** Today's calendar date in a zone. */
export function todayIn(tz: string, now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** Checks a report's `from`, `to` (inclusive) and `tz`; a missing `to` is today there, a missing `from` 30 days before it. */
export function parseReportRange(query: { from?: string | undefined; to?: string | undefined; tz?: string | undefined }, now = new Date()): ReportRange {
  const tz = query.tz ?? DEFAULT_REPORT_TIME_ZONE;
  if (!isTimeZone(tz)) throw invalidField('tz', `unknown time zone "${tz}"; use an IANA name such as Asia/Kathmandu`, 'UNKNOWN_TIME_ZONE');
  const to = query.to ?? todayIn(tz, now);
  const toDate = parseCalendarDate(to);
  if (!toDate) throw invalidField('to', 'must be a calendar date YYYY-MM-DD', 'INVALID_DATE');
  const fromDate = query.from === undefined ? new Date(toDate.getTime() - (DEFAULT_DAYS - 1) * DAY_MS) : parseCalendarDate(query.from);
  if (!fromDate) throw invalidField('from', 'must be a calendar date YYYY-MM-DD', 'INVALID_DATE');
  if (fromDate > toDate) throw invalidField('from', 'must not be after to', 'FROM_AFTER_TO');
  const count = (toDate.getTime() - fromDate.getTime()) / DAY_MS + 1;
  if (count > MAX_REPORT_DAYS) throw invalidField('to', `a report covers at most ${MAX_REPORT_DAYS} days`, 'RANGE_TOO_LONG');
  const days = Array.from({ length: count }, (_, i) => new Date(fromDate.getTime() + i * DAY_MS).toISOString().slice(0, 10));
  return { from: days[0]!, to: days[days.length - 1]!, tz, days };
}
