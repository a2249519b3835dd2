/** The ranges a report page offers: the last 7, 30 or 90 days (today included) or any from/to. */
export const PRESETS = [7, 30, 90] as const;
export const REPORT_TIME_ZONE = 'Asia/Kathmandu';
const DAY_MS = 86_400_000;

export interface Period {
  from: string;
  to: string;
}

export function todayIn(tz: string, now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

const shift = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** The last `days` days ending today in the zone. */
export const lastDays = (days: number, today: string): Period => ({ from: shift(today, -(days - 1)), to: today });

/** The same number of days just before a period: what its change is measured against. */
export function previousPeriod({ from, to }: Period): Period {
  const length = Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;
  return { from: shift(from, -length), to: shift(from, -1) };
}

/** A decimal string in major units ("2999.50") as minor units, exactly. */
export function minorUnits(amount: string): bigint {
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(amount);
  if (!match) return 0n;
  const value = BigInt(match[2]!) * 100n + BigInt((match[3] ?? '').padEnd(2, '0'));
  return match[1] ? -value : value;
}

/** "+12.5%", "−40%", "no change", or "new" when the previous period had none. */
export function describeChange(current: bigint | number, previous: bigint | number): string {
  const [now, before] = [BigInt(current), BigInt(previous)];
  if (now === before) return 'no change';
  if (before === 0n) return 'new';
  // Tenths of a percent, rounded toward zero, without floats on money.
  const tenths = ((now - before) * 1000n) / (before < 0n ? -before : before);
  const text = `${tenths < 0n ? -tenths / 10n : tenths / 10n}${tenths % 10n === 0n ? '' : `.${(tenths < 0n ? -tenths : tenths) % 10n}`}%`;
  return tenths < 0n ? `−${text}` : `+${text}`;
}
