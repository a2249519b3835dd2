/** The grains of the coarse roll-ups, coarsest first, in milliseconds: a UTC day, an hour, a quarter hour. */
const GRAINS_MS = [86_400_000, 3_600_000, 900_000] as const;

/** A run of whole roll-up rows of one grain: buckets starting at `from` or later and before `to` (ms since the epoch). */
export interface TimePiece {
  grainSeconds: number;
  from: number;
  to: number;
}

/**
 * Split [from, to) into the fewest runs of aligned buckets: whole UTC days in the middle, whole hours
 * beside them, quarter hours at the ends. Local midnights in every zone are whole quarter hours, so the
 * runs cover a range of local days exactly.
 */
export function timePieces(from: number, to: number, level = 0): TimePiece[] {
  if (from >= to) return [];
  const grain = GRAINS_MS[level]!;
  if (level === GRAINS_MS.length - 1) return [{ grainSeconds: grain / 1000, from, to }];
  const start = Math.ceil(from / grain) * grain;
  const end = Math.floor(to / grain) * grain;
  if (start >= end) return timePieces(from, to, level + 1);
  return [...timePieces(from, start, level + 1), { grainSeconds: grain / 1000, from: start, to: end }, ...timePieces(end, to, level + 1)];
}
