import type { Clock } from '../../src/platform/clock.ts';

/** The system's time plus a shift a test moves forward: time keeps running, and can jump. */
export class TestClock implements Clock {
  private shiftMs = 0;
  now(): number {
    return Date.now() + this.shiftMs;
  }
  advance(ms: number): void {
    this.shiftMs += ms;
  }
  /** `now()` as a Date, e.g. for `worker.runDueJobs({ now: clock.date() })`. */
  date(): Date {
    return new Date(this.now());
  }
}

/** Rate limit windows are whole clock minutes; tests that count requests start well inside one. */
export async function awayFromMinuteBoundary(): Promise<void> {
  const intoMinute = Date.now() % 60_000;
  if (intoMinute > 55_000) await new Promise((resolve) => setTimeout(resolve, 60_000 - intoMinute + 100));
}
