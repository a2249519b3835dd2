import type { Clock } from '../../platform/clock.ts';

/**
 * Links by code, kept in process for the redirect. Bounded (oldest entries go first), with a short
 * TTL so several processes agree soon after a change made elsewhere; a change made in this process
 * invalidates at once. A fresh entry answers synchronously; an entry past its TTL still answers
 * (for one more TTL at most) while it is read again in the background, so a busy link never waits
 * on the database. Unknown codes are remembered too, so guessing codes cannot flood the database.
 */
export class LinkCache<T extends { campaignId: string }> {
  private readonly entries = new Map<string, { value: T | null; loadedAt: number }>();
  private readonly loading = new Map<string, Promise<T | null>>();
  /** Bumped by every invalidation, so a read that started before it cannot store stale data after it. */
  private generation = 0;

  constructor(
    private readonly load: (code: string) => Promise<T | null>,
    private readonly options: { ttlMs: number; maxEntries: number; clock: Clock },
  ) {}

  /** The cached entry without waiting: a link, null for an unknown code, undefined when not cached. */
  peek(code: string): T | null | undefined {
    const entry = this.entries.get(code);
    if (entry === undefined) return undefined;
    const age = this.options.clock.now() - entry.loadedAt;
    if (age < this.options.ttlMs) return entry.value;
    if (age >= 2 * this.options.ttlMs) return undefined;
    void this.get(code).catch(() => undefined);
    return entry.value;
  }

  /** Read through to the database; concurrent misses for one code share one read. */
  get(code: string): Promise<T | null> {
    const inFlight = this.loading.get(code);
    if (inFlight) return inFlight;
    const generation = this.generation;
    const read = this.load(code).then(
      (value) => {
        this.loading.delete(code);
        if (generation === this.generation) this.store(code, value);
        return value;
      },
      (error: unknown) => {
        this.loading.delete(code);
        throw error;
      },
    );
    this.loading.set(code, read);
    return read;
  }

  invalidate(code: string): void {
    this.generation += 1;
    this.entries.delete(code);
  }

  /** Forget every link of a campaign (status, dates, landing page or traffic rules changed). */
  invalidateCampaign(campaignId: string): void {
    this.invalidateWhere((value) => value.campaignId === campaignId);
  }

  /** Forget every cached link that matches (unknown codes stay cached: nothing changed for them). */
  invalidateWhere(matches: (value: T) => boolean): void {
    this.generation += 1;
    for (const [code, entry] of this.entries) if (entry.value !== null && matches(entry.value)) this.entries.delete(code);
  }

  clear(): void {
    this.generation += 1;
    this.entries.clear();
  }

  private store(code: string, value: T | null): void {
    this.entries.delete(code);
    if (this.entries.size >= this.options.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(code, { value, loadedAt: this.options.clock.now() });
  }
}
