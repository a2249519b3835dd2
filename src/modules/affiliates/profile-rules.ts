import type { ErrorDetail } from '../../platform/errors.ts';
import type { AffiliateChannel, SocialHandles, SocialNetwork } from './affiliates.tables.ts';

/** What each network accepts as a handle (without the leading @). */
const HANDLE_PATTERNS: Record<SocialNetwork, RegExp> = {
  instagram: /^[A-Za-z0-9._]{1,30}$/,
  tiktok: /^[A-Za-z0-9._]{2,24}$/,
  youtube: /^[A-Za-z0-9._-]{3,30}$/,
  facebook: /^[A-Za-z0-9.]{5,50}$/,
  x: /^[A-Za-z0-9_]{1,15}$/,
  telegram: /^[A-Za-z][A-Za-z0-9_]{4,31}$/,
};

/** Hosts whose profile URLs people paste instead of a handle. */
const PROFILE_HOSTS: Record<SocialNetwork, string[]> = {
  instagram: ['instagram.com'],
  tiktok: ['tiktok.com'],
  youtube: ['youtube.com'],
  facebook: ['facebook.com', 'fb.com'],
  x: ['x.com', 'twitter.com'],
  telegram: ['t.me', 'telegram.me'],
};

/**
 * A handle as stored: no leading @, no profile URL around it. "https://instagram.com/@sita.np/" and
 * "@sita.np" both become "sita.np"; null when it is not a valid handle on that network.
 */
export function normalizeHandle(network: SocialNetwork, raw: string): string | null {
  let handle = raw.trim();
  if (
    /^https?:\/\//i.test(handle) ||
    PROFILE_HOSTS[network].some((host) =>
      handle
        .toLowerCase()
        .replace(/^www\./, '')
        .startsWith(`${host}/`),
    )
  ) {
    try {
      const url = new URL(/^https?:\/\//i.test(handle) ? handle : `https://${handle}`);
      const host = url.hostname.toLowerCase().replace(/^(www|m)\./, '');
      if (!PROFILE_HOSTS[network].includes(host)) return null;
      handle = url.pathname.split('/').filter(Boolean)[0] ?? '';
    } catch {
      return null;
    }
  }
  handle = handle.replace(/^@/, '');
  return HANDLE_PATTERNS[network].test(handle) ? handle : null;
}

/** A public website: absolute http(s) URL with a real host name. */
export function normalizeWebsite(raw: string): string | null {
  const text = raw.trim();
  if (text.length > 500) return null;
  try {
    const url = new URL(text);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    if (!url.hostname.includes('.') || url.username || url.password) return null;
    return url.toString();
  } catch {
    return null;
  }
}

export interface ProfilePatch {
  displayName?: string | undefined;
  bio?: string | null | undefined;
  channels?: AffiliateChannel[] | undefined;
  website?: string | null | undefined;
  socialHandles?: Partial<Record<SocialNetwork, string | null>> | undefined;
}

export interface ValidProfilePatch {
  displayName?: string;
  bio?: string | null;
  channels?: AffiliateChannel[];
  website?: string | null;
  /** Handles to set (string) or remove (null). */
  socialHandles?: Partial<Record<SocialNetwork, string | null>>;
}

/** Check and normalise a profile update; every problem is reported with its field. */
export function validateProfilePatch(patch: ProfilePatch): { ok: true; value: ValidProfilePatch } | { ok: false; details: ErrorDetail[] } {
  const details: ErrorDetail[] = [];
  const value: ValidProfilePatch = {};
  if (patch.displayName !== undefined) {
    const name = patch.displayName.trim().replace(/\s+/g, ' ');
    if (name.length < 1 || name.length > 120) details.push({ field: 'displayName', code: 'INVALID_NAME', message: 'must be 1–120 characters' });
    else value.displayName = name;
  }
  if (patch.bio !== undefined) value.bio = patch.bio === null || patch.bio.trim() === '' ? null : patch.bio.trim();
  if (patch.channels !== undefined) value.channels = [...new Set(patch.channels)];
  if (patch.website !== undefined) {
    if (patch.website === null || patch.website.trim() === '') value.website = null;
    else {
      const website = normalizeWebsite(patch.website);
      if (website) value.website = website;
      else details.push({ field: 'website', code: 'INVALID_URL', message: 'must be an http(s) address such as https://example.com' });
    }
  }
  if (patch.socialHandles !== undefined) {
    const handles: Partial<Record<SocialNetwork, string | null>> = {};
    for (const [network, raw] of Object.entries(patch.socialHandles) as Array<[SocialNetwork, string | null]>) {
      if (raw === null || raw.trim() === '') {
        handles[network] = null;
        continue;
      }
      const handle = normalizeHandle(network, raw);
      if (handle) handles[network] = handle;
      else details.push({ field: `socialHandles.${network}`, code: 'INVALID_HANDLE', message: `is not a valid ${network} handle` });
    }
    value.socialHandles = handles;
  }
  return details.length > 0 ? { ok: false, details } : { ok: true, value };
}

/** Apply set/remove handle changes to the stored handles. */
export function mergeHandles(current: SocialHandles, changes: Partial<Record<SocialNetwork, string | null>>): SocialHandles {
  const next: SocialHandles = { ...current };
  for (const [network, handle] of Object.entries(changes) as Array<[SocialNetwork, string | null]>) {
    if (handle === null) delete next[network];
    else next[network] = handle;
  }
  return next;
}
