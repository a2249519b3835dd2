import type { SecretBox } from '../../platform/crypto/secret-box.ts';
import { toStorableText } from '../../platform/db/storable-text.ts';
import type { ClickBuffer } from './click-buffer.ts';
import { ClickVelocity, countableAgent, NO_FLAGS, RepeatClicks, repeatKey, unattributableReason, UserAgents } from './click-checks.ts';
import { newClickId } from './click-id.ts';
import { MAX_SUB_ID_LENGTH, SUB_ID_KEYS, type SubIds } from '../../platform/sub-ids.ts';
import type { ClickRiskFlag } from './clicks.tables.ts';
import type { LinkTarget } from './load-link-target.ts';
import { isTrafficAllowed, trafficSourceOf } from './traffic-source.ts';

/** What the redirect knows about one visit. */
export interface Visit {
  method: string;
  ip: string;
  userAgent: string | undefined;
  referrer: string | undefined;
  /** The link's query string without the `?` ('' when none). */
  search: string;
}

export interface ClickRecorderOptions {
  buffer: ClickBuffer;
  secrets: Pick<SecretBox, 'keyedHash'>;
  repeatWindowMs: number;
  velocityPerLink: number;
  velocityPerIp: number;
}

const MAX_USER_AGENT = 512;
const MAX_REFERRER = 1000;
const NO_SUB_IDS: SubIds = Object.freeze({});

/** Sub-ids the affiliate put on the link (`?sub1=…` to `?sub5=…`), trimmed to a sane length and storable. */
export function readSubIds(search: string): SubIds {
  if (search === '' || !search.includes('sub')) return NO_SUB_IDS;
  const params = new URLSearchParams(search);
  let subIds: SubIds | undefined;
  for (const key of SUB_ID_KEYS) {
    const value = params.get(key);
    const clean = value && toStorableText(value.slice(0, MAX_SUB_ID_LENGTH));
    if (clean) (subIds ??= {})[key] = clean;
  }
  return subIds ?? NO_SUB_IDS;
}

/**
 * Decide what one visit to a link is worth and queue its click: returns where to send the visitor.
 * No I/O here: the click goes to the buffer and is written in the next batch.
 */
export function createClickRecorder(options: ClickRecorderOptions) {
  const agents = new UserAgents();
  const repeats = new RepeatClicks(options.repeatWindowMs);
  const linkVelocity = new ClickVelocity(options.velocityPerLink);
  const ipVelocity = new ClickVelocity(options.velocityPerIp);

  return function recordClick(target: LinkTarget & { redirect: NonNullable<LinkTarget['redirect']> }, visit: Visit): string {
    const redirect = target.redirect;
    const agent = countableAgent(visit.method, visit.userAgent, agents);
    if (agent === null) return redirect.plain;
    const userAgent = visit.userAgent!;
    const now = Date.now();
    const ipHash = options.secrets.keyedHash(visit.ip);
    const linkBusy = linkVelocity.hit(target.linkId, now);
    const ipBusy = ipVelocity.hit(ipHash, now);

    const key = repeatKey(target.linkId, ipHash, agent.id);
    const earlier = repeats.earlier(key, now);
    if (earlier) return earlier.clickId === null ? redirect.plain : redirect.withClickPrefix + earlier.clickId + redirect.withClickSuffix;

    const traffic = trafficSourceOf(visit.referrer);
    const offSource = !isTrafficAllowed(target.allowedTrafficSources, traffic);
    let riskFlags = NO_FLAGS as ClickRiskFlag[];
    if (linkBusy || ipBusy || offSource) {
      riskFlags = [];
      if (linkBusy) riskFlags.push('LINK_VELOCITY');
      if (ipBusy) riskFlags.push('IP_VELOCITY');
      if (offSource) riskFlags.push('TRAFFIC_SOURCE_NOT_ALLOWED');
    }
    const reason = unattributableReason(target, now);
    const id = newClickId();
    options.buffer.add({
      id,
      linkId: target.linkId,
      affiliateId: target.affiliateId,
      merchantId: target.merchantId,
      livemode: target.livemode,
      campaignId: target.campaignId,
      productId: target.productId,
      clickedAt: new Date(now),
      ipHash,
      // Anyone can send these; what the database cannot store would fail the whole batch.
      userAgent: toStorableText(userAgent.length > MAX_USER_AGENT ? userAgent.slice(0, MAX_USER_AGENT) : userAgent),
      referrer: visit.referrer ? toStorableText(visit.referrer.slice(0, MAX_REFERRER)) : null,
      trafficSource: traffic.source,
      subIds: readSubIds(visit.search),
      attributable: reason === null,
      unattributableReason: reason,
      riskFlags,
    });
    // An unattributable click is recorded (traffic still shows in reports) but its id is never handed out.
    repeats.remember(key, reason === null ? id : null, now);
    return reason === null ? redirect.withClickPrefix + id + redirect.withClickSuffix : redirect.plain;
  };
}

export type RecordClick = ReturnType<typeof createClickRecorder>;
