import { describe, expect, it } from 'vitest';
import { timePieces } from './report-time-pieces.ts';

const at = (iso: string) => Date.parse(iso);
const show = (from: string, to: string) =>
  timePieces(at(from), at(to)).map((p) => `${p.grainSeconds} ${new Date(p.from).toISOString()} ${new Date(p.to).toISOString()}`);

describe('timePieces', () => {
  it('covers Kathmandu days (UTC+5:45) with quarter hours at the ends, hours beside them and UTC days between', () => {
    // 2026-03-01 to 2026-03-03 in Kathmandu: 2026-02-28T18:15Z to 2026-03-03T18:15Z.
    expect(show('2026-02-28T18:15:00Z', '2026-03-03T18:15:00Z')).toEqual([
      '900 2026-02-28T18:15:00.000Z 2026-02-28T19:00:00.000Z',
      '3600 2026-02-28T19:00:00.000Z 2026-03-01T00:00:00.000Z',
      '86400 2026-03-01T00:00:00.000Z 2026-03-03T00:00:00.000Z',
      '3600 2026-03-03T00:00:00.000Z 2026-03-03T18:00:00.000Z',
      '900 2026-03-03T18:00:00.000Z 2026-03-03T18:15:00.000Z',
    ]);
  });

  it('uses whole days alone for UTC days and quarter hours alone inside one hour', () => {
    expect(show('2026-03-01T00:00:00Z', '2026-03-02T00:00:00Z')).toEqual(['86400 2026-03-01T00:00:00.000Z 2026-03-02T00:00:00.000Z']);
    expect(show('2026-03-01T10:15:00Z', '2026-03-01T10:45:00Z')).toEqual(['900 2026-03-01T10:15:00.000Z 2026-03-01T10:45:00.000Z']);
    expect(show('2026-03-01T10:15:00Z', '2026-03-01T12:30:00Z')).toEqual([
      '900 2026-03-01T10:15:00.000Z 2026-03-01T11:00:00.000Z',
      '3600 2026-03-01T11:00:00.000Z 2026-03-01T12:00:00.000Z',
      '900 2026-03-01T12:00:00.000Z 2026-03-01T12:30:00.000Z',
    ]);
    expect(show('2026-03-01T10:00:00Z', '2026-03-01T10:00:00Z')).toEqual([]);
  });

  it('tiles any quarter-hour range without gaps or overlaps', () => {
    const quarter = 900_000;
    for (let i = 0; i < 500; i++) {
      const from = Math.floor(Math.random() * 10_000) * quarter;
      const to = from + Math.floor(Math.random() * 4_000) * quarter;
      const pieces = timePieces(from, to);
      let cursor = from;
      for (const p of pieces) {
        expect(p.from).toBe(cursor);
        expect(p.from % (p.grainSeconds * 1000)).toBe(0);
        expect(p.to % (p.grainSeconds * 1000)).toBe(0);
        cursor = p.to;
      }
      expect(cursor).toBe(to);
    }
  });
});
