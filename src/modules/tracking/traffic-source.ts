/** Known referrer hosts and the traffic source they stand for (names match the affiliate channels). */
const KNOWN_SOURCES: Record<string, string> = {
  'facebook.com': 'facebook',
  'fb.com': 'facebook',
  'fb.me': 'facebook',
  'messenger.com': 'facebook',
  'instagram.com': 'instagram',
  'tiktok.com': 'tiktok',
  'youtube.com': 'youtube',
  'youtu.be': 'youtube',
  'x.com': 'x',
  'twitter.com': 'x',
  't.co': 'x',
  'whatsapp.com': 'whatsapp',
  'wa.me': 'whatsapp',
  't.me': 'telegram',
  'telegram.org': 'telegram',
  'telegram.me': 'telegram',
  'reddit.com': 'reddit',
  'linkedin.com': 'linkedin',
  'lnkd.in': 'linkedin',
  'pinterest.com': 'pinterest',
  'pin.it': 'pinterest',
  'bing.com': 'search',
  'duckduckgo.com': 'search',
  'search.yahoo.com': 'search',
};

export interface TrafficSource {
  /** `direct` (no referrer), a network name (`instagram`, …), `search`, or `website`. */
  source: string;
  /** The referrer's host without `www.`, null without a referrer. */
  host: string | null;
}

const DIRECT: TrafficSource = { source: 'direct', host: null };

/** Classify a click by its referrer. */
export function trafficSourceOf(referrer: string | undefined): TrafficSource {
  if (!referrer) return DIRECT;
  let host: string;
  try {
    host = new URL(referrer).hostname.toLowerCase();
  } catch {
    return DIRECT;
  }
  if (!host) return DIRECT;
  host = host.replace(/^www\./, '');
  // Walk up the labels: l.facebook.com → facebook.com, m.youtube.com → youtube.com.
  for (let candidate = host; candidate.includes('.'); candidate = candidate.slice(candidate.indexOf('.') + 1)) {
    const known = KNOWN_SOURCES[candidate];
    if (known) return { source: known, host };
  }
  if (/^(.+\.)?google\.[a-z.]+$/.test(host)) return { source: 'search', host };
  return { source: 'website', host };
}

/**
 * Whether a click's source is one the campaign allows. An empty list allows everything. Entries are
 * source names (`instagram`, `search`, `website`) or domains (`myblog.com`, which covers subdomains).
 * A click without a referrer is not judged: apps and privacy settings strip referrers from real buyers.
 */
export function isTrafficAllowed(allowed: readonly string[], traffic: TrafficSource): boolean {
  if (allowed.length === 0 || traffic.source === 'direct') return true;
  for (const entry of allowed) {
    if (entry === traffic.source) return true;
    if (entry.includes('.') && traffic.host !== null && (traffic.host === entry || traffic.host.endsWith(`.${entry}`))) return true;
  }
  return false;
}

/** Campaign entries as the check expects them: trimmed, lower case, without scheme or `www.`. */
export function normalizeAllowedSources(entries: readonly string[]): string[] {
  return entries
    .map((entry) =>
      entry
        .trim()
        .toLowerCase()
        .replace(/^https?:\/\//, '')
        .replace(/^www\./, '')
        .replace(/\/.*$/, ''),
    )
    .filter((entry) => entry !== '');
}
