/** A status filter as typed in the dashboard: an exact code (`404`) or a class (`4xx`). */
export const STATUS_FILTER_PATTERN = '^[1-5](\\d\\d|xx)$';

export function statusRange(filter: string): { min: number; max: number } | null {
  const match = /^([1-5])(\d\d|xx)$/.exec(filter);
  if (!match) return null;
  if (match[2] === 'xx') {
    const base = Number(match[1]) * 100;
    return { min: base, max: base + 99 };
  }
  const code = Number(filter);
  return { min: code, max: code };
}
