/**
 * Sub-ids: labels an affiliate adds to a short link (`?sub1=…` to `?sub5=…`) to tell placements
 * apart. The redirect stores them with the click (each cut to MAX_SUB_ID_LENGTH characters); links
 * put them on the address a QR code carries.
 */
export const SUB_ID_KEYS = ['sub1', 'sub2', 'sub3', 'sub4', 'sub5'] as const;
export type SubIdKey = (typeof SUB_ID_KEYS)[number];
export type SubIds = Partial<Record<SubIdKey, string>>;
export const MAX_SUB_ID_LENGTH = 100;

/** The URL with the given sub-ids as its query, in sub1…sub5 order; empty ones are left out. */
export function withSubIds(url: string, subIds: SubIds): string {
  const query = new URLSearchParams();
  for (const key of SUB_ID_KEYS) {
    const value = subIds[key];
    if (value) query.set(key, value);
  }
  const search = query.toString();
  return search ? `${url}${url.includes('?') ? '&' : '?'}${search}` : url;
}
