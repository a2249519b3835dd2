/**
 * Sub-ids the redirect stores with each click (`?sub1=…` to `?sub5=…`, each kept to 100 characters;
 * the server's rule is src/platform/sub-ids.ts, see docs/tracking.md). The short link itself carries
 * none: they are added to the URL the affiliate shares and to its QR code.
 */
export const SUB_ID_KEYS = ['sub1', 'sub2', 'sub3', 'sub4', 'sub5'] as const;
export const MAX_SUB_ID_LENGTH = 100;
export type SubIdKey = (typeof SUB_ID_KEYS)[number];
export type SubIds = Partial<Record<SubIdKey, string>>;

/** Stands for the code the server draws when the link is made. */
export const CODE_PLACEHOLDER = '{code}';

/** The short link with the filled-in sub-ids as its query, in sub1…sub5 order; blank ones are left out. */
export function withSubIds(url: string, subIds: SubIds): string {
  const query = new URLSearchParams();
  for (const key of SUB_ID_KEYS) {
    const value = subIds[key]?.trim();
    if (value) query.set(key, value);
  }
  const search = query.toString();
  return search ? `${url}${url.includes('?') ? '&' : '?'}${search}` : url;
}

/** What the link will look like before it exists: the short-link address with a placeholder for its code. */
export const previewLinkUrl = (origin: string, subIds: SubIds) => withSubIds(`${origin}/r/${CODE_PLACEHOLDER}`, subIds);

/** Where short links live: the origin of an existing link (the server's public address), else this page's. */
export function shortLinkOrigin(existingLinkUrl: string | undefined, pageOrigin: string): string {
  if (!existingLinkUrl) return pageOrigin;
  try {
    return new URL(existingLinkUrl).origin;
  } catch {
    return pageOrigin;
  }
}
