/**
 * The time as the app sees it. Code that decides by the time of day (is this signature fresh, which
 * remembered signatures have expired) asks the platform's clock rather than `Date.now()`, so a test
 * can move time forward instead of waiting for it.
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };
