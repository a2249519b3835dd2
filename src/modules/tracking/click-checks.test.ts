import { describe, expect, it } from 'vitest';
import { blockedReasonOf, UserAgents, ClickVelocity, countableAgent, RepeatClicks, unattributableReason } from './click-checks.ts';

const CHROME = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36';
const IPHONE_INSTAGRAM = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Instagram 300.0';

describe('countableAgent', () => {
  const verdicts = new UserAgents();
  it.each([
    ['GET', CHROME, false],
    ['GET', IPHONE_INSTAGRAM, false],
    ['HEAD', CHROME, true],
    ['GET', undefined, true],
    ['GET', '', true],
    ['GET', 'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)', true],
    ['GET', 'WhatsApp/2.23.20.0 A', true],
    ['GET', 'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)', true],
    ['GET', 'Twitterbot/1.0', true],
    ['GET', 'TelegramBot (like TwitterBot)', true],
    ['GET', 'Discordbot/2.0; +https://discordapp.com', true],
    ['GET', 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)', true],
    ['GET', 'curl/8.5.0', true],
  ])('%s %j → %s', (method, userAgent, expected) => {
    expect(countableAgent(method, userAgent, verdicts) === null).toBe(expected);
    // Answered the same from the remembered verdict.
    expect(countableAgent(method, userAgent, verdicts) === null).toBe(expected);
  });
});

describe('UserAgents', () => {
  it('gives each agent one id, and never hands an id to a second agent, even after clearing', () => {
    const agents = new UserAgents(3);
    const first = agents.get('Agent A').id;
    expect(agents.get('Agent A').id).toBe(first);
    const seen = new Map<number, string>([[first, 'Agent A']]);
    for (const name of ['Agent B', 'Agent C', 'Agent D', 'Agent E', 'Agent A']) {
      const { id } = agents.get(name);
      if (seen.has(id)) expect(seen.get(id)).toBe(name);
      seen.set(id, name);
    }
    // The table was cleared on the way (bound 3), so Agent A came back with a fresh id rather than another agent's.
    expect(agents.get('Agent A').id).not.toBe(first);
  });
});

describe('RepeatClicks', () => {
  it('remembers a visitor’s click for the window and forgets it after', () => {
    const t0 = 1_000_000;
    const repeats = new RepeatClicks(30_000, 100, t0);
    expect(repeats.earlier('a', t0)).toBeUndefined();
    repeats.remember('a', 'clk_first', t0);
    expect(repeats.earlier('a', t0 + 29_999)).toEqual({ clickId: 'clk_first', at: t0 });
    expect(repeats.earlier('b', t0 + 1)).toBeUndefined();
    // Across a generation swap it is still found while inside the window…
    repeats.remember('c', null, t0 + 20_000);
    expect(repeats.earlier('c', t0 + 45_000)).toEqual({ clickId: null, at: t0 + 20_000 });
    // …and gone once the window has passed.
    expect(repeats.earlier('a', t0 + 30_000)).toBeUndefined();
    expect(repeats.earlier('c', t0 + 50_000)).toBeUndefined();
  });

  it('is switched off by a zero window', () => {
    const repeats = new RepeatClicks(0);
    repeats.remember('a', 'clk_x', 1);
    expect(repeats.earlier('a', 1)).toBeUndefined();
  });

  it('stops remembering instead of growing past its bound', () => {
    const repeats = new RepeatClicks(30_000, 2, 0);
    for (const key of ['a', 'b', 'c']) repeats.remember(key, key, 1);
    expect(repeats.earlier('b', 2)?.clickId).toBe('b');
    expect(repeats.earlier('c', 2)).toBeUndefined();
  });
});

describe('ClickVelocity', () => {
  it('flags clicks over the limit within a minute and starts again in the next', () => {
    const velocity = new ClickVelocity(3, 100, 0);
    expect([1, 2, 3, 4, 5].map((i) => velocity.hit('ip', i))).toEqual([false, false, false, true, true]);
    expect(velocity.hit('other', 6)).toBe(false);
    expect(velocity.hit('ip', 60_001)).toBe(false);
  });
});

describe('unattributableReason', () => {
  const open = { blockedReason: null, startsAt: null, endsAt: null };
  it.each([
    ['an open campaign', open, 500, null],
    ['a switched-off link', { ...open, blockedReason: 'LINK_ARCHIVED' as const }, 500, 'LINK_ARCHIVED'],
    ['before the start', { ...open, startsAt: 1000 }, 999, 'CAMPAIGN_NOT_STARTED'],
    ['at the start', { ...open, startsAt: 1000 }, 1000, null],
    ['before the end', { ...open, endsAt: 1000 }, 999, null],
    ['at the end', { ...open, endsAt: 1000 }, 1000, 'CAMPAIGN_EXPIRED'],
  ])('%s → %s', (_what, facts, now, expected) => {
    expect(unattributableReason(facts, now)).toBe(expected);
  });
});

describe('blockedReasonOf', () => {
  const live = { linkStatus: 'ACTIVE' as const, productStatus: null, campaignStatus: 'ACTIVE' as const, merchantApproved: true };
  it.each([
    ['a live link', live, null],
    ['an archived link on a paused campaign', { ...live, linkStatus: 'ARCHIVED' as const, campaignStatus: 'PAUSED' as const }, 'LINK_ARCHIVED'],
    ['an archived product', { ...live, productStatus: 'ARCHIVED' as const }, 'PRODUCT_ARCHIVED'],
    ['an active product', { ...live, productStatus: 'ACTIVE' as const }, null],
    ['a paused campaign', { ...live, campaignStatus: 'PAUSED' as const }, 'CAMPAIGN_PAUSED'],
    ['an archived campaign', { ...live, campaignStatus: 'ARCHIVED' as const }, 'CAMPAIGN_ARCHIVED'],
    ['a draft campaign', { ...live, campaignStatus: 'DRAFT' as const }, 'CAMPAIGN_DRAFT'],
    ['a suspended merchant', { ...live, merchantApproved: false }, 'MERCHANT_INACTIVE'],
  ])('%s → %s', (_what, facts, expected) => {
    expect(blockedReasonOf(facts)).toBe(expected);
  });
});
