const dateTime = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat('en', { dateStyle: 'medium' });

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : dateTime.format(date);
}

export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : dateOnly.format(date);
}

/**
 * Money arrives as a decimal string in major units ("2999.00"). It is only regrouped for reading,
 * never turned into a float.
 */
export function formatMoney(amount: string | null | undefined, currency = 'NPR'): string {
  if (amount === null || amount === undefined || amount === '') return '—';
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(amount);
  if (!match) return `${currency} ${amount}`;
  const [, sign, whole = '0', fraction = ''] = match;
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${currency} ${grouped}.${fraction.padEnd(2, '0')}`;
}

export function formatCommission(type: string | null | undefined, value: string | null | undefined, currency = 'NPR'): string {
  if (!type || value === null || value === undefined) return 'Set per product';
  return type === 'PERCENTAGE' ? `${value}%` : `${formatMoney(value, currency)} per sale`;
}

export const formatCount = (value: number | null | undefined): string => (value === null || value === undefined ? '—' : value.toLocaleString('en'));
