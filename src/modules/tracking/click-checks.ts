import { isbot } from 'isbot';
import type { ClickRiskFlag, UnattributableReason } from './clicks.tables.ts';

/**
 * Bots, crawlers and link-preview fetchers (Slack, WhatsApp, facebookexternalhit, Twitterbot,
 * TelegramBot, …) are redirected but never counted. So are HEAD requests (previews and uptime checks
 * probe with them) and requests without a user agent, which no real browser sends.
 */
export function countableAgent(method: string, userAgent: string | undefined, agents: UserAgents): UserAgentFacts | null {
  if (method === 'HEAD' || !userAgent) return null;
  const agent = agents.get(userAgent);
  return agent.bot ? null : agent;
}

/** What is remembered of one user agent: isbot's verdict, and a short id that stands for it in keys. */
export interface UserAgentFacts {
  bot: boolean;
  id: number;
}

/**
 * isbot's verdicts remembered per user agent (real traffic repeats a small set of agents), each with a
 * number that stands for the agent in repeat-click keys, so a key is not a copy of a 100-character
 * header. Ids are never reused, even after the table is cleared, so two agents never share one.
 */
export class UserAgents {
  private readonly agents = new Map<string, UserAgentFacts>();
  private nextId = 0;
  constructor(private readonly maxEntries = 2000) {}

  get(userAgent: string): UserAgentFacts {
    let facts = this.agents.get(userAgent);
    if (facts === undefined) {
      facts = { bot: isbot(userAgent), id: this.nextId++ };
      if (this.agents.size >= this.maxEntries) this.agents.clear();
      this.agents.set(userAgent, facts);
    }
    return facts;
  }
}

/**
 * Keys remembered for a window, kept in two generations that swap every window: lookups see
 * everything from the last one to two windows, memory stays bounded, and nothing needs sweeping.
 */
class TwoGenerationMap<V> {
  private current = new Map<string, V>();
  private previous = new Map<string, V>();
  private generationStart: number;

  constructor(
    private readonly windowMs: number,
    private readonly maxEntries: number,
    now: number,
  ) {
    this.generationStart = now;
  }

  private rotate(now: number): void {
    if (now - this.generationStart < this.windowMs) return;
    // Two or more windows idle: the old generation is as stale as the current one.
    this.previous = now - this.generationStart >= 2 * this.windowMs ? new Map() : this.current;
    this.current = new Map();
    this.generationStart = now;
  }

  get(key: string, now: number): V | undefined {
    this.rotate(now);
    return this.current.get(key) ?? this.previous.get(key);
  }

  getCurrent(key: string, now: number): V | undefined {
    this.rotate(now);
    return this.current.get(key);
  }

  set(key: string, value: V): void {
    // Under a flood of distinct keys, stop remembering rather than grow without bound.
    if (this.current.size < this.maxEntries || this.current.has(key)) this.current.set(key, value);
  }
}

/** A click this visitor made earlier on the same link: its id (null when it was not attributable). */
interface EarlierClick {
  clickId: string | null;
  at: number;
}

/** Repeat clicks from one visitor (IP hash and user agent) on one link within the window count once. */
export class RepeatClicks {
  private readonly seen: TwoGenerationMap<EarlierClick>;
  constructor(
    private readonly windowMs: number,
    maxEntries = 200_000,
    now = Date.now(),
  ) {
    this.seen = new TwoGenerationMap(windowMs, maxEntries, now);
  }

  /** The earlier click within the window, if any. */
  earlier(key: string, now: number): EarlierClick | undefined {
    if (this.windowMs === 0) return undefined;
    const earlier = this.seen.get(key, now);
    return earlier && now - earlier.at < this.windowMs ? earlier : undefined;
  }

  remember(key: string, clickId: string | null, now: number): void {
    if (this.windowMs > 0) this.seen.set(key, { clickId, at: now });
  }
}

export const repeatKey = (linkId: string, ipHash: string, userAgentId: number) => `${linkId}\n${ipHash}\n${userAgentId}`;

/** Clicks per key in fixed one-minute windows; `hit` answers whether the key is over its limit. */
export class ClickVelocity {
  private readonly counts: TwoGenerationMap<{ n: number }>;
  constructor(
    private readonly limitPerMinute: number,
    maxEntries = 200_000,
    now = Date.now(),
  ) {
    this.counts = new TwoGenerationMap(60_000, maxEntries, now);
  }

  hit(key: string, now: number): boolean {
    let count = this.counts.getCurrent(key, now);
    if (!count) {
      count = { n: 0 };
      this.counts.set(key, count);
    }
    count.n += 1;
    return count.n > this.limitPerMinute;
  }
}

/** The facts about a link's campaign that decide, at click time, whether a click can earn. */
export interface Attributability {
  /** Set when the link, its product or its campaign is switched off. */
  blockedReason: UnattributableReason | null;
  /** Campaign start and end (epoch ms), checked on every click because time moves while cached. */
  startsAt: number | null;
  endsAt: number | null;
}

/** Why a click now would not be attributable, or null when it would be. */
export function unattributableReason(facts: Attributability, now: number): UnattributableReason | null {
  if (facts.blockedReason !== null) return facts.blockedReason;
  if (facts.endsAt !== null && now >= facts.endsAt) return 'CAMPAIGN_EXPIRED';
  if (facts.startsAt !== null && now < facts.startsAt) return 'CAMPAIGN_NOT_STARTED';
  return null;
}

/** The reason a switched-off link, product, campaign or merchant gives, in that order of precedence. */
export function blockedReasonOf(facts: {
  linkStatus: 'ACTIVE' | 'ARCHIVED';
  productStatus: 'ACTIVE' | 'ARCHIVED' | null;
  campaignStatus: 'DRAFT' | 'ACTIVE' | 'PAUSED' | 'ARCHIVED';
  merchantApproved: boolean;
}): UnattributableReason | null {
  if (facts.linkStatus === 'ARCHIVED') return 'LINK_ARCHIVED';
  if (facts.productStatus === 'ARCHIVED') return 'PRODUCT_ARCHIVED';
  if (facts.campaignStatus === 'ARCHIVED') return 'CAMPAIGN_ARCHIVED';
  if (facts.campaignStatus === 'PAUSED') return 'CAMPAIGN_PAUSED';
  if (facts.campaignStatus === 'DRAFT') return 'CAMPAIGN_DRAFT';
  if (!facts.merchantApproved) return 'MERCHANT_INACTIVE';
  return null;
}

export const NO_FLAGS: readonly ClickRiskFlag[] = Object.freeze([]);
