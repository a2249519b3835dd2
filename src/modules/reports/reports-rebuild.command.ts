import type { Command } from '../../platform/command.ts';
import { parseCalendarDate } from './report-range.ts';
import { rebuildReportBuckets } from './rebuild-report-buckets.ts';

const DAY_MS = 86_400_000;

function day(flags: Record<string, string | boolean | undefined>, name: 'from' | 'to'): Date | null {
  const value = flags[name];
  if (value === undefined) return null;
  const date = typeof value === 'string' ? parseCalendarDate(value) : null;
  if (!date) throw new Error(`--${name} must be a calendar date YYYY-MM-DD`);
  return date;
}

/** `influencemart reports rebuild [--from YYYY-MM-DD] [--to YYYY-MM-DD]`: recompute the roll-ups of those UTC days from the raw rows. */
export const reportsRebuildCommand: Command = {
  path: ['reports', 'rebuild'],
  usage: 'reports rebuild [--from YYYY-MM-DD] [--to YYYY-MM-DD]  recompute report roll-ups of those UTC days (all when omitted) from raw rows',
  options: { from: { type: 'string' }, to: { type: 'string' } },
  async run({ db, flags }) {
    const from = day(flags, 'from');
    const to = day(flags, 'to');
    if (from && to && from > to) throw new Error('--from must not be after --to');
    const end = to ? new Date(to.getTime() + DAY_MS) : null;
    const { buckets } = await rebuildReportBuckets(db, { from, to: end });
    const span = `${from?.toISOString().slice(0, 10) ?? 'the beginning'} to ${to?.toISOString().slice(0, 10) ?? 'now'}`;
    return { json: { from: flags.from ?? null, to: flags.to ?? null, buckets }, human: `Rebuilt ${buckets} report buckets from ${span} (UTC).` };
  },
};
