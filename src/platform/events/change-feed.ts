/**
 * What changed, announced in this process once the change has committed, for caches to forget what
 * they hold about it. (Other processes are not told: their caches expire, see docs/tracking.md.)
 */
export type Change =
  /** A campaign's status, dates, landing page or traffic rules. */
  | { kind: 'campaign'; campaignId: string }
  /** Some products of a merchant (archived, moved, re-priced…), in one mode. */
  | { kind: 'products'; merchantId: string; livemode: boolean }
  /** A merchant's standing (approved, rejected, suspended). */
  | { kind: 'merchant'; merchantId: string };

export class ChangeFeed {
  private readonly listeners: Array<(change: Change) => void> = [];

  subscribe(listener: (change: Change) => void): void {
    this.listeners.push(listener);
  }

  /** Call after the transaction that made the change has committed. */
  announce(change: Change): void {
    for (const listener of this.listeners) listener(change);
  }
}
